package com.huifang.feedback.notification;

import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.notification.domain.Notice;
import com.huifang.feedback.notification.store.NotificationDocument;
import com.huifang.platform.security.Caller;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-app notification inbox. Notices are written into the issue document ({@code notices}) in the same
 * write as the change that causes them — no warning, escalation or assignment without its notice — and then
 * delivered here: inserted under their deterministic id, then removed from the issue. Delivery runs right
 * after each write and again on every sweep for what a crash left behind; a notice delivered twice is kept once.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final ReactiveMongoTemplate mongo;

    public Notifications(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Delivers the notices pending on one issue; failures are left for the next sweep. */
    public Mono<Void> deliver(IssueDocument issue) {
        if (issue.notices == null || issue.notices.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(issue.notices)
                .concatMap(n -> mongo.insert(document(issue.tenantId, n))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                        .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(issue.id)),
                                new Update().pull("notices", Query.query(Criteria.where("id").is(n.id()))),
                                IssueDocument.class)))
                .then()
                .onErrorResume(e -> {
                    log.warn("Notices of issue {} not delivered yet, will retry: {}", issue.id, e.toString());
                    return Mono.empty();
                });
    }

    /** Delivers what earlier writes left pending (a crash between the write and its delivery). */
    public Mono<Long> deliverPending() {
        var pending = Query.query(Criteria.where("notices").exists(true).ne(List.of())).limit(200);
        pending.fields().include("_id").include("tenantId").include("notices");
        return mongo.find(pending, IssueDocument.class).concatMap(d -> deliver(d).thenReturn(1L)).count();
    }

    /** What a caller's inbox holds: their own notices and those of their roles, in their tenant. */
    public Flux<NotificationDocument> inbox(Caller caller, int limit) {
        return mongo.find(Query.query(mine(caller)).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .limit(limit), NotificationDocument.class);
    }

    public Mono<Long> unread(Caller caller) {
        return mongo.count(Query.query(mine(caller).and("readBy").nin(caller.userId())), NotificationDocument.class);
    }

    /** Marks one notice of the caller's inbox read; false when their inbox has no such notice. */
    public Mono<Boolean> markRead(Caller caller, String id) {
        return mongo.updateFirst(Query.query(mine(caller).and("_id").is(id)),
                        new Update().addToSet("readBy", caller.userId()), NotificationDocument.class)
                .map(r -> r.getMatchedCount() > 0);
    }

    private static Criteria mine(Caller caller) {
        var recipients = new ArrayList<String>();
        recipients.add(Notice.user(caller.userId()));
        caller.roles().forEach(r -> recipients.add(Notice.role(r.name())));
        return Criteria.where("tenantId").is(caller.tenantId()).and("recipient").in(recipients);
    }

    private static NotificationDocument document(String tenantId, Notice n) {
        var d = new NotificationDocument();
        d.id = n.id();
        d.tenantId = tenantId;
        d.recipient = n.recipient();
        d.kind = n.kind().name();
        d.issueId = n.issueId();
        d.category = n.category();
        d.department = n.department();
        d.detail = n.detail();
        d.dueAt = n.dueAt();
        d.message = n.message();
        d.createdAt = n.at();
        return d;
    }
}
