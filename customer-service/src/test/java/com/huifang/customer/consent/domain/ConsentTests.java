package com.huifang.customer.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.Customers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentTests {

    private static final Instant T1 = Customers.NOW.plusSeconds(10);
    private static final Instant T2 = Customers.NOW.plusSeconds(20);

    @Test
    void optOutOfPhoneClosesPhoneOnlyAndPublishesTheOptedOutChannels() {
        Customer c = Customers.customer();

        CustomerConsentChanged event = c.changeConsent(
                ConsentChange.optOut(Channel.PHONE, ConsentSource.CUSTOMER_REQUEST), T1).orElseThrow();

        assertThat(event).isEqualTo(new CustomerConsentChanged("c-1", List.of("PHONE"), false, "CUSTOMER_REQUEST", T1));
        assertThat(c.mayContact(Channel.PHONE)).isFalse();
        assertThat(c.mayContact(Channel.SMS)).isTrue();
        assertThat(c.consent().channels().get(Channel.PHONE))
                .isEqualTo(new ChannelConsent(Channel.PHONE, ConsentStatus.OPTED_OUT, ConsentSource.CUSTOMER_REQUEST, T1));
        assertThat(c.version()).isEqualTo(1);
    }

    @Test
    void optInReopensAnOptedOutChannel() {
        Customer c = Customers.customer();
        c.changeConsent(ConsentChange.optOut(Channel.SMS, ConsentSource.CUSTOMER_REPLY), T1);

        CustomerConsentChanged event = c.changeConsent(ConsentChange.optIn(Channel.SMS, ConsentSource.STAFF), T2).orElseThrow();

        assertThat(event.optedOutChannels()).isEmpty();
        assertThat(c.mayContact(Channel.SMS)).isTrue();
    }

    @Test
    void doNotContactClosesEveryChannelAndLiftingItRestoresPerChannelDecisions() {
        Customer c = Customers.customer();
        c.changeConsent(ConsentChange.optOut(Channel.PHONE, ConsentSource.CUSTOMER_REQUEST), T1);

        CustomerConsentChanged dnc = c.changeConsent(ConsentChange.doNotContact(ConsentSource.CUSTOMER_REQUEST), T2).orElseThrow();
        assertThat(dnc.doNotContact()).isTrue();
        assertThat(dnc.optedOutChannels()).containsExactly("PHONE");
        for (Channel ch : Channel.values()) {
            assertThat(c.mayContact(ch)).as(ch.name()).isFalse();
        }

        CustomerConsentChanged lifted = c.changeConsent(ConsentChange.allowContact(ConsentSource.STAFF), T2).orElseThrow();
        assertThat(lifted.doNotContact()).isFalse();
        assertThat(c.mayContact(Channel.PHONE)).isFalse();
        assertThat(c.mayContact(Channel.EMAIL)).isTrue();
    }

    @Test
    void optInWhileDoNotContactRecordsTheChannelButContactStaysClosed() {
        Customer c = Customers.customer();
        c.changeConsent(ConsentChange.doNotContact(ConsentSource.CUSTOMER_REQUEST), T1);
        assertThat(c.changeConsent(ConsentChange.optIn(Channel.LETTER, ConsentSource.STAFF), T2)).isPresent();
        assertThat(c.mayContact(Channel.LETTER)).isFalse();
    }

    @Test
    void repeatingTheSameDecisionIsNoChangeAndKeepsTheFirstEvidence() {
        Customer c = Customers.customer();
        c.changeConsent(ConsentChange.optOut(Channel.PHONE, ConsentSource.CUSTOMER_REQUEST), T1);
        long version = c.version();

        assertThat(c.changeConsent(ConsentChange.optOut(Channel.PHONE, ConsentSource.PARTNER), T2)).isEmpty();
        assertThat(c.changeConsent(ConsentChange.allowContact(ConsentSource.PARTNER), T2)).isEmpty();
        assertThat(c.version()).isEqualTo(version);
        assertThat(c.consent().channels().get(Channel.PHONE).at()).isEqualTo(T1);
    }

    @Test
    void channelChangesNeedAChannelAndGlobalChangesRefuseOne() {
        assertThatThrownBy(() -> new ConsentChange(ConsentChange.Kind.OPT_OUT, null, ConsentSource.STAFF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsentChange(ConsentChange.Kind.DO_NOT_CONTACT, Channel.SMS, ConsentSource.STAFF))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
