package com.huifang.feedback.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One in-app notification to deliver: to one user ({@code user:<id>}) or to everyone of a role in the tenant
 * ({@code role:SUPERVISOR}, {@code role:LEADERSHIP}). The id derives from what happened and the recipient, so
 * the same step saved or delivered twice notifies once.
 *
 * @param detail the SLA clock (warnings), the level (escalations) or the new owner (assignments)
 * @param dueAt  when the SLA is breached (warnings), else null
 */
public record Notice(String id, String recipient, NoticeKind kind, String issueId, String category, String department,
                     String detail, Instant dueAt, String message, Instant at) {

    public static final String USER = "user:";
    public static final String ROLE = "role:";

    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(at, "at");
    }

    public static String user(String userId) {
        return USER + userId;
    }

    public static String role(String role) {
        return ROLE + role;
    }
}
