package com.huifang.survey.visit;

import com.huifang.survey.customer.CustomerCopies;
import com.huifang.survey.customer.domain.Salutation;
import com.huifang.survey.support.SurveyProperties;
import com.huifang.survey.template.domain.ScriptContext;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Gathers what fills a visit's script: the customer's salutation (customer copy), the service event's date in the
 * tenant's zone, the agent's display name and the tenant's organisation. Whatever is unknown stays null, and the
 * renderer shows its neutral fallback.
 */
@Service
public class ScriptFacts {

    private final CustomerCopies customers;
    private final SurveyProperties properties;

    public ScriptFacts(CustomerCopies customers, SurveyProperties properties) {
        this.customers = customers;
        this.properties = properties;
    }

    public Mono<ScriptContext> of(SurveyVisitDocument visit, String agentName) {
        Mono<Salutation> salutation = customers.salutation(visit.tenantId, visit.customerId);
        Mono<Optional<LocalDate>> eventDate = customers.serviceEventTime(visit.tenantId, visit.serviceEventId)
                .map(at -> Optional.of(LocalDate.ofInstant(at, properties.zone())))
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(salutation, eventDate).map(t -> new ScriptContext(t.getT1().name(), t.getT1().title(),
                agentName, properties.organisationOf(visit.tenantId), t.getT2().orElse(null)));
    }
}
