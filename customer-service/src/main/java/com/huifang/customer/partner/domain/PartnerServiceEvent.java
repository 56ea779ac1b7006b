package com.huifang.customer.partner.domain;

import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.CustomerDraft;
import com.huifang.customer.customer.domain.FieldError;
import com.huifang.customer.customer.domain.PartnerReference;
import com.huifang.customer.customer.domain.PhoneNumber;
import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.customer.customer.domain.Validated;
import com.huifang.customer.customer.domain.Violations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated service event from a partner. The partner id comes from its credentials, never from
 * the body. {@link #toCustomerDraft()} creates the customer on the fly when the reference is new;
 * {@link Customer#absorbPartnerDetails} updates a known one; {@link #recorded} builds the event
 * scheduling reacts to.
 */
public record PartnerServiceEvent(String partnerId, String partnerEventId, String type, Instant occurredAt,
                                  Instant scheduledAt, PartnerCustomer customer, Map<String, String> attributes) {

    /** How far in the future an occurred-at may lie: the same clock skew the signature allows. */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    public static final int MAX_EXTRA_ATTRIBUTES = 20;
    public static final Set<String> KNOWN_ATTRIBUTES =
            Set.of("department", "amount", "projectEndDate", "policyReceiptDate", "salesperson");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    public record PartnerCustomer(PartnerReference reference, String name, List<PhoneNumber> phones, String category) {
        public PartnerCustomer {
            Objects.requireNonNull(reference, "reference");
            phones = List.copyOf(phones);
        }
    }

    public PartnerServiceEvent {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * Validates one event of partner {@code partnerId} at server time {@code now}. Rules: event id
     * {@code [A-Za-z0-9_:-]{1,128}}; type among the tenant's types; occurred-at an ISO-8601
     * instant or offset date-time no more than 5 minutes ahead of {@code now}; scheduled-at, when
     * given, after occurred-at; customer reference required, name ≤ 100, phones valid (≤ 5),
     * category among the tenant's; amount a non-negative decimal with at most 2 places; project end
     * and policy receipt dates ISO dates; salesperson a staff id; other attributes ≤ 20, values ≤ 500.
     */
    public static Validated<PartnerServiceEvent> validate(String partnerId, PartnerServiceEventDraft d,
                                                          TenantCodes codes, Instant now) {
        Violations v = new Violations();
        if (v.required("partnerEventId", d.partnerEventId())
                && !PartnerSignature.EVENT_ID.matcher(d.partnerEventId()).matches()) {
            v.add("partnerEventId", "event-id-format", "letters, digits, _ : - only, at most 128");
        }
        if (v.required("type", d.type()) && !codes.isServiceEventType(d.type())) {
            v.add("type", "unknown-code", "is not one of the tenant's service-event types");
        }
        Instant occurredAt = instant(v, "occurredAt", d.occurredAt(), true);
        if (occurredAt != null && occurredAt.isAfter(now.plus(FUTURE_SKEW))) {
            v.add("occurredAt", "in-future", "cannot lie in the future");
        }
        Instant scheduledAt = instant(v, "scheduledAt", d.scheduledAt(), false);
        if (scheduledAt != null && occurredAt != null && !scheduledAt.isAfter(occurredAt)) {
            v.add("scheduledAt", "not-after-occurred", "must be after occurredAt");
        }
        PartnerCustomer customer = customer(v, partnerId, d.customer(), codes);
        Map<String, String> attributes = attributes(v, d.attributes());
        return v.result(() -> new PartnerServiceEvent(partnerId, d.partnerEventId(), d.type(), occurredAt, scheduledAt,
                customer, attributes));
    }

    private static Instant instant(Violations v, String path, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                v.add(path, "required", "is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            v.add(path, "date-time-format", "must be ISO-8601 with offset, e.g. 2025-06-01T09:30:00+08:00");
            return null;
        }
    }

    private static PartnerCustomer customer(Violations v, String partnerId, PartnerServiceEventDraft.CustomerInput in,
                                            TenantCodes codes) {
        if (in == null) {
            v.add("customer", "required", "is required");
            return null;
        }
        List<FieldError> refErrors = PartnerReference.validate(partnerId, in.ref());
        refErrors.stream().filter(e -> e.path().equals("customerRef"))
                .forEach(e -> v.add("customer.ref", e.code(), e.message()));
        if (refErrors.stream().anyMatch(e -> e.path().equals("partnerId"))) {
            throw new IllegalArgumentException("partner id from credentials is invalid: " + partnerId);
        }
        String name = in.name() == null || in.name().isBlank() ? null : in.name().strip();
        v.maxLength("customer.name", name, 100);
        List<PhoneNumber> phones = new ArrayList<>();
        if (v.maxSize("customer.phones", in.phones(), 5)) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < in.phones().size(); i++) {
                Validated<PhoneNumber> p = PhoneNumber.validate(in.phones().get(i));
                v.addAll("customer.phones[" + i + "]", p.errors());
                if (p.isValid() && seen.add(p.orThrow().canonical())) {
                    phones.add(p.orThrow());
                }
            }
        }
        String category = in.category() == null || in.category().isBlank() ? null : in.category().strip();
        if (category != null && !codes.isCategory(category)) {
            v.add("customer.category", "unknown-code", "is not one of the tenant's categories");
        }
        return refErrors.isEmpty() ? new PartnerCustomer(new PartnerReference(partnerId, in.ref()), name, phones, category) : null;
    }

    private static Map<String, String> attributes(Violations v, Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        int extra = 0;
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String key = e.getKey();
            String path = "attributes." + key;
            if (key == null || !ATTRIBUTE_KEY.matcher(key).matches()) {
                v.add("attributes", "attribute-key", "keys are letters, digits, _ . - (at most 40), starting with a letter");
                continue;
            }
            String value = e.getValue() == null ? null : e.getValue().strip();
            if (!v.required(path, value) || !v.maxLength(path, value, 500)) {
                continue;
            }
            switch (key) {
                case "amount" -> {
                    try {
                        BigDecimal amount = new BigDecimal(value);
                        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(MAX_AMOUNT) >= 0) {
                            v.add(path, "amount", "a non-negative amount with at most 2 decimal places");
                        } else {
                            out.put(key, amount.toPlainString());
                        }
                    } catch (NumberFormatException ex) {
                        v.add(path, "amount", "a non-negative amount with at most 2 decimal places");
                    }
                }
                case "projectEndDate", "policyReceiptDate" -> {
                    try {
                        out.put(key, LocalDate.parse(value).toString());
                    } catch (DateTimeParseException ex) {
                        v.add(path, "date-format", "must be an ISO date, e.g. 2025-06-01");
                    }
                }
                case "salesperson" -> {
                    if (!value.matches("[A-Za-z0-9_:.-]{1,64}")) {
                        v.add(path, "id-format", "a staff id: letters, digits and _ : . - only, at most 64");
                    } else {
                        out.put(key, value);
                    }
                }
                case "department" -> {
                    if (v.maxLength(path, value, 100)) {
                        out.put(key, value);
                    }
                }
                default -> {
                    if (++extra > MAX_EXTRA_ATTRIBUTES) {
                        v.add("attributes", "too-many", "at most " + MAX_EXTRA_ATTRIBUTES + " other attributes");
                    } else {
                        out.put(key, value);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A draft for the customer this event names, when the partner reference is new. Its category
     * is the event's, or the tenant default (validation fails when neither exists).
     */
    public CustomerDraft toCustomerDraft() {
        CustomerDraft.Builder b = CustomerDraft.builder()
                .name(customer.name())
                .category(customer.category())
                .partnerReference(partnerId, customer.reference().customerRef());
        customer.phones().forEach(p -> b.phone(null, p.canonical(), false));
        String salesperson = attributes.get("salesperson");
        if (salesperson != null) {
            b.staffId(salesperson);
        }
        return b.build();
    }

    /** The event published for scheduling; {@code source} is {@code PARTNER_HTTP} or {@code PARTNER_KAFKA}. */
    public ServiceEventRecorded recorded(String serviceEventId, Customer of, String source) {
        List<String> staff = new ArrayList<>(of.profile().staffIds());
        String salesperson = attributes.get("salesperson");
        if (salesperson != null && !staff.contains(salesperson)) {
            staff.add(salesperson);
        }
        return new ServiceEventRecorded(serviceEventId, of.id(), type, occurredAt, scheduledAt,
                of.profile().category(), List.copyOf(staff), source, partnerEventId, attributes);
    }
}
