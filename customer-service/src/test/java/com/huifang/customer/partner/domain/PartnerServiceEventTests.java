package com.huifang.customer.partner.domain;

import static com.huifang.customer.customer.domain.Customers.CODES;
import static com.huifang.customer.customer.domain.Customers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.CustomerProfile;
import com.huifang.customer.customer.domain.FieldError;
import com.huifang.customer.customer.domain.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerServiceEventTests {

    static PartnerServiceEventDraft discharged(String id) {
        return new PartnerServiceEventDraft(id, "DISCHARGED", "2025-06-01T09:30:00+08:00", "2025-06-20T10:00:00+08:00",
                new PartnerServiceEventDraft.CustomerInput("P000123", "张三", List.of("138 1234 1234", "010-62345678"), "住院"),
                Map.of("department", "骨科", "amount", "1234.50", "projectEndDate", "2025-07-01",
                        "policyReceiptDate", "2025-05-30", "salesperson", "staff-3"));
    }

    @Test
    void validEventIsNormalised() {
        PartnerServiceEvent e = PartnerServiceEvent.validate("his-main", discharged("evt-1"), CODES, NOW).orThrow();
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-06-01T01:30:00Z"));
        assertThat(e.scheduledAt()).isEqualTo(Instant.parse("2025-06-20T02:00:00Z"));
        assertThat(e.customer().reference().partnerId()).isEqualTo("his-main");
        assertThat(e.customer().phones()).extracting(p -> p.e164()).containsExactly("+8613812341234", "+861062345678");
        assertThat(e.attributes()).containsEntry("amount", "1234.50").containsEntry("salesperson", "staff-3");
    }

    @Test
    void newPartnerCustomerBecomesAValidCustomerAndTheRecordedEventCarriesStaff() {
        PartnerServiceEvent e = PartnerServiceEvent.validate("his-main", discharged("evt-1"), CODES, NOW).orThrow();
        CustomerProfile profile = CustomerProfile.validate(e.toCustomerDraft(), CODES).orThrow();
        Customer c = Customer.create("c-9", "t-1", profile, NOW);

        ServiceEventRecorded recorded = e.recorded("se-1", c, "PARTNER_HTTP");

        assertThat(recorded.customerId()).isEqualTo("c-9");
        assertThat(recorded.eventType()).isEqualTo("DISCHARGED");
        assertThat(recorded.customerCategory()).isEqualTo("住院");
        assertThat(recorded.staffIds()).containsExactly("staff-3");
        assertThat(recorded.partnerEventId()).isEqualTo("evt-1");
        assertThat(profile.partnerReferences()).extracting(r -> r.customerRef()).containsExactly("P000123");
    }

    @Test
    void everyBadFieldIsReported() {
        PartnerServiceEventDraft bad = new PartnerServiceEventDraft("evt.1", "VISITED", "yesterday",
                "2025-05-01T00:00:00Z",
                new PartnerServiceEventDraft.CustomerInput(" ", "x", List.of("12345"), "VIP"),
                Map.of("amount", "-1", "projectEndDate", "2025-13-01", "salesperson", "a b"));
        assertThat(PartnerServiceEvent.validate("his-main", bad, CODES, NOW).errors())
                .extracting(FieldError::path, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("partnerEventId", "event-id-format"),
                        tuple("type", "unknown-code"),
                        tuple("occurredAt", "date-time-format"),
                        tuple("customer.ref", "required"),
                        tuple("customer.phones[0]", "phone-format"),
                        tuple("customer.category", "unknown-code"),
                        tuple("attributes.amount", "amount"),
                        tuple("attributes.projectEndDate", "date-format"),
                        tuple("attributes.salesperson", "id-format"));
    }

    @Test
    void occurredAtInTheFutureAndScheduledAtBeforeItAreRejected() {
        PartnerServiceEventDraft d = new PartnerServiceEventDraft("evt-2", "INSTALLED", NOW.plusSeconds(301).toString(),
                NOW.toString(), new PartnerServiceEventDraft.CustomerInput("R1", null, List.of(), null), Map.of());
        assertThat(PartnerServiceEvent.validate("crm", d, CODES, NOW).errors())
                .extracting(FieldError::path).containsExactlyInAnyOrder("occurredAt", "scheduledAt");
    }

    @Test
    void batchReportsEachItemAndOneBadItemDoesNotRejectTheOthers() {
        PartnerServiceEventDraft bad = new PartnerServiceEventDraft("evt-2", "UNKNOWN", "2025-06-01T09:30:00+08:00", null,
                new PartnerServiceEventDraft.CustomerInput("P2", null, List.of(), null), Map.of());
        List<PartnerBatch.ItemResult> results = PartnerBatch.validate("his-main",
                List.of(discharged("evt-1"), bad, discharged("evt-3"), discharged("evt-1")), CODES, NOW);

        assertThat(results).extracting(PartnerBatch.ItemResult::index, PartnerBatch.ItemResult::status,
                        PartnerBatch.ItemResult::duplicateOf)
                .containsExactly(
                        tuple(0, PartnerBatch.Status.ACCEPTED, null),
                        tuple(1, PartnerBatch.Status.REJECTED, null),
                        tuple(2, PartnerBatch.Status.ACCEPTED, null),
                        tuple(3, PartnerBatch.Status.DUPLICATE_IN_BATCH, 0));
        assertThat(results.get(1).errors()).extracting(FieldError::path).containsExactly("type");
    }

    @Test
    void batchOf500IsAcceptedAnd501IsRefusedWhole() {
        List<PartnerServiceEventDraft> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(discharged("evt-" + i));
        }
        assertThat(PartnerBatch.validate("his-main", items, CODES, NOW)).hasSize(500)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(PartnerBatch.Status.ACCEPTED));
        items.add(discharged("evt-500"));
        assertThatThrownBy(() -> PartnerBatch.validate("his-main", items, CODES, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::code).containsExactly("too-many"));
        assertThatThrownBy(() -> PartnerBatch.validate("his-main", List.of(), CODES, NOW))
                .isInstanceOf(InvalidInputException.class);
    }
}
