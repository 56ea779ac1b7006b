package com.huifang.schedule.plan.pack;

import static com.huifang.schedule.support.Fixtures.TENANT;
import static com.huifang.schedule.support.Fixtures.local;
import static com.huifang.schedule.support.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.schedule.plan.domain.InvalidPlanException;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.domain.PlanError;
import com.huifang.schedule.plan.domain.PlanValidator;
import com.huifang.schedule.visit.domain.PlannedVisit;
import com.huifang.schedule.visit.domain.PlanningOptions;
import com.huifang.schedule.visit.domain.ServiceEvent;
import com.huifang.schedule.visit.domain.VisitPlanner;
import java.io.File;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlanPacksTest {

    private final VisitPlanner planner = new VisitPlanner();

    @Test
    void everyPackFileIsListedAndValid() {
        String[] files = new File("src/main/resources/plan-packs").list((d, n) -> n.endsWith(".json"));
        assertThat(Arrays.stream(files).map(f -> f.replace(".json", ""))).containsExactlyInAnyOrderElementsOf(PlanPacks.NAMES);
        PlanPacks.all().forEach((name, plan) -> assertThat(new PlanValidator().validate(plan)).as(name).isEmpty());
    }

    @Test
    void packSurvivesWriteAndRead() {
        PlanJson json = new PlanJson();
        PlanPacks.all().values().forEach(p -> assertThat(json.read(json.write(p))).isEqualTo(p));
    }

    /** Each pack against a sample event: stage, due and deadline (Asia/Shanghai local times; "-" = none). */
    @ParameterizedTest(name = "{0}/{3}")
    @CsvSource(delimiter = '|', value = {
            "hospital-inpatient          | DISCHARGED             | 2025-09-25T14:00 | main         | 2025-10-09T10:00 | 2025-10-05T23:59:59",
            "hospital-outpatient         | FIRST_OUTPATIENT_VISIT | 2025-09-01T09:30 | main         | 2025-09-11T10:00 | 2025-09-15T23:59:59",
            "insurance-new-policy        | POLICY_ISSUED          | 2025-09-20T09:00 | main         | 2025-09-30T10:00 | 2025-10-14T23:59:59",
            "property-household-sampling | HOUSEHOLD_SERVICE_DONE | 2025-09-10T16:20 | main         | 2025-09-11T16:20 | -",
            "renovation-stages           | PROJECT_STARTED        | 2025-09-01T09:00 | completion   | 2025-12-01T10:00 | 2025-12-03T23:59:59",
            "furniture-installation      | INSTALLED              | 2025-09-22T11:00 | installation | 2025-09-22T11:00 | 2025-09-24T23:59:59",
            "clinic-no-show              | APPOINTMENT_MISSED     | 2025-11-08T21:00 | no-show      | 2025-11-09T09:00 | 2025-11-09T21:00",
            "education-members           | MEMBER_DORMANT         | 2025-09-01T09:00 | dormant      | 2025-09-02T10:00 | 2025-09-08T23:59:59",
            "wealth-new-contract         | CONTRACT_SIGNED        | 2025-09-26T10:30 | new-contract | 2025-09-28T10:30 | 2025-10-10T23:59:59",
    })
    void packPlansItsSampleEvent(String pack, String type, String at, String stage, String due, String deadline) {
        Plan plan = PlanPacks.load(pack);
        ServiceEvent event = new ServiceEvent("ev-1", "cust-1", type, sh(at), null, "DORMANT_MEMBER", List.of(),
                Map.of("policyReceiptDate", "2025-09-29", "startDate", "2025-09-01", "plannedEndDate", "2025-11-30"));
        PlanningOptions options = plan.sampling() != null ? PlanningOptions.sampled(null) : PlanningOptions.NONE;
        PlannedVisit v = planner.plan(plan, event, null, TENANT, sh(at), options).visits().stream()
                .filter(p -> p.stage().equals(stage)).findFirst().orElseThrow();
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse(due));
        if (deadline.equals("-")) {
            assertThat(v.deadlineAt()).isNull();
        } else {
            assertThat(local(v.deadlineAt())).isEqualTo(LocalDateTime.parse(deadline));
        }
    }

    @Test
    void malformedDocumentReportsThePathOfTheBadValue() {
        String bad = new PlanJson().write(PlanPacks.load("hospital-inpatient")).replace("\"CALENDAR_DAYS\"", "\"FORTNIGHTS\"");
        assertThatThrownBy(() -> new PlanJson().read(bad)).isInstanceOfSatisfying(InvalidPlanException.class,
                e -> assertThat(e.errors()).extracting(PlanError::path).containsExactly("/stages/0/timing/due/unit"));
        String badWindow = new PlanJson().write(PlanPacks.load("hospital-inpatient")).replace("\"15:00-17:00\"", "\"11:00-13:00\"");
        assertThatThrownBy(() -> new PlanJson().read(badWindow)).isInstanceOfSatisfying(InvalidPlanException.class,
                e -> assertThat(e.errors()).extracting(PlanError::path).containsExactly("/stages/0/windows"));
    }

    @Test
    void theJsonLiteralNullIsAnInvalidPlanNotACrash() {
        for (String body : new String[] {"null", "", "[]", "\"text\""}) {
            assertThatThrownBy(() -> new PlanJson().read(body)).as(body).isInstanceOf(InvalidPlanException.class);
        }
    }
}
