package com.huifang.customer.customer.domain;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated, normalised telephone number.
 *
 * <p>Accepted input, after NFKC (full-width digits and ＋ become ASCII) and with spaces, dashes,
 * dots and parentheses ignored:
 * <ul>
 *   <li>Chinese mobiles: {@code 1[3-9]} + 9 digits, optionally prefixed by {@code +86}, {@code 0086}
 *       or {@code 86} ({@code 138 1234 1234}, {@code +86-138-1234-1234}, {@code 008613812341234});</li>
 *   <li>Chinese landlines: trunk {@code 0} + area code ({@code 10}, {@code 2x}: two digits; others
 *       three) + a 7–8 digit subscriber number not starting with 0, optionally with an extension
 *       ({@code 转123}, {@code 分机123}, {@code ext 123}, {@code x123}, {@code #123}, {@code ;ext=123},
 *       or a last dash group: {@code 010-12345678-123}); with {@code +86} the trunk 0 is dropped
 *       ({@code +86 10 1234 5678}). A number without area code is rejected: it cannot be dialled
 *       from elsewhere and cannot be compared;</li>
 *   <li>other countries: {@code +} or {@code 00}, a country code and number, 8–15 digits in all
 *       (E.164), e.g. {@code +44 20 7946 0958}, {@code +1 415 555 0100}.</li>
 * </ul>
 * Normalised to E.164 ({@code +8613812341234}, {@code +861012345678}); the extension is kept apart.
 * {@link #canonical()} (E.164 plus {@code ;ext=}) is the duplicate-detection key within a tenant and
 * the value the lookup hash is taken of.
 */
public final class PhoneNumber {

    public enum Kind { MOBILE, LANDLINE, INTERNATIONAL }

    private static final int MAX_RAW_LENGTH = 40;
    private static final Pattern EXTENSION = Pattern.compile(
            "(?i)\\s*(?:转|分机|;ext=|ext\\.?|x|#)\\s*(\\d{1,6})\\s*$");
    private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9 ()\\-.]+");
    private static final Pattern MOBILE_NSN = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LAST_DASH_GROUP = Pattern.compile("^(.*\\d)\\s*-\\s*(\\d{1,6})$");

    private final Kind kind;
    private final String e164;
    private final String extension;

    private PhoneNumber(Kind kind, String e164, String extension) {
        this.kind = kind;
        this.e164 = e164;
        this.extension = extension;
    }

    /** The number, or {@link InvalidInputException} (path "", code {@code phone-format}) saying why not. */
    public static PhoneNumber parse(String raw) {
        return validate(raw).orThrow();
    }

    public static Optional<PhoneNumber> tryParse(String raw) {
        Validated<PhoneNumber> v = validate(raw);
        return v.isValid() ? Optional.of(v.orThrow()) : Optional.empty();
    }

    /** Validates {@code raw}; errors have an empty path, to be placed under the caller's field. */
    public static Validated<PhoneNumber> validate(String raw) {
        if (raw == null || raw.isBlank()) {
            return fail("required", "is required");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            return fail("too-long", "must have at most " + MAX_RAW_LENGTH + " characters");
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        String extension = null;
        Matcher ext = EXTENSION.matcher(text);
        if (ext.find()) {
            extension = ext.group(1);
            text = text.substring(0, ext.start()).strip();
        }
        text = text.replaceFirst("^\\(\\+(\\d{1,3})\\)", "+$1 "); // "(+86) 138…"
        if (!ALLOWED.matcher(text).matches()) {
            return fail("phone-format", "may contain only digits, a leading +, spaces, dashes and parentheses");
        }
        Validated<PhoneNumber> whole = parseDigits(text, extension);
        if (!whole.isValid() && extension == null) {
            // 010-12345678-123: a last dash group after a complete landline is its extension
            Matcher dash = LAST_DASH_GROUP.matcher(text);
            if (dash.matches()) {
                Validated<PhoneNumber> split = parseDigits(dash.group(1), dash.group(2));
                if (split.isValid() && split.orThrow().kind == Kind.LANDLINE) {
                    return split;
                }
            }
        }
        return whole;
    }

    private static Validated<PhoneNumber> parseDigits(String text, String extension) {
        boolean plus = text.startsWith("+");
        String digits = text.replaceAll("[^0-9]", "");
        if (plus || digits.startsWith("00")) {
            String international = plus ? digits : digits.substring(2);
            if (international.startsWith("86")) {
                String nsn = international.substring(2);
                // "+86 (0)10 …": tolerate the trunk 0 written after the country code
                return chinese(nsn.startsWith("0") ? nsn.substring(1) : nsn, extension);
            }
            if (international.length() < 8 || international.length() > 15 || international.startsWith("0")) {
                return fail("phone-format", "an international number has a country code and 8–15 digits in all");
            }
            return Validated.valid(new PhoneNumber(Kind.INTERNATIONAL, "+" + international, extension));
        }
        if (digits.length() == 13 && digits.startsWith("861")) {
            return chinese(digits.substring(2), extension);
        }
        if (digits.startsWith("1")) {
            return chinese(digits, extension);
        }
        if (digits.startsWith("0")) {
            return chinese(digits.substring(1), extension);
        }
        return fail("phone-format", "a landline needs its area code (0xx or 0xxx)");
    }

    /** {@code nsn}: the Chinese national significant number, without trunk 0 or country code. */
    private static Validated<PhoneNumber> chinese(String nsn, String extension) {
        if (nsn.startsWith("1") && !nsn.startsWith("10")) {
            if (!MOBILE_NSN.matcher(nsn).matches()) {
                return fail("phone-format", "a mobile number has 11 digits and starts with 13–19");
            }
            if (extension != null) {
                return fail("phone-format", "a mobile number has no extension");
            }
            return Validated.valid(new PhoneNumber(Kind.MOBILE, "+86" + nsn, null));
        }
        if (nsn.isEmpty() || nsn.startsWith("0")) {
            return fail("phone-format", "not a Chinese mobile or landline number");
        }
        int area = areaCodeLength(nsn);
        String subscriber = nsn.substring(Math.min(area, nsn.length()));
        if (subscriber.length() < 7 || subscriber.length() > 8 || subscriber.startsWith("0")) {
            return fail("phone-format", "a landline has an area code (0xx or 0xxx) and a 7–8 digit number");
        }
        return Validated.valid(new PhoneNumber(Kind.LANDLINE, "+86" + nsn, extension));
    }

    /** Area codes 10 and 20–29 have two digits, all others three (trunk 0 not counted). */
    private static int areaCodeLength(String nsn) {
        return nsn.startsWith("10") || nsn.startsWith("2") ? 2 : 3;
    }

    private static Validated<PhoneNumber> fail(String code, String message) {
        return Validated.invalid(java.util.List.of(new FieldError("", code, message)));
    }

    public Kind kind() {
        return kind;
    }

    /** E.164 without extension: {@code +8613812341234}. */
    public String e164() {
        return e164;
    }

    public Optional<String> extension() {
        return Optional.ofNullable(extension);
    }

    /** E.164 plus {@code ;ext=NNN} when there is one (RFC 3966 style): the duplicate and lookup key. */
    public String canonical() {
        return extension == null ? e164 : e164 + ";ext=" + extension;
    }

    public boolean isChinese() {
        return kind != Kind.INTERNATIONAL;
    }

    /** Digits after the country code (Chinese numbers: without trunk 0). */
    public String nationalSignificantNumber() {
        return isChinese() ? e164.substring(3) : e164.substring(1);
    }

    /** The area code with its trunk 0 ({@code 010}, {@code 0571}) of a landline, else empty. */
    public Optional<String> areaCode() {
        if (kind != Kind.LANDLINE) {
            return Optional.empty();
        }
        String nsn = nationalSignificantNumber();
        return Optional.of("0" + nsn.substring(0, areaCodeLength(nsn)));
    }

    /** The number as people write it here: {@code 138 1234 1234}, {@code 010-12345678 转 123}, {@code +44…}. */
    public String displayFormat() {
        String nsn = nationalSignificantNumber();
        String main = switch (kind) {
            case MOBILE -> nsn.substring(0, 3) + " " + nsn.substring(3, 7) + " " + nsn.substring(7);
            case LANDLINE -> areaCode().orElseThrow() + "-" + nsn.substring(areaCodeLength(nsn));
            case INTERNATIONAL -> e164;
        };
        return extension == null ? main : main + " 转 " + extension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber p && kind == p.kind && e164.equals(p.e164)
                && Objects.equals(extension, p.extension);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, e164, extension);
    }

    /** The canonical form; never logged by adapters, which show {@code Masking.phone} instead. */
    @Override
    public String toString() {
        return canonical();
    }
}
