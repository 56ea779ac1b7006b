package com.huifang.schedule.access.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.schedule.access.domain.AccessGrant.GrantRuleException;
import com.huifang.schedule.access.domain.AccessGrant.InvalidGrantException;
import com.huifang.schedule.access.domain.AccessGrant.Problem;
import com.huifang.schedule.access.domain.AccessGrant.Request;
import com.huifang.schedule.access.domain.VisitReadPolicy.Basis;
import com.huifang.schedule.access.domain.VisitReadPolicy.Reader;
import com.huifang.schedule.access.domain.VisitReadPolicy.VisitHolder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessGrantTest {

    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    static AccessGrant grant(String grantee, String scope, Duration length) {
        return AccessGrant.give("g-" + scope, "sup-1", new Request(grantee, scope, "quality review", NOW.plus(length)), NOW);
    }

    @Test
    void aGrantRecordsWhoApprovedWhyAndUntilWhen() {
        AccessGrant g = grant("agent-b", "agent-a", Duration.ofDays(3));
        assertThat(g.grantedBy()).isEqualTo("sup-1");
        assertThat(g.grantedAt()).isEqualTo(NOW);
        assertThat(g.reason()).isEqualTo("quality review");
        assertThat(g.until()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(g.activeAt(NOW)).isTrue();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> AccessGrant.give("g", "sup-1", new Request(" ", null, "", NOW), NOW))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("grantee", "required"), new Problem("scope", "required"),
                        new Problem("reason", "required"), new Problem("until", "not-in-future")));
        assertThatThrownBy(() -> AccessGrant.give("g", "sup-1", new Request("b", "a", "why", null), NOW))
                .isInstanceOfSatisfying(InvalidGrantException.class,
                        e -> assertThat(e.problems()).containsExactly(new Problem("until", "required")));
    }

    @Test
    void untilMustBeInTheFutureAndAtMostThirtyDaysAhead() {
        assertThatThrownBy(() -> grant("b", "a", Duration.ofSeconds(-1))).isInstanceOfSatisfying(
                InvalidGrantException.class, e -> assertThat(e.problems()).containsExactly(new Problem("until", "not-in-future")));
        assertThatThrownBy(() -> grant("b", "a", Duration.ofDays(30).plusSeconds(1))).isInstanceOfSatisfying(
                InvalidGrantException.class, e -> assertThat(e.problems()).containsExactly(new Problem("until", "too-far")));
        assertThat(grant("b", "a", Duration.ofDays(30)).until()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void nobodyApprovesTheirOwnAccess() {
        assertThatThrownBy(() -> AccessGrant.give("g", "sup-1", new Request("sup-1", "*", "why", NOW.plusSeconds(60)), NOW))
                .isInstanceOfSatisfying(GrantRuleException.class, e -> assertThat(e.code()).isEqualTo("self-approval"));
    }

    @Test
    void aGrantCoversItsScopeUntilItExpiresOrIsRevoked() {
        AccessGrant one = grant("agent-b", "agent-a", Duration.ofHours(2));
        assertThat(one.covers("agent-a", NOW)).isTrue();
        assertThat(one.covers("agent-c", NOW)).isFalse();
        assertThat(one.covers(null, NOW)).isFalse();
        assertThat(one.covers("agent-a", NOW.plus(Duration.ofHours(2)).minusMillis(1))).isTrue();
        assertThat(one.covers("agent-a", NOW.plus(Duration.ofHours(2)))).isFalse();

        AccessGrant all = grant("agent-b", AccessGrant.ALL, Duration.ofHours(2));
        assertThat(all.covers("agent-c", NOW)).isTrue();
        assertThat(all.covers(null, NOW)).isTrue();

        AccessGrant revoked = one.revoke("sup-2", "review done", NOW.plusSeconds(10));
        assertThat(revoked.revokedBy()).isEqualTo("sup-2");
        assertThat(revoked.revokeReason()).isEqualTo("review done");
        assertThat(revoked.covers("agent-a", NOW.plusSeconds(11))).isFalse();
        assertThatThrownBy(() -> revoked.revoke("sup-2", null, NOW.plusSeconds(20)))
                .isInstanceOfSatisfying(GrantRuleException.class, e -> assertThat(e.code()).isEqualTo("already-revoked"));
    }

    @Test
    void ownQueuedAndPrivilegedReadsNeedNoGrantOthersDo() {
        Reader agentB = new Reader("agent-b", false, Set.of("ward-a"));
        VisitHolder ofA = new VisitHolder("agent-a", null, "ward-a");
        assertThat(VisitReadPolicy.decide(agentB, new VisitHolder("agent-b", null, "ward-a"), List.of(), NOW).basis())
                .isEqualTo(Basis.OWN);
        assertThat(VisitReadPolicy.decide(agentB, new VisitHolder("agent-a", "agent-b", "ward-a"), List.of(), NOW).basis())
                .isEqualTo(Basis.OWN);
        assertThat(VisitReadPolicy.decide(agentB, new VisitHolder(null, null, "ward-a"), List.of(), NOW).basis())
                .isEqualTo(Basis.QUEUE);
        assertThat(VisitReadPolicy.decide(agentB, new VisitHolder(null, null, null), List.of(), NOW).basis())
                .isEqualTo(Basis.QUEUE);
        assertThat(VisitReadPolicy.decide(agentB, new VisitHolder(null, null, "ward-z"), List.of(), NOW).basis())
                .isEqualTo(Basis.DENIED);
        assertThat(VisitReadPolicy.decide(agentB, ofA, List.of(), NOW).basis()).isEqualTo(Basis.DENIED);
        assertThat(VisitReadPolicy.decide(new Reader("aud-1", true, Set.of()), ofA, List.of(), NOW).basis())
                .isEqualTo(Basis.PRIVILEGED);

        AccessGrant grant = grant("agent-b", "agent-a", Duration.ofHours(1));
        assertThat(VisitReadPolicy.decide(agentB, ofA, List.of(grant), NOW))
                .isEqualTo(new VisitReadPolicy.Decision(Basis.GRANT, grant.id()));
        // someone else's grant, an expired one, a revoked one: no
        assertThat(VisitReadPolicy.decide(new Reader("agent-c", false, Set.of()), ofA, List.of(grant), NOW).allowed())
                .isFalse();
        assertThat(VisitReadPolicy.decide(agentB, ofA, List.of(grant), NOW.plus(Duration.ofHours(1))).allowed()).isFalse();
        assertThat(VisitReadPolicy.decide(agentB, ofA, List.of(grant.revoke("sup-1", null, NOW)), NOW).allowed()).isFalse();
        // another team's unassigned visit: only an all-visits grant
        assertThat(VisitReadPolicy.decide(agentB, new VisitHolder(null, null, "ward-z"), List.of(grant), NOW).allowed())
                .isFalse();
        assertThat(VisitReadPolicy.decide(agentB, new VisitHolder(null, null, "ward-z"),
                List.of(grant("agent-b", AccessGrant.ALL, Duration.ofHours(1))), NOW).basis()).isEqualTo(Basis.GRANT);
    }
}
