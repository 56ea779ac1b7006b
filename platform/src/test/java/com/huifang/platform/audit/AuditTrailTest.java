package com.huifang.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private static final Instant T = Instant.parse("2026-03-02T02:00:00Z");
    private final AuditTrail trail = new AuditTrail("schedule-service", Clock.fixed(T, ZoneOffset.UTC), null);

    @Test
    void anEntryCarriesTheOneSharedShapeToTheAuditTopic() {
        Caller caller = new Caller("t-1", "sup-1", Set.of(Role.AGENT, Role.SUPERVISOR));
        AuditDraft draft = AuditDraft.by(AuditActor.of(caller), "t-1").action("plan.published").target("plan", "p-1")
                .before(Map.of("version", "2")).after(Map.of("version", "3")).reason("new deadline").build();

        OutboxEntry entry = trail.entry(draft, AuditTrail.idFor("evt-9"), T, "corr-1");

        assertThat(entry.topic()).isEqualTo(Topics.AUDIT);
        assertThat(entry.type()).isEqualTo("AuditRecorded");
        AuditRecorded a = EventJson.payload(EventJson.read(entry.envelope()), AuditRecorded.class);
        assertThat(a.service()).isEqualTo("schedule-service");
        assertThat(a.actor()).isEqualTo("sup-1");
        assertThat(a.actorRole()).isEqualTo("SUPERVISOR");
        assertThat(a.before()).containsEntry("version", "2");
        assertThat(a.after()).containsEntry("version", "3");
        assertThat(a.correlationId()).isEqualTo("corr-1");
        assertThat(a.auditId()).isEqualTo(AuditTrail.idFor("evt-9").toString());
        assertThat(EventJson.read(entry.envelope()).tenantId()).isEqualTo("t-1");
    }

    @Test
    void phoneAndIdNumbersThatSlipIntoASummaryAreMasked() {
        AuditDraft draft = AuditDraft.by(AuditActor.system(), "t-1").action("customer.updated").target("customer", "c-1")
                .before(Map.of("phone", "13812345678", "note", "call 13812345678 or +86 139-0000-1111"))
                .after(Map.of("idNumber", "11010519491231002X", "name", "a1101051949123100299b"))
                .reason("customer said 13800001111").build();

        AuditRecorded a = EventJson.payload(EventJson.read(trail.entry(draft, UUID.randomUUID(), T, "c").envelope()),
                AuditRecorded.class);

        assertThat(a.before()).containsEntry("phone", "138****5678");
        assertThat(a.before().get("note")).doesNotContain("13812345678");
        assertThat(a.after()).containsEntry("idNumber", "110105********002X");
        // digits glued to letters are not an ID number and stay as they are
        assertThat(a.after()).containsEntry("name", "a1101051949123100299b");
        assertThat(a.reason()).isEqualTo("customer said 138****1111");
        assertThat(a.actorRole()).isEqualTo("SYSTEM");
    }
}
