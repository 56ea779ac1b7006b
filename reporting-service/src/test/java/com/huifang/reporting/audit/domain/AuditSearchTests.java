package com.huifang.reporting.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditSearchTests {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static AuditSearch parse(Map<String, String> params) {
        return AuditSearch.parse("t1", params::get, NOW, SHANGHAI);
    }

    static AuditSearchException rejected(Map<String, String> params) {
        try {
            parse(params);
        } catch (AuditSearchException e) {
            return e;
        }
        throw new AssertionError("accepted " + params);
    }

    @Test
    void withoutARangeTheLastThirtyDaysAreSearchedWithNoUpperBound() {
        AuditSearch s = parse(Map.of());
        assertThat(s.from()).isEqualTo(NOW.minusSeconds(30 * 86_400L));
        assertThat(s.to()).isNull();
        assertThat(s.limit()).isEqualTo(AuditSearch.DEFAULT_LIMIT);
    }

    @Test
    void datesAreTenantLocalDaysAndADateToIncludesItsWholeDay() {
        AuditSearch s = parse(Map.of("from", "2026-11-01", "to", "2026-11-01"));
        assertThat(s.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(s.to()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        AuditSearch instants = parse(Map.of("from", "2026-11-01T08:00:00Z", "to", "2026-11-02T08:00:00Z"));
        assertThat(instants.to()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
    }

    @Test
    void aTextFilterWithAControlCharacterIsRejectedOnThatField() {
        AuditSearchException e = rejected(Map.of("action", "plan.\u0000"));
        assertThat(e.field()).isEqualTo("action");
        assertThat(e.code()).isEqualTo("format");
        assertThat(rejected(Map.of("targetType", "plan", "targetId", "p\u0007")).field()).isEqualTo("targetId");
        assertThat(parse(Map.of("action", "计划.发布 plan")).actionPrefix()).isEqualTo("计划.发布 plan");
    }

    @Test
    void endBeforeStartIsRejectedOnTo() {
        AuditSearchException e = rejected(Map.of("from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z"));
        assertThat(e.field()).isEqualTo("to");
        assertThat(e.code()).isEqualTo("end-before-start");
        assertThat(rejected(Map.of("from", "2026-11-02T00:00:00Z", "to", "2026-11-02T00:00:00Z")).code())
                .isEqualTo("end-before-start");
    }

    @Test
    void aRangeOfExactlyOneYearIsAcceptedAndOneDayMoreIsTooLong() {
        assertThat(parse(Map.of("from", "2025-11-01", "to", "2026-10-31")).to())
                .isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(rejected(Map.of("from", "2025-11-01", "to", "2026-11-01")).code()).isEqualTo("too-long");
        // an open range counts up to now
        assertThat(rejected(Map.of("from", "2025-11-01")).field()).isEqualTo("from");
    }

    @Test
    void badTimesLimitsCursorsAndATargetIdAloneAreRejectedByField() {
        assertThat(rejected(Map.of("from", "yesterday")).field()).isEqualTo("from");
        assertThat(rejected(Map.of("to", "2026-13-01")).field()).isEqualTo("to");
        assertThat(rejected(Map.of("limit", "0")).field()).isEqualTo("limit");
        assertThat(rejected(Map.of("limit", "201")).field()).isEqualTo("limit");
        assertThat(rejected(Map.of("limit", "ten")).field()).isEqualTo("limit");
        assertThat(rejected(Map.of("cursor", "not-a-cursor!")).field()).isEqualTo("cursor");
        assertThat(rejected(Map.of("targetId", "p1")).field()).isEqualTo("targetType");
    }

    @Test
    void aCursorRoundTripsThroughItsOpaqueForm() {
        AuditCursor c = new AuditCursor(Instant.parse("2026-11-03T01:02:03.456Z"), "7f0c-aa");
        assertThat(AuditCursor.decode(c.encode())).isEqualTo(c);
        assertThat(parse(Map.of("cursor", c.encode())).after()).isEqualTo(c);
    }
}
