package com.huifang.feedback.notification.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivered notification. {@code recipient} is {@code user:<id>} or {@code role:<ROLE>}; {@code readBy}
 * lists the users who read it (one user for a personal notification, any member of the role otherwise).
 */
@Document("notifications")
public class NotificationDocument {

    @Id
    public String id;
    public String tenantId;
    public String recipient;
    public String kind;
    public String issueId;
    public String category;
    public String department;
    public String detail;
    public Instant dueAt;
    public String message;
    public Instant createdAt;
    public List<String> readBy = new ArrayList<>();
}
