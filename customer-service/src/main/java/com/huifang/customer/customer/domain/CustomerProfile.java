package com.huifang.customer.customer.domain;

import com.huifang.customer.consent.domain.Channel;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated, editable facts about a customer. Nullable components: {@code preferredChannel},
 * {@code timeZone} (null: the tenant's), {@code householdId}, {@code siteId}, {@code idNumber}.
 * Phones and e-mails have exactly one primary each when there are any.
 */
public record CustomerProfile(
        String name,
        List<ContactPhone> phones,
        List<ContactEmail> emails,
        String category,
        Set<String> tags,
        Channel preferredChannel,
        List<TimeWindow> preferredHours,
        ZoneId timeZone,
        List<String> staffIds,
        String householdId,
        String siteId,
        Map<String, String> attributes,
        List<PartnerReference> partnerReferences,
        ChineseIdNumber idNumber,
        Title title) {

    public static final int MAX_NAME = 100;
    public static final int MAX_LABEL = 20;
    public static final int MAX_PHONES = 5;
    public static final int MAX_EMAILS = 5;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 30;
    public static final int MAX_HOURS = 4;
    public static final int MAX_STAFF = 20;
    public static final int MAX_ATTRIBUTES = 30;
    public static final int MAX_ATTRIBUTE_VALUE = 500;
    public static final int MAX_PARTNER_REFERENCES = 10;
    /** Staff, household and site ids: opaque ids of other records. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");
    public static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");

    public CustomerProfile {
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        preferredHours = List.copyOf(preferredHours);
        staffIds = List.copyOf(staffIds);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        partnerReferences = List.copyOf(partnerReferences);
        if (phones.stream().filter(ContactPhone::primary).count() != (phones.isEmpty() ? 0 : 1)
                || emails.stream().filter(ContactEmail::primary).count() != (emails.isEmpty() ? 0 : 1)) {
            throw new IllegalArgumentException("phones and e-mails need exactly one primary each");
        }
    }

    public Optional<PhoneNumber> primaryPhone() {
        return phones.stream().filter(ContactPhone::primary).map(ContactPhone::number).findFirst();
    }

    public Optional<EmailAddress> primaryEmail() {
        return emails.stream().filter(ContactEmail::primary).map(ContactEmail::address).findFirst();
    }

    /**
     * The duplicate-detection keys: the canonical form of every phone. Two customers of one tenant
     * sharing a key are the same person; the store keeps them as lookup hashes, never plain.
     */
    public Set<String> duplicateKeys() {
        Set<String> keys = new LinkedHashSet<>();
        phones.forEach(p -> keys.add(p.number().canonical()));
        return Collections.unmodifiableSet(keys);
    }

    /**
     * Validates a draft against the tenant's codes. All errors are reported, each with the path of
     * the draft component it concerns. A blank label gets a default ({@code mobile},
     * {@code landline}, {@code international}, {@code email}); when no phone (e-mail) is marked
     * primary the first one is; two marked primary is an error.
     */
    public static Validated<CustomerProfile> validate(CustomerDraft d, TenantCodes codes) {
        Violations v = new Violations();

        String name = d.name() == null ? null : d.name().strip();
        if (v.required("name", name)) {
            v.maxLength("name", name, MAX_NAME);
        }

        List<ContactPhone> phones = phones(d.phones(), v);
        List<ContactEmail> emails = emails(d.emails(), v);

        String category = d.category() == null || d.category().isBlank() ? codes.defaultCategory() : d.category().strip();
        if (category == null) {
            v.add("category", "required", "is required");
        } else if (!codes.isCategory(category)) {
            v.add("category", "unknown-code", "is not one of the tenant's categories");
        }

        Set<String> tags = new LinkedHashSet<>();
        if (v.maxSize("tags", d.tags(), MAX_TAGS)) {
            for (int i = 0; i < d.tags().size(); i++) {
                String tag = d.tags().get(i) == null ? null : d.tags().get(i).strip();
                if (v.required("tags[" + i + "]", tag) && v.maxLength("tags[" + i + "]", tag, MAX_TAG)) {
                    tags.add(tag);
                }
            }
        }

        Channel channel = null;
        if (d.preferredChannel() != null && !d.preferredChannel().isBlank()) {
            try {
                channel = Channel.valueOf(d.preferredChannel().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("preferredChannel", "unknown-code", "must be one of PHONE, SMS, EMAIL, HOME_VISIT, LETTER");
            }
        }

        List<TimeWindow> hours = new ArrayList<>();
        if (v.maxSize("preferredHours", d.preferredHours(), MAX_HOURS)) {
            for (int i = 0; i < d.preferredHours().size(); i++) {
                Validated<TimeWindow> w = TimeWindow.validate(d.preferredHours().get(i));
                v.addAll("preferredHours[" + i + "]", w.errors());
                if (w.isValid()) {
                    hours.add(w.orThrow());
                }
            }
        }

        ZoneId zone = null;
        if (d.timeZone() != null && !d.timeZone().isBlank()) {
            try {
                zone = ZoneId.of(d.timeZone().strip());
                if (zone instanceof ZoneOffset) {
                    v.add("timeZone", "time-zone", "must be a region such as Asia/Shanghai, not an offset");
                }
            } catch (DateTimeException e) {
                v.add("timeZone", "time-zone", "must be a region such as Asia/Shanghai");
            }
        }

        List<String> staff = new ArrayList<>();
        if (v.maxSize("staffIds", d.staffIds(), MAX_STAFF)) {
            for (int i = 0; i < d.staffIds().size(); i++) {
                String id = d.staffIds().get(i);
                if (id(v, "staffIds[" + i + "]", id) && !staff.contains(id.strip())) {
                    staff.add(id.strip());
                }
            }
        }
        String household = optionalId(v, "householdId", d.householdId());
        String site = optionalId(v, "siteId", d.siteId());

        Map<String, String> attributes = new LinkedHashMap<>();
        if (v.maxSize("attributes", d.attributes().keySet(), MAX_ATTRIBUTES)) {
            d.attributes().forEach((k, val) -> {
                String path = "attributes." + k;
                if (k == null || !ATTRIBUTE_KEY.matcher(k).matches()) {
                    v.add("attributes", "attribute-key", "keys are letters, digits, _ . - (at most 40), starting with a letter");
                } else if (v.required(path, val) && v.maxLength(path, val, MAX_ATTRIBUTE_VALUE)) {
                    attributes.put(k, val.strip());
                }
            });
        }

        List<PartnerReference> refs = new ArrayList<>();
        if (v.maxSize("partnerReferences", d.partnerReferences(), MAX_PARTNER_REFERENCES)) {
            Set<String> partners = new HashSet<>();
            for (int i = 0; i < d.partnerReferences().size(); i++) {
                CustomerDraft.PartnerRefInput in = d.partnerReferences().get(i);
                String path = "partnerReferences[" + i + "]";
                List<FieldError> errors = in == null
                        ? List.of(new FieldError("", "required", "is required"))
                        : PartnerReference.validate(in.partnerId(), in.customerRef());
                v.addAll(path, errors);
                if (errors.isEmpty()) {
                    if (!partners.add(in.partnerId())) {
                        v.add(path + ".partnerId", "duplicate", "one reference per partner");
                    }
                    refs.add(new PartnerReference(in.partnerId(), in.customerRef()));
                }
            }
        }

        ChineseIdNumber idNumber = null;
        if (d.idNumber() != null && !d.idNumber().isBlank()) {
            Validated<ChineseIdNumber> id = ChineseIdNumber.validate(d.idNumber());
            v.addAll("idNumber", id.errors());
            idNumber = id.isValid() ? id.orThrow() : null;
        }

        Title title = null;
        if (d.title() != null && !d.title().isBlank()) {
            title = Title.parse(d.title()).orElse(null);
            if (title == null) {
                v.add("title", "unknown-code", "must be 先生 or 女士 (or 男/女, MR/MS)");
            }
        }

        Channel preferred = channel;
        ZoneId timeZone = zone;
        ChineseIdNumber id = idNumber;
        Title t = title;
        return v.result(() -> new CustomerProfile(name, phones, emails, category, tags, preferred, hours,
                timeZone, staff, household, site, attributes, refs, id, t));
    }

    private static List<ContactPhone> phones(List<CustomerDraft.PhoneInput> inputs, Violations v) {
        List<ContactPhone> phones = new ArrayList<>();
        if (!v.maxSize("phones", inputs, MAX_PHONES)) {
            return phones;
        }
        Set<String> seen = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < inputs.size(); i++) {
            CustomerDraft.PhoneInput in = inputs.get(i);
            String path = "phones[" + i + "]";
            if (in == null) {
                v.add(path, "required", "is required");
                continue;
            }
            Validated<PhoneNumber> number = PhoneNumber.validate(in.number());
            v.addAll(path + ".number", number.errors());
            String label = label(v, path, in.label());
            if (number.isValid()) {
                if (!seen.add(number.orThrow().canonical())) {
                    v.add(path + ".number", "duplicate", "is listed twice");
                    continue;
                }
                String l = label != null ? label : number.orThrow().kind().name().toLowerCase(Locale.ROOT);
                phones.add(new ContactPhone(l, number.orThrow(), in.primary()));
                primaries += in.primary() ? 1 : 0;
            }
        }
        if (primaries > 1) {
            v.add("phones", "primary", "only one phone can be primary");
        } else if (primaries == 0 && !phones.isEmpty()) {
            ContactPhone first = phones.get(0);
            phones.set(0, new ContactPhone(first.label(), first.number(), true));
        }
        return phones;
    }

    private static List<ContactEmail> emails(List<CustomerDraft.EmailInput> inputs, Violations v) {
        List<ContactEmail> emails = new ArrayList<>();
        if (!v.maxSize("emails", inputs, MAX_EMAILS)) {
            return emails;
        }
        Set<String> seen = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < inputs.size(); i++) {
            CustomerDraft.EmailInput in = inputs.get(i);
            String path = "emails[" + i + "]";
            if (in == null) {
                v.add(path, "required", "is required");
                continue;
            }
            Validated<EmailAddress> address = EmailAddress.validate(in.address());
            v.addAll(path + ".address", address.errors());
            String label = label(v, path, in.label());
            if (address.isValid()) {
                if (!seen.add(address.orThrow().lookupKey())) {
                    v.add(path + ".address", "duplicate", "is listed twice");
                    continue;
                }
                emails.add(new ContactEmail(label != null ? label : "email", address.orThrow(), in.primary()));
                primaries += in.primary() ? 1 : 0;
            }
        }
        if (primaries > 1) {
            v.add("emails", "primary", "only one e-mail can be primary");
        } else if (primaries == 0 && !emails.isEmpty()) {
            ContactEmail first = emails.get(0);
            emails.set(0, new ContactEmail(first.label(), first.address(), true));
        }
        return emails;
    }

    private static String label(Violations v, String path, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String label = raw.strip();
        return v.maxLength(path + ".label", label, MAX_LABEL) ? label : null;
    }

    private static boolean id(Violations v, String path, String id) {
        if (!v.required(path, id)) {
            return false;
        }
        if (!ID.matcher(id.strip()).matches()) {
            v.add(path, "id-format", "letters, digits and _ : . - only, at most 64");
            return false;
        }
        return true;
    }

    private static String optionalId(Violations v, String path, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return id(v, path, id) ? id.strip() : null;
    }
}
