package com.huifang.contracts;

import com.huifang.contracts.events.AuditRecorded;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.contracts.events.IssueClosed;
import com.huifang.contracts.events.IssueEscalated;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.contracts.events.IssueSlaWarning;
import com.huifang.contracts.events.PlanTargetsChanged;
import com.huifang.contracts.events.QualityReviewFailed;
import com.huifang.contracts.events.SampleDrawn;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.contracts.events.TenantRetentionChanged;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Object mother: one fully populated instance of every catalogued event. */
final class SampleEvents {

    static final Instant T = Instant.parse("2026-03-02T02:00:00Z");

    private SampleEvents() {
    }

    static List<HuifangEvent> all() {
        return List.of(
                new ServiceEventRecorded("se-1", "c-1", "DISCHARGED", T, null, "住院", List.of("dr-wang"),
                        "PARTNER_HTTP", "his-778", Map.of("department", "骨科")),
                new CustomerConsentChanged("c-1", List.of("PHONE"), false, "customer call", T),
                new CustomerErased("c-1", "er-1", T),
                new CustomerErasureConfirmed("c-1", "er-1", "schedule-service", 4, T),
                new CustomerProfileChanged("c-1", "张先生", "先生", "138****1234", "住院", List.of("PHONE", "SMS"), "PHONE",
                        List.of("10:00-12:00"), null, List.of("dr-wang"), "hh-1", 3, T),
                new IssueSlaWarning("i-1", "c-1", "RESOLUTION", T.plusSeconds(3600), "PT1H", "owner-1", "quality", T),
                new TenantCalendarChanged("tenant-a", "Asia/Shanghai", List.of("MONDAY", "TUESDAY"), "09:00-18:00",
                        "10:00-12:00,15:00-17:00", List.of(), 4, T),
                new TenantRetentionChanged("tenant-a", 1825, 1095, 2, T),
                new PlanTargetsChanged("plan-1", 3, "住院患者出院回访", 95.0, 90.0, false, T),
                new AuditRecorded("e-1", "schedule-service", "sup-1", "SUPERVISOR", "plan.published", "plan", "plan-1",
                        Map.of("version", "2"), Map.of("version", "3"), "new cooling-off rule", "corr-1", T),
                new VisitPlanned("v-1", "c-1", "plan-1", 3, "main", "se-1", "tpl-1", T, T.plusSeconds(3600),
                        T.plusSeconds(86_400), "PHONE", 2, null, false),
                new VisitDue("v-1", "c-1", "plan-1", "tpl-1", T, T.plusSeconds(86_400), "PHONE", 2, "agent-li"),
                new VisitAttempted("v-1", "c-1", "plan-1", 1, "PHONE", "NO_ANSWER", 25, 0, "agent-li", T,
                        "rec://pbx/2026/03/02/v-1-1.wav"),
                new SampleDrawn("plan-1", "2026-03", 120, 20.0, 24, 3, 24, T),
                new QualityReviewFailed("qr-1", "v-1", "c-1", "plan-1", "agent-li", "sup-1", 55.0,
                        List.of("IDENTITY_CONFIRMED"), "did not confirm identity", "2026-03", T),
                new VisitCompleted("v-1", "c-1", "plan-1", "COMPLETED", "PHONE", "agent-li", T, T.plusSeconds(60),
                        true, 2),
                new SurveySubmitted("r-1", "v-1", "c-1", "plan-1", "tpl-1", 1, "agent-li", "PHONE", T, 1.0, false,
                        null, null, List.of("q2"), true, "伤口红肿", List.of("服务态度差"), true),
                new IssueRaised("i-1", "c-1", "v-1", "SERVICE_ATTITUDE", "NORMAL", "SURVEY", "nursing",
                        List.of("nurse-zhao"), T),
                new IssueEscalated("i-1", "c-1", "SUPERVISOR", "first response SLA missed", T),
                new IssueResolved("i-1", "c-1", "v-1", "SERVICE_ATTITUDE", "apologised, retrained", true, T),
                new IssueClosed("i-1", "c-1", "CONFIRMED", T));
    }
}
