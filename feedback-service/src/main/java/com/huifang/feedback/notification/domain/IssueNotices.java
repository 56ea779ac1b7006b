package com.huifang.feedback.notification.domain;

import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueEvent;
import com.huifang.feedback.sla.domain.EscalationLevel;
import com.huifang.feedback.sla.domain.SlaKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is told what when an issue changes (issue 6 §3):
 * <ul>
 *   <li>an SLA warning: the owner, if the issue has one, and the supervisors' queue;</li>
 *   <li>an escalation: the level's recipients — supervisors; the heads of the issue's department (the tenant
 *       names them in its rules; the supervisors when it names none); leadership;</li>
 *   <li>an assignment: the new owner.</li>
 * </ul>
 * Messages name the issue, its category and department, never the customer or the complaint's text.
 */
public final class IssueNotices {

    public static final String SUPERVISORS = Notice.role("SUPERVISOR");
    public static final String LEADERSHIP = Notice.role("LEADERSHIP");

    private IssueNotices() {
    }

    /**
     * @param issue           the issue after the change
     * @param events          what the change caused
     * @param departmentHeads department → user ids of its heads
     */
    public static List<Notice> of(Issue issue, List<IssueEvent> events, Map<String, List<String>> departmentHeads) {
        var out = new ArrayList<Notice>();
        for (var e : events) {
            if (e instanceof IssueEvent.SlaWarning w) {
                var recipients = new LinkedHashSet<String>();
                issue.owner().ifPresent(o -> recipients.add(Notice.user(o)));
                recipients.add(SUPERVISORS);
                var clock = w.clock() == SlaKind.FIRST_RESPONSE ? "首次响应" : "处理完成";
                var message = "问题件 " + issue.id() + " (" + issue.category() + ", " + issue.department() + ") " + clock
                        + "时限即将到期" + w.due().map(d -> ": " + d).orElse("");
                var key = "warning:" + issue.id() + ":" + w.clock() + ":" + warningTarget(issue, w.clock());
                recipients.forEach(r -> out.add(notice(key, r, NoticeKind.SLA_WARNING, issue, w.clock().name(),
                        w.due().orElse(null), message, w.at())));
            } else if (e instanceof IssueEvent.Escalated x) {
                var message = "问题件 " + issue.id() + " (" + issue.category() + ", " + issue.department() + ") 已升级至 "
                        + x.level() + ": " + x.reason();
                var key = "escalation:" + issue.id() + ":" + x.level();
                recipientsOf(x.level(), issue.department(), departmentHeads).forEach(r -> out.add(
                        notice(key, r, NoticeKind.ESCALATION, issue, x.level().name(), null, message, x.at())));
            } else if (e instanceof IssueEvent.Assigned a) {
                var message = "问题件 " + issue.id() + " (" + issue.category() + ", " + issue.department() + ") 已分配给您";
                var key = "assignment:" + issue.id() + ":" + issue.audit().size();
                out.add(notice(key, Notice.user(a.owner()), NoticeKind.ASSIGNMENT, issue, a.owner(), null, message, a.at()));
            }
        }
        return out;
    }

    /**
     * The target a warning is about: the first-response clock runs once; the resolution clock runs again
     * after each reopening, and each run may be warned once.
     */
    public static int warningTarget(Issue issue, SlaKind kind) {
        return kind == SlaKind.RESOLUTION ? issue.reopenCount() : 0;
    }

    static List<String> recipientsOf(EscalationLevel level, String department, Map<String, List<String>> heads) {
        return switch (level) {
            case NONE -> List.of();
            case SUPERVISOR -> List.of(SUPERVISORS);
            case DEPARTMENT_HEAD -> {
                var users = heads.getOrDefault(department, List.of());
                yield users.isEmpty() ? List.of(SUPERVISORS) : users.stream().map(Notice::user).toList();
            }
            case LEADERSHIP -> List.of(LEADERSHIP);
        };
    }

    private static Notice notice(String key, String recipient, NoticeKind kind, Issue issue, String detail,
                                 Instant dueAt, String message, Instant at) {
        var id = UUID.nameUUIDFromBytes(("notice:" + issue.tenantId() + ":" + key + ":" + recipient)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Notice(id, recipient, kind, issue.id(), issue.category(), issue.department(), detail, dueAt, message,
                at);
    }
}
