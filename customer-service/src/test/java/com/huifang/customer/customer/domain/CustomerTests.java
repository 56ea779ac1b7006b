package com.huifang.customer.customer.domain;

import static com.huifang.customer.customer.domain.Customers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.contracts.events.CustomerErased;
import com.huifang.customer.consent.domain.Channel;
import com.huifang.customer.consent.domain.ConsentChange;
import com.huifang.customer.consent.domain.ConsentSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTests {

    private static final Instant LATER = NOW.plusSeconds(60);

    @Test
    void newCustomerStartsAtVersionZeroAndMayBeContactedOnEveryChannel() {
        Customer c = Customers.customer();
        assertThat(c.version()).isZero();
        for (Channel ch : Channel.values()) {
            assertThat(c.mayContact(ch)).isTrue();
        }
    }

    @Test
    void updateWithCurrentVersionBumpsTheVersion() {
        Customer c = Customers.customer();
        c.update(Customers.fullProfile(), 0, LATER);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void staleUpdateIsRefusedAndChangesNothing() {
        Customer c = Customers.customer();
        c.update(Customers.fullProfile(), 0, LATER);
        CustomerProfile before = c.profile();
        CustomerProfile other = CustomerProfile.validate(Customers.fullDraft().name("王五").build(), Customers.CODES).orThrow();

        assertThatThrownBy(() -> c.update(other, 0, LATER))
                .isInstanceOf(StaleVersionException.class)
                .satisfies(e -> assertThat(((StaleVersionException) e).actual()).isEqualTo(1));
        assertThat(c.profile()).isSameAs(before);
        assertThat(c.version()).isEqualTo(1);
    }

    @Test
    void erasureAnonymisesEveryPersonalFieldAndKeepsAggregateFacts() {
        Customer c = Customers.customer();

        CustomerErased event = c.erase("req-1", LATER).orElseThrow();

        assertThat(event).isEqualTo(new CustomerErased("c-1", "req-1", LATER));
        CustomerProfile p = c.profile();
        assertThat(p.name()).isEqualTo(Customer.ERASED_NAME);
        assertThat(p.phones()).isEmpty();
        assertThat(p.emails()).isEmpty();
        assertThat(p.idNumber()).isNull();
        assertThat(p.tags()).isEmpty();
        assertThat(p.attributes()).isEmpty();
        assertThat(p.partnerReferences()).isEmpty();
        assertThat(p.householdId()).isNull();
        assertThat(p.preferredHours()).isEmpty();
        assertThat(p.preferredChannel()).isNull();
        assertThat(p.timeZone()).isNull();
        assertThat(p.duplicateKeys()).isEmpty();
        // aggregate facts stay for reports
        assertThat(p.category()).isEqualTo("住院");
        assertThat(p.staffIds()).containsExactly("staff-7");
        assertThat(p.siteId()).isEqualTo("site-3");
        assertThat(c.createdAt()).isEqualTo(NOW);
        assertThat(c.erasedAt()).contains(LATER);
        // no trace of the old values anywhere in the profile's text form
        assertThat(p.toString()).doesNotContain("张三", "1234", "Zhang", "P000123", "骨科", "hh-12", "VIP");
    }

    @Test
    void erasedCustomerIsNeverContactedAndCannotBeChanged() {
        Customer c = Customers.customer();
        c.erase("req-1", LATER);

        assertThat(List.of(Channel.values())).allSatisfy(ch -> assertThat(c.mayContact(ch)).isFalse());
        assertThat(c.consent().doNotContact()).isTrue();
        assertThatThrownBy(() -> c.update(Customers.fullProfile(), c.version(), LATER))
                .isInstanceOf(CustomerErasedException.class);
        assertThatThrownBy(() -> c.changeConsent(ConsentChange.allowContact(ConsentSource.STAFF), LATER))
                .isInstanceOf(CustomerErasedException.class);
    }

    @Test
    void erasingTwiceCausesNoSecondEvent() {
        Customer c = Customers.customer();
        c.erase("req-1", LATER);
        long version = c.version();
        assertThat(c.erase("req-1", LATER.plusSeconds(1))).isEmpty();
        assertThat(c.version()).isEqualTo(version);
    }

    @Test
    void partnerDetailsAddReferenceAndNewPhonesButRemoveNothing() {
        Customer c = Customers.customer();
        boolean changed = c.absorbPartnerDetails(new PartnerReference("crm", "M-9"), "张三",
                List.of(PhoneNumber.parse("13812341234"), PhoneNumber.parse("13900009999")), LATER);

        assertThat(changed).isTrue();
        assertThat(c.profile().partnerReferences()).extracting(PartnerReference::partnerId).containsExactly("his-main", "crm");
        assertThat(c.profile().phones()).extracting(p -> p.number().e164())
                .containsExactly("+8613812341234", "+861062345678", "+8613900009999");
        assertThat(c.profile().phones()).filteredOn(ContactPhone::primary).hasSize(1);
        assertThat(c.absorbPartnerDetails(new PartnerReference("crm", "M-9"), "张三", List.of(), LATER)).isFalse();
    }
}
