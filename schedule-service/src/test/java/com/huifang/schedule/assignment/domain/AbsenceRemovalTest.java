package com.huifang.schedule.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.schedule.assignment.domain.AbsenceRemoval.HandedOverVisit;
import com.huifang.schedule.assignment.domain.AbsenceRemoval.Outcome;
import com.huifang.schedule.plan.domain.AssignmentPolicy.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AbsenceRemovalTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-09");

    @Test
    void anAbsenceNotBegunIsCancelledTodaysEndsNowAndAPastOneStays() {
        assertThat(AbsenceRemoval.of(TODAY.plusDays(1), TODAY)).isEqualTo(Outcome.CANCELLED);
        assertThat(AbsenceRemoval.of(TODAY, TODAY)).isEqualTo(Outcome.ENDED_EARLY);
        assertThatThrownBy(() -> AbsenceRemoval.of(TODAY.minusDays(1), TODAY))
                .isInstanceOf(AbsenceRemoval.AbsenceOverException.class);
    }

    @Test
    void anUntouchedVisitOfASameAgentPlanGoesBackToTheAgent() {
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a3", true, false, Kind.SAME_AGENT, false)))
                .isTrue();
    }

    @Test
    void everyOtherVisitStaysWithTheColleague() {
        // other policies
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a3", true, false, Kind.ROUND_ROBIN, false))).isFalse();
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a3", true, false, Kind.LEAST_LOADED, false))).isFalse();
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a3", true, false, null, false))).isFalse();
        // started, ended, moved on since, or now a conflict of interest
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a3", true, true, Kind.SAME_AGENT, false))).isFalse();
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a3", false, false, Kind.SAME_AGENT, false))).isFalse();
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a4", true, false, Kind.SAME_AGENT, false))).isFalse();
        assertThat(AbsenceRemoval.returnsToAgent(new HandedOverVisit("v", "a3", "a3", true, false, Kind.SAME_AGENT, true))).isFalse();
    }
}
