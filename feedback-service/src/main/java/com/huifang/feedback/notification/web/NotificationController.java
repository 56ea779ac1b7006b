package com.huifang.feedback.notification.web;

import com.huifang.feedback.notification.Notifications;
import com.huifang.feedback.notification.store.NotificationDocument;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's in-app notifications: SLA warnings, escalations and assignments of issues. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications")
@Validated
public class NotificationController {

    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    public record NotificationView(String id, String kind, String issueId, String category, String department,
                                   String detail, Instant dueAt, String message, Instant createdAt, boolean read) {

        static NotificationView of(NotificationDocument d, String userId) {
            return new NotificationView(d.id, d.kind, d.issueId, d.category, d.department, d.detail, d.dueAt, d.message,
                    d.createdAt, d.readBy != null && d.readBy.contains(userId));
        }
    }

    public record InboxView(long unread, List<NotificationView> items) {
    }

    @GetMapping
    @Operation(summary = "The caller's notifications (their own and their roles'), newest first, with the unread count")
    public Mono<InboxView> inbox(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return Mono.zip(notifications.unread(caller),
                        notifications.inbox(caller, limit).map(d -> NotificationView.of(d, caller.userId())).collectList())
                .map(t -> new InboxView(t.getT1(), t.getT2()));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Marks one of the caller's notifications read")
    public Mono<Void> read(Caller caller, @PathVariable String id) {
        return notifications.markRead(caller, id)
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("notification", id)));
    }
}
