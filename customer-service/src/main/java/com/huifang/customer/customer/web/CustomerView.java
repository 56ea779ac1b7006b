package com.huifang.customer.customer.web;

import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.CustomerProfile;
import com.huifang.customer.customer.domain.Salutation;
import com.huifang.customer.pii.domain.Masking;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A customer as the API shows it: phones, e-mails and the ID number masked (reveal them with a reason). */
public record CustomerView(String id, String name, String title, String salutation, String category, List<String> tags, List<ContactView> phones,
                           List<ContactView> emails, String idNumber, String preferredChannel,
                           List<String> preferredHours, String timeZone, List<String> staffIds, String householdId,
                           String siteId, Map<String, String> attributes, List<String> partnerReferences,
                           ConsentView consent, boolean erased, Instant erasedAt, Instant createdAt,
                           Instant updatedAt, long version) {

    public record ContactView(String label, String value, boolean primary) {
    }

    public record ChannelView(String status, String source, Instant at) {
    }

    public record ConsentView(Map<String, ChannelView> channels, boolean doNotContact, Instant doNotContactSince,
                              String doNotContactSource) {
    }

    static CustomerView of(Customer c) {
        CustomerProfile p = c.profile();
        Map<String, ChannelView> channels = new LinkedHashMap<>();
        c.consent().channels().forEach((ch, d) -> channels.put(ch.name(),
                new ChannelView(d.status().name(), d.source().name(), d.at())));
        return new CustomerView(c.id(), p.name(), p.title() == null ? null : p.title().chinese(),
                c.isErased() ? null : Salutation.of(p.name(), p.title()), p.category(), List.copyOf(p.tags()),
                p.phones().stream().map(ph -> new ContactView(ph.label(), Masking.phone(ph.number()), ph.primary())).toList(),
                p.emails().stream().map(e -> new ContactView(e.label(), Masking.email(e.address()), e.primary())).toList(),
                p.idNumber() == null ? null : Masking.idNumber(p.idNumber()),
                p.preferredChannel() == null ? null : p.preferredChannel().name(),
                p.preferredHours().stream().map(Object::toString).toList(),
                p.timeZone() == null ? null : p.timeZone().getId(), p.staffIds(), p.householdId(), p.siteId(),
                p.attributes(), p.partnerReferences().stream().map(r -> r.partnerId() + ":" + r.customerRef()).toList(),
                new ConsentView(channels, c.consent().doNotContact(), c.consent().doNotContactSince(),
                        c.consent().doNotContactSource() == null ? null : c.consent().doNotContactSource().name()),
                c.isErased(), c.erasedAt().orElse(null), c.createdAt(), c.updatedAt(), c.version());
    }
}
