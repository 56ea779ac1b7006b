package com.huifang.schedule.access.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A time-boxed approval for one user to read the full records (attempt notes, recording
 * references) of visits that are not theirs: "staff may not read call-back records without
 * approval" (公司员工未经批准,不得查阅电话回访单). Who approved it, why and until when are part of it.
 * A grant counts while it is neither revoked nor past {@code until}.
 *
 * @param scope the agent whose visits may be read, or {@value #ALL} for every visit of the tenant
 */
public record AccessGrant(String id, String grantee, String scope, String reason, Instant until, String grantedBy,
                          Instant grantedAt, Instant revokedAt, String revokedBy, String revokeReason) {

    /** The scope of a grant that covers every visit of the tenant, assigned or not. */
    public static final String ALL = "*";
    /** The longest a grant may run from the moment it is given. */
    public static final Duration LONGEST = Duration.ofDays(30);

    public AccessGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(until, "until");
    }

    /** What an approver asks for. */
    public record Request(String grantee, String scope, String reason, Instant until) {
    }

    /** One reason a request is refused, on one of its fields. */
    public record Problem(String field, String code) {
    }

    /** A request with invalid fields; nothing is granted. */
    public static final class InvalidGrantException extends RuntimeException {
        private final transient List<Problem> problems;

        public InvalidGrantException(List<Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** A rule the grant's life refuses: approving oneself, revoking twice. */
    public static final class GrantRuleException extends RuntimeException {
        private final String code;

        public GrantRuleException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Gives a grant, or refuses: every field is checked and all problems reported at once; an
     * approver may never approve their own access.
     */
    public static AccessGrant give(String id, String approver, Request request, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (blank(request.grantee())) {
            problems.add(new Problem("grantee", "required"));
        }
        if (blank(request.scope())) {
            problems.add(new Problem("scope", "required"));
        }
        if (blank(request.reason())) {
            problems.add(new Problem("reason", "required"));
        }
        if (request.until() == null) {
            problems.add(new Problem("until", "required"));
        } else if (!request.until().isAfter(now)) {
            problems.add(new Problem("until", "not-in-future"));
        } else if (request.until().isAfter(now.plus(LONGEST))) {
            problems.add(new Problem("until", "too-far"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidGrantException(problems);
        }
        if (request.grantee().trim().equals(approver)) {
            throw new GrantRuleException("self-approval", "an approver may not approve their own access");
        }
        return new AccessGrant(id, request.grantee().trim(), request.scope().trim(), request.reason().trim(),
                request.until(), approver, now, null, null, null);
    }

    /** Neither revoked nor expired at {@code now} ({@code until} itself is already past). */
    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(until);
    }

    /**
     * Whether the grant lets its grantee read at {@code now} a visit held by {@code assigneeId}
     * (null: a visit nobody holds, which only a {@value #ALL} grant covers).
     */
    public boolean covers(String assigneeId, Instant now) {
        return activeAt(now) && (ALL.equals(scope) || scope.equals(assigneeId));
    }

    /** The grant withdrawn before its time; a grant is revoked once. */
    public AccessGrant revoke(String by, String why, Instant now) {
        if (revokedAt != null) {
            throw new GrantRuleException("already-revoked", "grant " + id + " was revoked at " + revokedAt);
        }
        return new AccessGrant(id, grantee, scope, reason, until, grantedBy, grantedAt, now, by, why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
