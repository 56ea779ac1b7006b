package com.huifang.platform.task;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One pass of work repeated at a fixed interval for as long as the application runs: the outbox
 * relay, the inbox purge, a service's due sweeper or metrics refresh. Passes never overlap (a tick
 * that falls while a pass still runs is dropped); a failed pass is logged, counted in
 * {@code huifang_task_failures_total{task}} and the next tick tries again, so one error never ends
 * the loop. On shutdown no new pass starts and the running one is allowed to finish (within
 * Spring's {@code spring.lifecycle.timeout-per-shutdown-phase}), so a relay does not leave a
 * half-sent document behind when it can help it.
 *
 * <p>Declare it as a bean: {@code new PeriodicTask("due-sweep", interval, sweeper::sweepOnce, registry)}
 * ({@link #startingAtOnce()} for a refresh whose first pass should not wait an interval). The pass
 * must not block: it is a {@code Mono}, its ticks come from a bounded-elastic scheduler.
 */
public class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    /** Stops with the Kafka listener containers, before the Kafka and Mongo clients close. */
    public static final int DEFAULT_PHASE = Integer.MAX_VALUE - 100;

    private final String name;
    private final Duration interval;
    private final Duration initialDelay;
    private final Supplier<? extends Mono<?>> pass;
    private final Scheduler scheduler;
    private final int phase;
    private final Counter runs;
    private final Counter failures;
    private final Object lock = new Object();
    private Disposable loop;
    private Sinks.Empty<Void> stopSignal;
    private Sinks.Empty<Void> finished;

    public PeriodicTask(String name, Duration interval, Supplier<? extends Mono<?>> pass, MeterRegistry registry) {
        this(name, interval, interval, pass, Schedulers.boundedElastic(), DEFAULT_PHASE,
                Counter.builder("huifang.task.runs").description("Passes of a periodic task that completed")
                        .tag("task", name).register(registry),
                Counter.builder("huifang.task.failures")
                        .description("Passes of a periodic task that failed (the next tick tries again)")
                        .tag("task", name).register(registry));
    }

    private PeriodicTask(String name, Duration initialDelay, Duration interval, Supplier<? extends Mono<?>> pass,
                         Scheduler scheduler, int phase, Counter runs, Counter failures) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval of task " + name + " must be positive: " + interval);
        }
        this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
        this.pass = Objects.requireNonNull(pass, "pass");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.phase = phase;
        this.runs = runs;
        this.failures = failures;
    }

    /** The same task, its first pass right at start (a gauge refresh) instead of one interval later. */
    public PeriodicTask startingAtOnce() {
        return new PeriodicTask(name, Duration.ZERO, interval, pass, scheduler, phase, runs, failures);
    }

    /** The same task stopping in another lifecycle phase. */
    public PeriodicTask withPhase(int phase) {
        return new PeriodicTask(name, initialDelay, interval, pass, scheduler, phase, runs, failures);
    }

    /** The same task on another scheduler (tests use a virtual-time one). */
    public PeriodicTask on(Scheduler scheduler) {
        return new PeriodicTask(name, initialDelay, interval, pass, scheduler, phase, runs, failures);
    }

    public String name() {
        return name;
    }

    public Duration interval() {
        return interval;
    }

    /** Runs one pass now, outside the loop, with the same error handling; for tests and admin endpoints. */
    public Mono<Void> runOnce() {
        return Mono.defer(pass::get)
                .doOnSuccess(v -> runs.increment())
                .onErrorResume(e -> {
                    failures.increment();
                    log.warn("Periodic task {} failed, will retry in {}: {}", name, interval, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (loop != null) {
                return;
            }
            Sinks.Empty<Void> stop = Sinks.empty();
            Sinks.Empty<Void> done = Sinks.empty();
            AtomicBoolean stopping = new AtomicBoolean();
            stop.asMono().subscribe(null, null, () -> stopping.set(true));
            stopSignal = stop;
            finished = done;
            loop = Flux.interval(initialDelay, interval, scheduler)
                    .takeUntilOther(stop.asMono())
                    .onBackpressureDrop()
                    // concatMap completes only once the pass in flight has: a stop lets it finish;
                    // a tick still queued behind it when the stop came runs nothing
                    .concatMap(tick -> stopping.get() ? Mono.<Void>empty() : runOnce(), 1)
                    .doFinally(signal -> done.tryEmitEmpty())
                    .subscribe();
        }
    }

    @Override
    public void stop(Runnable callback) {
        Sinks.Empty<Void> stop;
        Sinks.Empty<Void> done;
        synchronized (lock) {
            stop = stopSignal;
            done = finished;
            loop = null;
            stopSignal = null;
            finished = null;
        }
        if (stop == null) {
            callback.run();
            return;
        }
        // no new tick; the pass in flight finishes, then the loop completes and Spring goes on
        done.asMono().subscribe(null, e -> callback.run(), callback);
        stop.tryEmitEmpty();
    }

    @Override
    public void stop() {
        Disposable running;
        Sinks.Empty<Void> stop;
        synchronized (lock) {
            running = loop;
            stop = stopSignal;
            loop = null;
            stopSignal = null;
            finished = null;
        }
        if (running != null) {
            stop.tryEmitEmpty();
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return loop != null;
        }
    }

    @Override
    public int getPhase() {
        return phase;
    }

    @Override
    public String toString() {
        return "PeriodicTask[" + name + " every " + interval + "]";
    }
}
