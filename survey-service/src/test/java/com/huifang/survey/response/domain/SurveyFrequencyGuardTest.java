package com.huifang.survey.response.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.survey.response.domain.SurveyFrequencyGuard.FrequencyDecision;
import com.huifang.survey.response.domain.SurveyFrequencyGuard.FrequencyDecision.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurveyFrequencyGuardTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SurveyFrequencyGuard guard = new SurveyFrequencyGuard(7, SHANGHAI);
    // 3 March 2025, 23:30 in Shanghai
    private final Optional<Instant> last = Optional.of(Instant.parse("2025-03-03T15:30:00Z"));

    @Test
    void customerNeverSurveyedMayBeSurveyed() {
        assertThat(guard.decide(Optional.empty(), Instant.parse("2025-03-04T02:00:00Z"), false).reason())
                .isEqualTo(Reason.NEVER_SURVEYED);
    }

    @Test
    void customerSurveyedSixDaysAgoIsNotSurveyedAgain() {
        FrequencyDecision d = guard.decide(last, Instant.parse("2025-03-09T15:59:00Z"), false); // 9 March 23:59 local
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.WITHIN_QUIET_PERIOD);
        assertThat(d.allowedFrom()).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void quietDaysCountInTheTenantsTimeZone() {
        // 10 March 00:05 in Shanghai is still 9 March in UTC
        assertThat(guard.decide(last, Instant.parse("2025-03-09T16:05:00Z"), false).allowed()).isTrue();
    }

    @Test
    void planStageThatRequiresAVisitOverridesTheQuietPeriod() {
        FrequencyDecision d = guard.decide(last, Instant.parse("2025-03-04T02:00:00Z"), true);
        assertThat(d.allowed()).isTrue();
        assertThat(d.reason()).isEqualTo(Reason.PLAN_STAGE_REQUIRES);
    }

    @Test
    void zeroQuietDaysNeverBlocks() {
        assertThat(new SurveyFrequencyGuard(0, SHANGHAI).decide(last, Instant.parse("2025-03-03T15:31:00Z"), false)
                .allowed()).isTrue();
    }
}
