package com.huifang.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.reporting.facts.domain.DimensionSource;
import com.huifang.reporting.kpi.ReportService.RangeFacts;
import com.huifang.reporting.kpi.domain.ReportRange;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DailyFactCacheTests {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private final AtomicInteger loads = new AtomicInteger();

    private Mono<RangeFacts> load(String tenant, ReportRange range) {
        loads.incrementAndGet();
        return Mono.fromSupplier(() -> new RangeFacts(new StoredDimensions(tenant, DimensionSource.DEFAULT_ZONE, Map.of(), Map.of()), List.of(),
                List.of(), List.of()));
    }

    private DailyFactCache cache(boolean serveStale) {
        return new DailyFactCache(this::load, Duration.ZERO, Duration.ofHours(1), 2, serveStale);
    }

    @Test
    void aMonthIsLoadedOnceWhileNothingChanges() {
        DailyFactCache cache = cache(true);
        var first = cache.month("t1", NOVEMBER).block();
        assertThat(cache.month("t1", NOVEMBER).block()).isSameAs(first);
        assertThat(loads).hasValue(1);
    }

    @Test
    void afterAChangeTheStaleMonthIsServedWhileItReloadsInTheBackground() {
        DailyFactCache cache = cache(true);
        var first = cache.month("t1", NOVEMBER).block();
        cache.changed("t1");
        assertThat(cache.month("t1", NOVEMBER).block()).isSameAs(first);
        assertThat(loads).hasValue(2);
        var reloaded = cache.month("t1", NOVEMBER).block();
        assertThat(reloaded).isNotSameAs(first);
        assertThat(reloaded.generation()).isEqualTo(1);
    }

    @Test
    void withoutServingStaleAReadAfterAChangeWaitsForTheReload() {
        DailyFactCache cache = cache(false);
        var first = cache.month("t1", NOVEMBER).block();
        cache.changed("t1");
        assertThat(cache.month("t1", NOVEMBER).block()).isNotSameAs(first);
    }

    @Test
    void anotherTenantsChangeReloadsNothingAndTheLeastRecentlyReadMonthIsEvicted() {
        DailyFactCache cache = cache(true);
        cache.month("t1", NOVEMBER).block();
        cache.changed("t2");
        cache.month("t1", NOVEMBER).block();
        assertThat(loads).hasValue(1);
        cache.month("t1", NOVEMBER.plusMonths(1)).block();
        cache.month("t1", NOVEMBER.plusMonths(2)).block(); // at most 2 months: November goes
        cache.month("t1", NOVEMBER).block();
        assertThat(loads).hasValue(4);
    }
}
