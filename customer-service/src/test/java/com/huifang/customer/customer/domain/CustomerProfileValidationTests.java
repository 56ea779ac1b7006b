package com.huifang.customer.customer.domain;

import static com.huifang.customer.customer.domain.Customers.CODES;
import static com.huifang.customer.customer.domain.Customers.fullDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.huifang.customer.consent.domain.Channel;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CustomerProfileValidationTests {

    @Test
    void validDraftBecomesNormalisedProfile() {
        CustomerProfile p = CustomerProfile.validate(fullDraft().build(), CODES).orThrow();
        assertThat(p.name()).isEqualTo("张三");
        assertThat(p.primaryPhone()).map(PhoneNumber::e164).contains("+8613812341234");
        assertThat(p.phones()).extracting(ContactPhone::label).containsExactly("手机", "单位");
        assertThat(p.primaryEmail()).map(EmailAddress::value).contains("Zhang.San@example.com");
        assertThat(p.preferredChannel()).isEqualTo(Channel.PHONE);
        assertThat(p.preferredHours()).containsExactly(new TimeWindow(LocalTime.of(18, 0), LocalTime.of(20, 0)));
        assertThat(p.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(p.idNumber().value()).isEqualTo("11010519491231002X");
        assertThat(p.duplicateKeys()).containsExactly("+8613812341234", "+861062345678;ext=123");
    }

    @Test
    void everyBadFieldIsReportedWithItsPath() {
        CustomerDraft draft = CustomerDraft.builder()
                .name(" ")
                .phone("手机", "12345", false)
                .email(null, "not-an-email", false)
                .category("VIP客户")
                .preferredChannel("FAX")
                .preferredHours("20:00-18:00")
                .timeZone("Mars/Olympus")
                .staffId("bad id with spaces")
                .attribute("1bad", "x")
                .partnerReference("HIS MAIN", "P1")
                .idNumber("110105194912310021")
                .build();

        assertThat(CustomerProfile.validate(draft, CODES).errors())
                .extracting(FieldError::path, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("name", "required"),
                        tuple("phones[0].number", "phone-format"),
                        tuple("emails[0].address", "email-format"),
                        tuple("category", "unknown-code"),
                        tuple("preferredChannel", "unknown-code"),
                        tuple("preferredHours[0]", "window-order"),
                        tuple("timeZone", "time-zone"),
                        tuple("staffIds[0]", "id-format"),
                        tuple("attributes", "attribute-key"),
                        tuple("partnerReferences[0].partnerId", "partner-id-format"),
                        tuple("idNumber", "id-number-checksum"));
    }

    @Test
    void firstPhoneBecomesPrimaryWhenNoneIsMarked() {
        CustomerProfile p = CustomerProfile.validate(CustomerDraft.builder().name("李四").category("门诊")
                .phone("13900001111").phone("021-62345678").build(), CODES).orThrow();
        assertThat(p.phones()).extracting(ContactPhone::primary).containsExactly(true, false);
        assertThat(p.phones()).extracting(ContactPhone::label).containsExactly("mobile", "landline");
    }

    @Test
    void twoPrimaryPhonesAreRejected() {
        CustomerDraft draft = CustomerDraft.builder().name("李四").category("门诊")
                .phone(null, "13900001111", true).phone(null, "13900002222", true).build();
        assertThat(CustomerProfile.validate(draft, CODES).errors())
                .extracting(FieldError::path, FieldError::code).containsExactly(tuple("phones", "primary"));
    }

    @Test
    void samePhoneWrittenTwiceIsRejectedAsDuplicate() {
        CustomerDraft draft = CustomerDraft.builder().name("李四").category("门诊")
                .phone("13900001111").phone("+86 139-0000-1111").build();
        assertThat(CustomerProfile.validate(draft, CODES).errors())
                .extracting(FieldError::path, FieldError::code).containsExactly(tuple("phones[1].number", "duplicate"));
    }

    @Test
    void sizesAreLimited() {
        CustomerDraft.Builder b = CustomerDraft.builder().name("王".repeat(101)).category("门诊");
        for (int i = 0; i < 6; i++) {
            b.phone("1390000111" + i);
        }
        for (int i = 0; i < 21; i++) {
            b.tag("t" + i);
        }
        b.attribute("note", "x".repeat(501));
        assertThat(CustomerProfile.validate(b.build(), CODES).errors())
                .extracting(FieldError::path, FieldError::code)
                .containsExactlyInAnyOrder(tuple("name", "too-long"), tuple("phones", "too-many"),
                        tuple("tags", "too-many"), tuple("attributes.note", "too-long"));
    }

    @Test
    void missingCategoryTakesTheTenantDefaultOrIsRequired() {
        CustomerDraft draft = CustomerDraft.builder().name("李四").phone("13900001111").build();
        assertThat(CustomerProfile.validate(draft, CODES).errors())
                .extracting(FieldError::path, FieldError::code).containsExactly(tuple("category", "required"));
        assertThat(CustomerProfile.validate(draft, CODES.withDefaultCategory("门诊")).orThrow().category())
                .isEqualTo("门诊");
    }

    @Test
    void emailDomainIsLowerCasedAndLocalPartKept() {
        assertThat(EmailAddress.parse(" A.b+c@Mail.Example.CN ").value()).isEqualTo("A.b+c@mail.example.cn");
        assertThat(EmailAddress.validate("a@b").isValid()).isFalse();
        assertThat(EmailAddress.validate("a..b@example.com").isValid()).isFalse();
        assertThat(EmailAddress.validate("@example.com").isValid()).isFalse();
    }
}
