package com.huifang.customer.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.events.CustomerProfileChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerProfileChangedTests {

    @Test
    void theCopyCarriesSalutationAndMaskedPrimaryPhoneButNoPlaintextPersonalData() {
        Customer c = Customer.create("c-1", "t-1",
                CustomerProfile.validate(Customers.fullDraft().title("先生").build(), Customers.CODES).orThrow(),
                Customers.NOW);

        CustomerProfileChanged e = c.profileChanged(Customers.NOW);

        assertThat(e.salutation()).isEqualTo("张先生");
        assertThat(e.title()).isEqualTo("先生");
        assertThat(e.maskedPhone()).isEqualTo("138****1234");
        assertThat(e.contactChannels()).containsExactly("PHONE", "SMS", "EMAIL");
        assertThat(e.preferredChannel()).isEqualTo("PHONE");
        assertThat(e.preferredHours()).containsExactly("18:00-20:00");
        assertThat(e.zoneId()).isEqualTo("Asia/Shanghai");
        assertThat(e.staffIds()).containsExactly("staff-7");
        assertThat(e.household()).isEqualTo("hh-12");
        assertThat(e.version()).isZero();
        assertThat(e.toString()).doesNotContain("13812341234").doesNotContain("62345678")
                .doesNotContain("11010519491231002X").doesNotContain("Zhang.San");
    }

    @Test
    void eachChangeIsPublishedWithTheRecordsNewVersion() {
        Customer c = Customers.customer();
        c.update(Customers.fullProfile(), 0, Customers.NOW.plusSeconds(1));
        c.update(Customers.fullProfile(), 1, Customers.NOW.plusSeconds(2));

        assertThat(c.profileChanged(Instant.EPOCH).version()).isEqualTo(2);
    }

    @Test
    void aLandlineOnlyCustomerHasNoSmsChannelAndAHomeVisitPreferenceCounts() {
        Customer c = Customer.create("c-2", "t-1", CustomerProfile.validate(CustomerDraft.builder().name("李四")
                .phone("0571-87654321").preferredChannel("HOME_VISIT").category("门诊").build(), Customers.CODES)
                .orThrow(), Customers.NOW);

        CustomerProfileChanged e = c.profileChanged(Customers.NOW);

        assertThat(e.contactChannels()).containsExactly("PHONE", "HOME_VISIT");
        assertThat(e.salutation()).isEqualTo("李四");
        assertThat(e.maskedPhone()).isEqualTo("0571-****4321");
    }

    @Test
    void anErasedCustomerHasNoSalutationNorPhone() {
        Customer c = Customers.customer();
        c.erase("req-1", Customers.NOW);

        CustomerProfileChanged e = c.profileChanged(Customers.NOW);

        assertThat(e.salutation()).isNull();
        assertThat(e.maskedPhone()).isNull();
        assertThat(e.contactChannels()).isEmpty();
    }
}
