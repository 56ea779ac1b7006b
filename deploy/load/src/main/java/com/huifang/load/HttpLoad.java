package com.huifang.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Drives HTTP load with the JDK client: an open loop (a fixed arrival rate, as partners push,
 * whatever the server's speed) and a closed loop (N users each waiting for their answer, for the
 * highest throughput a proxy can carry).
 */
public final class HttpLoad {

    private final HttpClient client;
    private final Duration timeout;

    public HttpLoad(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Sends {@code rate} requests per second for {@code duration}, at most {@code maxInFlight} at
     * once (a send that would exceed it is skipped and counted), then waits for the answers.
     *
     * @param request  the i-th request (i from {@code firstIndex})
     * @param onAnswer sees every 2xx body (e.g. to keep the ids the server gave)
     */
    public StepResult openLoop(String label, LongFunction<HttpRequest> request, long firstIndex, double rate,
                        Duration duration, int maxInFlight, Consumer<String> onAnswer) throws InterruptedException {
        Counters c = new Counters();
        Semaphore inFlight = new Semaphore(maxInFlight);
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long total = Math.round(rate * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                c.skipped.incrementAndGet();
                continue;
            }
            CompletableFuture<?> f = send(request.apply(firstIndex + i), c, onAnswer).whenComplete((r, e) -> inFlight.release());
            pending.add(f);
            pending.removeIf(CompletableFuture::isDone);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return c.result(label, (System.nanoTime() - start) / 1e9);
    }

    /** {@code users} callers, each sending its next request when the previous answered, for {@code duration}. */
    public StepResult closedLoop(String label, LongFunction<HttpRequest> request, int users, Duration duration)
            throws InterruptedException {
        return closedLoop(label, request, users, duration, null);
    }

    public StepResult closedLoop(String label, LongFunction<HttpRequest> request, int users, Duration duration,
                          Consumer<String> onAnswer) throws InterruptedException {
        Counters c = new Counters();
        AtomicLong index = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread[] threads = new Thread[users];
        for (int u = 0; u < users; u++) {
            threads[u] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        send(request.apply(index.getAndIncrement()), c, onAnswer).join();
                    } catch (RuntimeException e) {
                        // counted in send
                    }
                }
            }, "load-user-" + u);
            threads[u].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return c.result(label, (System.nanoTime() - start) / 1e9);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, Counters c, Consumer<String> onAnswer) {
        c.sent.incrementAndGet();
        long t0 = System.nanoTime();
        HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true).timeout(timeout).build();
        return client.sendAsync(timed, HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> {
                    if (e != null) {
                        c.transport.incrementAndGet();
                        return;
                    }
                    c.latencies.add(System.nanoTime() - t0);
                    int s = r.statusCode();
                    if (s >= 500) {
                        c.server.incrementAndGet();
                    } else if (s >= 400) {
                        c.rejected.incrementAndGet();
                    } else {
                        c.ok.incrementAndGet();
                        if (onAnswer != null) {
                            onAnswer.accept(r.body());
                        }
                    }
                });
    }

    private static final class Counters {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong server = new AtomicLong();
        final AtomicLong transport = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final Latencies latencies = new Latencies();

        StepResult result(String label, double seconds) {
            return new StepResult(label, seconds, sent.get(), ok.get(), rejected.get(), server.get(), transport.get(),
                    skipped.get(), latencies.percentileMillis(50), latencies.percentileMillis(99));
        }
    }
}
