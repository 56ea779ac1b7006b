package com.huifang.customer.customer.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated e-mail address: a pragmatic subset of RFC 5321 (dot-atom local part, a domain of
 * letter/digit/hyphen labels with a top-level label of at least two letters), at most 254
 * characters, local part at most 64. The domain is lower-cased; the local part is kept as given
 * (it may be case-sensitive) but {@link #lookupKey()} lower-cases it for comparison.
 */
public record EmailAddress(String value) {

    private static final Pattern LOCAL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    /** Only normalised, valid values: use {@link #parse} or {@link #validate} for raw input. */
    public EmailAddress {
        FieldError problem = problemWith(value);
        if (problem != null || !value.equals(normalise(value))) {
            throw new InvalidInputException(problem != null ? problem
                    : new FieldError("", "email-format", "must be normalised (trimmed, lower-case domain)"));
        }
    }

    public static EmailAddress parse(String raw) {
        return validate(raw).orThrow();
    }

    public static Validated<EmailAddress> validate(String raw) {
        FieldError problem = problemWith(raw == null ? null : raw.strip());
        return problem == null
                ? Validated.valid(new EmailAddress(normalise(raw)))
                : Validated.invalid(List.of(problem));
    }

    private static String normalise(String raw) {
        String text = raw.strip();
        int at = text.lastIndexOf('@');
        return text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static FieldError problemWith(String text) {
        if (text == null || text.isBlank()) {
            return new FieldError("", "required", "is required");
        }
        if (text.length() > 254) {
            return new FieldError("", "too-long", "must have at most 254 characters");
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            return new FieldError("", "email-format", "must look like name@example.com");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return new FieldError("", "email-format", "must look like name@example.com");
        }
        return null;
    }

    /** The address lower-cased: the duplicate and lookup-hash key. */
    public String lookupKey() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }
}
