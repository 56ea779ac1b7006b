package com.huifang.survey.customer;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.platform.erasure.ErasureConfirmations;
import com.huifang.survey.response.ResponseErasure;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * survey-service's part of a customer's erasure (issue 10 §2): the customer copy loses its name, the customer's
 * responses lose their free text (scores stay), then one {@code CustomerErasureConfirmed} goes back with the
 * count. What survey-service keeps otherwise holds no personal data: links are stored under the hash of their
 * token and never keep the phone number or e-mail address they were sent to; visit and service-event copies
 * hold ids, types and dates. Every step is idempotent, so a redelivered {@code CustomerErased} anonymises
 * nothing new and confirms with the same event id.
 */
@Service
public class CustomerErasure {

    private final CustomerCopies copies;
    private final ResponseErasure responses;
    private final ErasureConfirmations confirmations;
    private final Clock clock;

    public CustomerErasure(CustomerCopies copies, ResponseErasure responses, ErasureConfirmations confirmations,
                           Clock clock) {
        this.copies = copies;
        this.responses = responses;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    public Mono<Void> erase(EventEnvelope envelope) {
        CustomerErased erased = EventJson.payload(envelope, CustomerErased.class);
        String tenantId = envelope.tenantId();
        return copies.erase(tenantId, erased, envelope.occurredAt())
                .zipWith(responses.anonymise(tenantId, erased.customerId(), clock.instant()), Integer::sum)
                .flatMap(count -> confirmations.confirm(tenantId, envelope.correlationId(), erased, count));
    }
}
