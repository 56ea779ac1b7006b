package com.huifang.reporting.facts.domain;

import java.time.LocalDate;

/**
 * Per staff member and day: successful visits of customers they served (by the visit's due date)
 * and complaints (issues) naming them (by the date raised). Staff is many-valued per visit, so it is
 * a table of its own rather than a dimension of {@link DailyFact}.
 */
public record StaffDailyFact(String tenantId, LocalDate date, String staffId, long visitsDone, long complaints) {

    StaffDailyFact plus(long visits, long complaintCount) {
        return new StaffDailyFact(tenantId, date, staffId, visitsDone + visits, complaints + complaintCount);
    }
}
