package com.huifang.reporting.compliance;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.platform.erasure.ErasureConfirmations;
import com.huifang.reporting.facts.store.VisitFactDocument;
import com.huifang.reporting.quality.store.QualityStore;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A customer's erasure (issue 10 §2) in reporting, after the facts projection erased the customer's
 * visit facts (their comments, flag notes and recording references; {@code VisitFact#erase}): removes
 * the reviewers' comments on the quality reviews of the customer's visits (they may quote the call),
 * then confirms with one CustomerErasureConfirmed. Every count stays: the facts and the review scores
 * are kept, only their personal text goes. (Service-event facts hold nothing to erase: their partners'
 * free attributes are never kept.) The audit trail is not touched: it is append-only and holds no
 * plaintext personal data.
 *
 * <p>Runs inside the inbox-guarded handler of the event, after the projection: a redelivery is dropped
 * by the inbox, a retry after a crash anonymises again (idempotent) and confirms with the same event id.
 * The number confirmed is how many of reporting's records of this customer are anonymised (visit facts
 * and reviews), which is the same on a retry.
 */
@Component
public class CustomerErasure {

    private final ReactiveMongoTemplate mongo;
    private final QualityStore quality;
    private final ErasureConfirmations confirmations;

    public CustomerErasure(ReactiveMongoTemplate mongo, QualityStore quality, ErasureConfirmations confirmations) {
        this.mongo = mongo;
        this.quality = quality;
        this.confirmations = confirmations;
    }

    /** Completes the erasure of a CustomerErased event (other events: nothing). */
    public Mono<Void> afterProjection(EventEnvelope envelope) {
        if (!"CustomerErased".equals(envelope.type())) {
            return Mono.empty();
        }
        CustomerErased erased = EventJson.payload(envelope, CustomerErased.class);
        String tenant = envelope.tenantId();
        Query ofCustomer = Query.query(Criteria.where("tenantId").is(tenant).and("customerId").is(erased.customerId()));
        ofCustomer.fields().include("visitId").include("erased");
        return mongo.find(ofCustomer, VisitFactDocument.class).collectList().flatMap(facts -> {
            List<String> visitIds = facts.stream().map(d -> d.visitId).toList();
            long factsErased = facts.stream().filter(d -> d.erased).count();
            return quality.anonymiseCustomer(tenant, erased.customerId(), visitIds)
                    .then(quality.countErased(tenant, erased.customerId(), visitIds))
                    .flatMap(reviews -> confirmations.confirm(tenant, envelope.correlationId(), erased,
                            Math.toIntExact(factsErased + reviews)));
        });
    }
}
