package com.huifang.customer.customer.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a partner system (HIS, CRM, ERP) names this customer: the partner's id and its own
 * customer reference (patient number, member number…). Unique per tenant: the same reference
 * pushed twice finds the same customer.
 */
public record PartnerReference(String partnerId, String customerRef) {

    /** Partner ids are chosen by admins: lower-case letters, digits and dashes. */
    public static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** A partner's reference: printable ASCII without spaces, at most 128 characters. */
    public static final Pattern CUSTOMER_REF = Pattern.compile("[\\x21-\\x7E]{1,128}");

    public PartnerReference {
        List<FieldError> errors = validate(partnerId, customerRef);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static List<FieldError> validate(String partnerId, String customerRef) {
        Violations v = new Violations();
        if (v.required("partnerId", partnerId) && !PARTNER_ID.matcher(partnerId).matches()) {
            v.add("partnerId", "partner-id-format", "lower-case letters, digits and dashes, at most 64");
        }
        if (v.required("customerRef", customerRef) && !CUSTOMER_REF.matcher(customerRef).matches()) {
            v.add("customerRef", "customer-ref-format", "printable characters without spaces, at most 128");
        }
        return v.errors();
    }
}
