package com.huifang.customer.partner.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.customer.partner.PartnerAuthenticator;
import com.huifang.customer.serviceevent.ServiceEventIntake;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.BodyValidator;
import com.huifang.platform.problem.FieldProblem;
import com.huifang.platform.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Partner systems (HIS, CRM, ERP) push service events here, authenticated by an HMAC signature
 * instead of a bearer token. The body is read as bytes first, because the signature covers the
 * exact bytes sent.
 */
@RestController
@RequestMapping("/api/partner/events")
@Tag(name = "Partner events", description = "HMAC-signed pushes of service events by partner systems")
public class PartnerEventController {

    public static final int MAX_BATCH = 500;

    private final PartnerAuthenticator authenticator;
    private final ServiceEventIntake intake;
    private final BodyValidator validator;
    private final ObjectMapper json;

    public PartnerEventController(PartnerAuthenticator authenticator, ServiceEventIntake intake,
                                  BodyValidator validator, ObjectMapper json) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.validator = validator;
        this.json = json;
    }

    public record Accepted(String serviceEventId, String customerId, String status) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Push one service event",
            description = "Idempotent by X-Huifang-Event-Id: a replay returns the first result and stores nothing new.")
    public Mono<Accepted> push(
            @Parameter(description = "the partner's id") @RequestHeader(value = "X-Huifang-Partner", required = false) String partnerId,
            @Parameter(description = "the partner's event id") @RequestHeader(value = "X-Huifang-Event-Id", required = false) String eventId,
            @Parameter(description = "epoch seconds") @RequestHeader(value = "X-Huifang-Timestamp", required = false) String timestamp,
            @Parameter(description = "hex HMAC-SHA256 of eventId.timestamp.body") @RequestHeader(value = "X-Huifang-Signature", required = false) String signature,
            @RequestBody byte[] body) {
        return authenticator.authenticate(partnerId, eventId, timestamp, signature, body)
                .flatMap(partner -> parse(body, PartnerEventRequest.class)
                        .flatMap(validator::validate)
                        .flatMap(event -> intake.record(partner.tenantId, partner.partnerId, eventId.trim(),
                                "PARTNER_HTTP", event)))
                .map(r -> new Accepted(r.serviceEventId(), r.customerId(), r.duplicate() ? "DUPLICATE" : "RECORDED"));
    }

    /** One item of a batch: its own event id, then the event. */
    public record BatchItem(String eventId, PartnerEventRequest event) {
    }

    public record ItemResult(int index, String eventId, String status, String serviceEventId, String customerId,
                             List<FieldProblem> errors) {
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push up to 500 service events",
            description = "The signature covers the whole body (X-Huifang-Event-Id names the batch). Each item is "
                    + "recorded or rejected on its own: one bad item does not reject the others.")
    public Mono<List<ItemResult>> pushBatch(
            @RequestHeader(value = "X-Huifang-Partner", required = false) String partnerId,
            @RequestHeader(value = "X-Huifang-Event-Id", required = false) String batchId,
            @RequestHeader(value = "X-Huifang-Timestamp", required = false) String timestamp,
            @RequestHeader(value = "X-Huifang-Signature", required = false) String signature,
            @RequestBody byte[] body) {
        return authenticator.authenticate(partnerId, batchId, timestamp, signature, body)
                .flatMap(partner -> parse(body, JsonNode.class).flatMap(root -> {
                    if (!root.isArray()) {
                        return Mono.error(ApiProblem.invalidField("$", "array", "customer.batch.not-array"));
                    }
                    if (root.size() > MAX_BATCH) {
                        return Mono.error(ApiProblem.invalidField("$", "Size", "validation.Size", MAX_BATCH, 1));
                    }
                    List<JsonNode> items = new ArrayList<>();
                    root.forEach(items::add);
                    return Flux.range(0, items.size())
                            .concatMap(i -> item(partner.tenantId, partner.partnerId, i, items.get(i)))
                            .collectList();
                }));
    }

    private Mono<ItemResult> item(String tenantId, String partnerId, int index, JsonNode node) {
        BatchItem item;
        try {
            item = json.treeToValue(node, BatchItem.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Mono.just(new ItemResult(index, null, "REJECTED", null, null,
                    List.of(new FieldProblem("$", "malformed", "not a valid event item"))));
        }
        List<InvalidField> invalid = new ArrayList<>();
        if (item == null || item.eventId() == null || item.eventId().isBlank() || item.eventId().length() > 128) {
            invalid.add(InvalidField.of("eventId", "NotBlank", "validation.NotBlank"));
        }
        if (item == null || item.event() == null) {
            invalid.add(InvalidField.of("event", "NotNull", "validation.NotNull"));
        } else {
            validator.check(item.event()).forEach(f -> invalid.add(new InvalidField("event." + f.field(), f.code(),
                    f.messageKey(), f.args())));
        }
        if (!invalid.isEmpty()) {
            String eventId = item == null ? null : item.eventId();
            return Mono.just(new ItemResult(index, eventId, "REJECTED", null, null, invalid.stream()
                    .map(f -> new FieldProblem(f.field(), f.code(), f.messageKey())).toList()));
        }
        return intake.record(tenantId, partnerId, item.eventId().trim(), "PARTNER_HTTP", item.event())
                .map(r -> new ItemResult(index, item.eventId(), r.duplicate() ? "DUPLICATE" : "RECORDED",
                        r.serviceEventId(), r.customerId(), List.of()));
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
