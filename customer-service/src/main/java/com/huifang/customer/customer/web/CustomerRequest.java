package com.huifang.customer.customer.web;

import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.CustomerDraft;
import com.huifang.customer.customer.domain.CustomerProfile;
import com.huifang.customer.customer.domain.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A customer as a client writes it (create, replace, or the fields of a merge patch). Validated by
 * the domain ({@code CustomerProfile.validate}), whose field paths name these components.
 *
 * @param title   先生 or 女士 (also 男/女, MR/MS), or null: the call script's salutation
 * @param version for PUT/PATCH without an If-Match header: the version the client read
 */
public record CustomerRequest(
        String name,
        List<Phone> phones,
        List<Email> emails,
        String category,
        List<String> tags,
        String preferredChannel,
        List<String> preferredHours,
        String timeZone,
        List<String> staffIds,
        String householdId,
        String siteId,
        Map<String, String> attributes,
        List<PartnerRef> partnerReferences,
        String idNumber,
        String title,
        Long version) {

    public record Phone(String label, String number, boolean primary) {
    }

    public record Email(String label, String address, boolean primary) {
    }

    public record PartnerRef(String partnerId, String customerRef) {
    }

    public CustomerDraft toDraft() {
        return new CustomerDraft(name,
                phones == null ? null : phones.stream().map(p -> p == null ? null
                        : new CustomerDraft.PhoneInput(p.label(), p.number(), p.primary())).toList(),
                emails == null ? null : emails.stream().map(e -> e == null ? null
                        : new CustomerDraft.EmailInput(e.label(), e.address(), e.primary())).toList(),
                category, tags, preferredChannel, preferredHours, timeZone, staffIds, householdId, siteId, attributes,
                partnerReferences == null ? null : partnerReferences.stream().map(r -> r == null ? null
                        : new CustomerDraft.PartnerRefInput(r.partnerId(), r.customerRef())).toList(),
                idNumber, title);
    }

    /** The current state as a request (server side only: it holds clear values), the base of a merge patch. */
    static CustomerRequest of(Customer customer) {
        CustomerProfile p = customer.profile();
        return new CustomerRequest(p.name(),
                p.phones().stream().map(ph -> new Phone(ph.label(), ph.number().canonical(), ph.primary())).toList(),
                p.emails().stream().map(e -> new Email(e.label(), e.address().value(), e.primary())).toList(),
                p.category(), new ArrayList<>(p.tags()),
                p.preferredChannel() == null ? null : p.preferredChannel().name(),
                p.preferredHours().stream().map(TimeWindow::toString).toList(),
                p.timeZone() == null ? null : p.timeZone().getId(), p.staffIds(), p.householdId(), p.siteId(),
                p.attributes(),
                p.partnerReferences().stream().map(r -> new PartnerRef(r.partnerId(), r.customerRef())).toList(),
                p.idNumber() == null ? null : p.idNumber().value(),
                p.title() == null ? null : p.title().chinese(), customer.version());
    }
}
