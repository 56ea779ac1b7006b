package com.huifang.customer.partner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.customer.partner.PartnerAuthenticator;
import com.huifang.customer.partner.domain.PartnerBatch;
import com.huifang.customer.partner.domain.PartnerSignature;
import com.huifang.customer.serviceevent.ServiceEventIntake;
import com.huifang.customer.support.DomainProblems;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import com.huifang.platform.problem.ProblemRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Partner systems (HIS, CRM, ERP) push service events here, authenticated by an HMAC signature
 * instead of a bearer token. The body is read as bytes first, because the signature covers the
 * exact bytes sent; then the domain validates it.
 */
@RestController
@RequestMapping("/api/partner/events")
@Tag(name = "Partner events", description = "HMAC-signed pushes of service events by partner systems")
public class PartnerEventController {

    public static final String SOURCE = "PARTNER_HTTP";

    private final PartnerAuthenticator authenticator;
    private final ServiceEventIntake intake;
    private final ObjectMapper json;
    private final ProblemRenderer messages;

    public PartnerEventController(PartnerAuthenticator authenticator, ServiceEventIntake intake, ObjectMapper json,
                                  ProblemRenderer messages) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.json = json;
        this.messages = messages;
    }

    public record Accepted(String serviceEventId, String customerId, String status) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Push one service event",
            description = "Idempotent by X-Huifang-Event-Id: a replay returns the first result (status DUPLICATE) "
                    + "and stores nothing new.")
    public Mono<Accepted> push(
            @Parameter(description = "the partner's id") @RequestHeader(value = PartnerSignature.PARTNER_HEADER, required = false) String partnerId,
            @Parameter(description = "the partner's event id") @RequestHeader(value = PartnerSignature.EVENT_ID_HEADER, required = false) String eventId,
            @Parameter(description = "epoch seconds") @RequestHeader(value = PartnerSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @Parameter(description = "hex HMAC-SHA256 of eventId.timestamp.body") @RequestHeader(value = PartnerSignature.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody byte[] body) {
        return authenticator.authenticate(partnerId, eventId, timestamp, signature, body)
                .flatMap(partner -> parse(body, PartnerEventRequest.class)
                        .flatMap(event -> intake.record(partner.tenantId, partner.partnerId, eventId, SOURCE, event)))
                .map(r -> new Accepted(r.serviceEventId(), r.customerId(), r.duplicate() ? "DUPLICATE" : "RECORDED"));
    }

    /** One item of a batch: its own event id, then the event. */
    public record BatchItem(String eventId, PartnerEventRequest event) {
    }

    /** @param status RECORDED, DUPLICATE or REJECTED (with errors) */
    public record ItemResult(int index, String eventId, String status, String serviceEventId, String customerId,
                             List<FieldProblem> errors) {
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push up to 500 service events",
            description = "The signature covers the whole body (X-Huifang-Event-Id names the batch). Each item is "
                    + "recorded or rejected on its own: one bad item does not reject the others.")
    public Mono<List<ItemResult>> pushBatch(
            @RequestHeader(value = PartnerSignature.PARTNER_HEADER, required = false) String partnerId,
            @RequestHeader(value = PartnerSignature.EVENT_ID_HEADER, required = false) String batchId,
            @RequestHeader(value = PartnerSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(value = PartnerSignature.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody byte[] body, ServerWebExchange exchange) {
        return authenticator.authenticate(partnerId, batchId, timestamp, signature, body)
                .flatMap(partner -> parse(body, JsonNode.class).flatMap(root -> {
                    if (!root.isArray()) {
                        return Mono.error(ApiProblem.invalidField("$", "array", "customer.batch.not-array"));
                    }
                    if (root.isEmpty() || root.size() > PartnerBatch.MAX_ITEMS) {
                        return Mono.error(ApiProblem.invalidField("$", "Size", "validation.Size",
                                PartnerBatch.MAX_ITEMS, 1));
                    }
                    List<String> ids = new ArrayList<>();
                    List<PartnerEventRequest> events = new ArrayList<>();
                    List<Integer> malformed = new ArrayList<>();
                    for (int i = 0; i < root.size(); i++) {
                        BatchItem item = null;
                        try {
                            item = json.treeToValue(root.get(i), BatchItem.class);
                        } catch (Exception e) {
                            malformed.add(i);
                        }
                        ids.add(item == null ? null : item.eventId());
                        events.add(item == null || item.event() == null ? null : item.event());
                    }
                    var locale = ProblemRenderer.localeOf(exchange);
                    return intake.recordBatch(partner.tenantId, partner.partnerId, SOURCE, ids, events)
                            .map(outcomes -> outcomes.stream().map(o -> {
                                if (malformed.contains(o.index())) {
                                    return new ItemResult(o.index(), null, "REJECTED", null, null,
                                            List.of(new FieldProblem("$", "malformed",
                                                    message("problem.malformed-request", locale))));
                                }
                                if (o.result() == null) {
                                    return new ItemResult(o.index(), o.partnerEventId(), "REJECTED", null, null,
                                            o.errors().stream().map(e -> {
                                                var f = DomainProblems.field(e);
                                                return new FieldProblem(f.field(), f.code(), message(f.messageKey(), locale));
                                            }).toList());
                                }
                                return new ItemResult(o.index(), o.partnerEventId(),
                                        o.result().duplicate() ? "DUPLICATE" : "RECORDED", o.result().serviceEventId(),
                                        o.result().customerId(), List.of());
                            }).toList());
                }));
    }

    private String message(String key, java.util.Locale locale) {
        return messages.message(key, new Object[0], locale);
    }

    private <T> Mono<T> parse(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            return value == null ? Mono.error(malformed()) : Mono.just(value);
        } catch (java.io.IOException e) {
            return Mono.error(malformed());
        }
    }

    private static ApiProblem malformed() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "problem.malformed-request");
    }
}
