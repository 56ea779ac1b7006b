package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.DimensionSource;
import com.huifang.reporting.facts.domain.IssueFact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One issue as the supervisor's workbook and the issues list show it: ids, codes and dates only (no
 * customer data; staff ids as the complaint rates per staff member show them).
 */
public record IssueLine(LocalDate raisedOn, String issueId, String visitId, String category, String severity,
                        String department, String status, String highestEscalation, LocalDate resolvedOn,
                        Boolean slaMet, List<String> staffIds) {

    public IssueLine {
        staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
    }

    /** The issues raised in the range (tenant-local date), oldest first. */
    public static List<IssueLine> of(String tenantId, ReportRange range, Iterable<IssueFact> issues,
                                     DimensionSource source) {
        List<IssueLine> out = new ArrayList<>();
        for (IssueFact i : issues) {
            if (!i.tenantId().equals(tenantId) || i.raisedAt() == null) {
                continue;
            }
            var zone = source.zoneOf(tenantId);
            LocalDate raised = i.raisedAt().atZone(zone).toLocalDate();
            if (!range.contains(raised)) {
                continue;
            }
            var r = i.raised().value();
            out.add(new IssueLine(raised, i.issueId(), i.visitId(), i.category(), r.severity(), r.department(),
                    i.status(), i.highestEscalation(),
                    i.resolvedAt() == null ? null : i.resolvedAt().atZone(zone).toLocalDate(),
                    i.resolved() == null ? null : i.slaMet(), i.staffIds()));
        }
        out.sort(Comparator.comparing(IssueLine::raisedOn).thenComparing(IssueLine::issueId));
        return out;
    }
}
