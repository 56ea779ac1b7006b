package com.huifang.platform.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class PeriodicTaskTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aFailedPassIsCountedAndTheNextTickRunsAgain() {
        AtomicInteger calls = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("flaky", Duration.ofMillis(10), () -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("store unreachable")) : Mono.just(1), registry);
        task.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.counter("huifang.task.runs", "task", "flaky").count() >= 2);
        } finally {
            task.stop();
        }
        assertThat(registry.counter("huifang.task.failures", "task", "flaky").count()).isEqualTo(1.0);
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void passesNeverOverlapWhenOneTakesLongerThanTheInterval() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("slow", Duration.ofMillis(2), () -> Mono.fromRunnable(() ->
                        most.accumulateAndGet(running.incrementAndGet(), Math::max))
                .then(Mono.delay(Duration.ofMillis(30)))
                .doOnTerminate(() -> {
                    running.decrementAndGet();
                    done.incrementAndGet();
                }), registry);
        task.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= 5);
        } finally {
            task.stop();
        }
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aStopLetsThePassInFlightFinishAndStartsNoOther() {
        Sinks.Empty<Void> release = Sinks.empty();
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean finished = new AtomicBoolean();
        PeriodicTask task = new PeriodicTask("relay-like", Duration.ofMillis(5), () -> {
            started.incrementAndGet();
            return release.asMono().doOnSuccess(v -> finished.set(true));
        }, registry);
        task.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> started.get() == 1);

        AtomicBoolean stopped = new AtomicBoolean();
        task.stop(() -> stopped.set(true));
        assertThat(task.isRunning()).isFalse();
        assertThat(stopped).as("Spring waits while the pass runs").isFalse();

        release.tryEmitEmpty();
        await().atMost(Duration.ofSeconds(30)).untilTrue(stopped);
        assertThat(finished).isTrue();
        assertThat(started.get()).as("no pass after the stop").isEqualTo(1);
    }

    @Test
    void aTaskStartingAtOnceRunsItsFirstPassWithoutWaitingAnInterval() {
        AtomicInteger calls = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("gauges", Duration.ofHours(1), () -> Mono.fromRunnable(calls::incrementAndGet),
                registry).startingAtOnce();
        task.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() == 1);
        } finally {
            task.stop();
        }
        assertThat(registry.counter("huifang.task.runs", "task", "gauges").count()).isEqualTo(1.0);
    }

    @Test
    void aStopBeforeAnyStartCallsBackAtOnce() {
        PeriodicTask task = new PeriodicTask("idle", Duration.ofSeconds(1), Mono::empty, registry);
        AtomicBoolean stopped = new AtomicBoolean();
        task.stop(() -> stopped.set(true));
        assertThat(stopped).isTrue();
    }
}
