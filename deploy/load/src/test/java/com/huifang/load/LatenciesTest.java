package com.huifang.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 10_000; i++) {
            l.add(i * 1_000_000L); // 1 ms … 10,000 ms
        }
        assertThat(l.percentileMillis(50)).isEqualTo(5_000.0);
        assertThat(l.percentileMillis(99)).isEqualTo(9_900.0);
        assertThat(l.percentileMillis(100)).isEqualTo(10_000.0);
        assertThat(l.count()).isEqualTo(10_000);
    }

    @Test
    void anEmptyRunHasNoPercentile() {
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }
}
