package com.huifang.customer.customer.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer as a caller wrote it: raw strings from a request body, an import row or a partner
 * event. {@link CustomerProfile#validate} turns it into a {@link CustomerProfile} or field errors
 * whose paths name these components ({@code phones[1].number}, {@code preferredHours[0]}).
 * Null lists and maps mean "none".
 */
public record CustomerDraft(
        String name,
        List<PhoneInput> phones,
        List<EmailInput> emails,
        String category,
        List<String> tags,
        String preferredChannel,
        List<String> preferredHours,
        String timeZone,
        List<String> staffIds,
        String householdId,
        String siteId,
        Map<String, String> attributes,
        List<PartnerRefInput> partnerReferences,
        String idNumber,
        String title) {

    /** A phone as written; {@code label} may be blank (a default is given by kind). */
    public record PhoneInput(String label, String number, boolean primary) {
    }

    public record EmailInput(String label, String address, boolean primary) {
    }

    public record PartnerRefInput(String partnerId, String customerRef) {
    }

    public CustomerDraft {
        phones = phones == null ? List.of() : nullSafeCopy(phones);
        emails = emails == null ? List.of() : nullSafeCopy(emails);
        tags = tags == null ? List.of() : nullSafeCopy(tags);
        preferredHours = preferredHours == null ? List.of() : nullSafeCopy(preferredHours);
        staffIds = staffIds == null ? List.of() : nullSafeCopy(staffIds);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        partnerReferences = partnerReferences == null ? List.of() : nullSafeCopy(partnerReferences);
    }

    private static <T> List<T> nullSafeCopy(List<T> list) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction for adapters and tests. */
    public static final class Builder {
        private String name;
        private final List<PhoneInput> phones = new ArrayList<>();
        private final List<EmailInput> emails = new ArrayList<>();
        private String category;
        private final List<String> tags = new ArrayList<>();
        private String preferredChannel;
        private final List<String> preferredHours = new ArrayList<>();
        private String timeZone;
        private final List<String> staffIds = new ArrayList<>();
        private String householdId;
        private String siteId;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<PartnerRefInput> partnerReferences = new ArrayList<>();
        private String idNumber;
        private String title;

        public Builder name(String v) { name = v; return this; }
        public Builder phone(String label, String number, boolean primary) { phones.add(new PhoneInput(label, number, primary)); return this; }
        public Builder phone(String number) { return phone(null, number, false); }
        public Builder email(String label, String address, boolean primary) { emails.add(new EmailInput(label, address, primary)); return this; }
        public Builder email(String address) { return email(null, address, false); }
        public Builder category(String v) { category = v; return this; }
        public Builder tag(String v) { tags.add(v); return this; }
        public Builder tags(List<String> v) { tags.addAll(v); return this; }
        public Builder preferredChannel(String v) { preferredChannel = v; return this; }
        public Builder preferredHours(String v) { preferredHours.add(v); return this; }
        public Builder timeZone(String v) { timeZone = v; return this; }
        public Builder staffId(String v) { staffIds.add(v); return this; }
        public Builder householdId(String v) { householdId = v; return this; }
        public Builder siteId(String v) { siteId = v; return this; }
        public Builder attribute(String key, String value) { attributes.put(key, value); return this; }
        public Builder partnerReference(String partnerId, String customerRef) { partnerReferences.add(new PartnerRefInput(partnerId, customerRef)); return this; }
        public Builder idNumber(String v) { idNumber = v; return this; }
        public Builder title(String v) { title = v; return this; }

        public CustomerDraft build() {
            return new CustomerDraft(name, phones, emails, category, tags, preferredChannel, preferredHours,
                    timeZone, staffIds, householdId, siteId, attributes, partnerReferences, idNumber, title);
        }
    }
}
