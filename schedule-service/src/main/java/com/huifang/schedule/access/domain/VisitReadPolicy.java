package com.huifang.schedule.access.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;

/**
 * Who may read the full record of a visit (attempt notes, recording references):
 * <ul>
 *   <li>its own agent — the assignee, or the agent who booked its call-back;</li>
 *   <li>supervisors, auditors and admins, always;</li>
 *   <li>any agent or handler while nobody holds it and it waits in one of their queues (one of
 *       their teams', or the tenant's queue when it has no team) — the worklist's pick-up rule;</li>
 *   <li>anyone else only through an active {@link AccessGrant} covering the visit's assignee.</li>
 * </ul>
 */
public final class VisitReadPolicy {

    private VisitReadPolicy() {
    }

    /** Why a read is allowed, or that it is not. */
    public enum Basis {
        OWN, QUEUE, PRIVILEGED, GRANT, DENIED
    }

    /** @param grantId the grant used, for {@link Basis#GRANT} only */
    public record Decision(Basis basis, String grantId) {
        public boolean allowed() {
            return basis != Basis.DENIED;
        }
    }

    /**
     * @param privileged a supervisor, auditor or admin
     * @param teamIds    the teams the reader is an agent of
     */
    public record Reader(String userId, boolean privileged, Set<String> teamIds) {
        public Reader {
            teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
        }
    }

    /** What of a visit the rule looks at. */
    public record VisitHolder(String assigneeId, String callbackAgentId, String teamId) {
    }

    /** @param grants the reader's grants (any state: inactive ones are ignored) */
    public static Decision decide(Reader reader, VisitHolder visit, Collection<AccessGrant> grants, Instant now) {
        if (reader.userId() != null
                && (reader.userId().equals(visit.assigneeId()) || reader.userId().equals(visit.callbackAgentId()))) {
            return new Decision(Basis.OWN, null);
        }
        if (reader.privileged()) {
            return new Decision(Basis.PRIVILEGED, null);
        }
        if (visit.assigneeId() == null && (visit.teamId() == null || reader.teamIds().contains(visit.teamId()))) {
            return new Decision(Basis.QUEUE, null);
        }
        return grants.stream()
                .filter(g -> g.grantee().equals(reader.userId()) && g.covers(visit.assigneeId(), now))
                // the grant that lasts longest, then a stable choice
                .max(Comparator.comparing(AccessGrant::until).thenComparing(AccessGrant::id))
                .map(g -> new Decision(Basis.GRANT, g.id()))
                .orElse(new Decision(Basis.DENIED, null));
    }
}
