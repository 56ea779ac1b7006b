package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.StaffDailyFact;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complaint rate per staff member (seed 000, renovation: "设计师、巡检、施工队被投诉比率"): issues naming
 * the staff member ÷ successful visits of customers they served, in the period.
 */
public final class ComplaintRates {

    public static final String DEFINITION_ZH = "投诉率 = 涉及该员工的问题件数 ÷ 该员工服务客户的回访成功量。";
    public static final String DEFINITION_EN =
            "Issues naming the staff member ÷ successful visits of customers the staff member served.";

    /** @param rate null when no visit of their customers was done */
    public record StaffComplaintRate(String staffId, long complaints, long visitsDone, Double rate) {
    }

    private ComplaintRates() {
    }

    /** One line per staff member with visits or complaints in the range, highest rate first. */
    public static List<StaffComplaintRate> compute(String tenantId, ReportRange range, Iterable<StaffDailyFact> facts) {
        Map<String, long[]> sums = new TreeMap<>();
        for (StaffDailyFact f : facts) {
            if (f.tenantId().equals(tenantId) && range.contains(f.date())) {
                long[] s = sums.computeIfAbsent(f.staffId(), k -> new long[2]);
                s[0] += f.complaints();
                s[1] += f.visitsDone();
            }
        }
        return sums.entrySet().stream()
                .map(e -> new StaffComplaintRate(e.getKey(), e.getValue()[0], e.getValue()[1],
                        Kpi.ratio(e.getValue()[0], e.getValue()[1])))
                .sorted(Comparator.comparing((StaffComplaintRate r) -> r.rate() == null ? -1 : r.rate()).reversed()
                        .thenComparing(StaffComplaintRate::staffId))
                .toList();
    }
}
