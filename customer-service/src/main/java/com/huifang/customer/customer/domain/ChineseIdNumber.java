package com.huifang.customer.customer.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * An 18-digit resident identity card number (居民身份证号码, GB 11643-1999): 6-digit region code,
 * birth date {@code yyyyMMdd}, 3-digit sequence, and an ISO 7064 MOD 11-2 check character
 * ({@code 0-9} or {@code X}). Lower-case {@code x} is accepted and stored upper-case. The old
 * 15-digit numbers are not accepted (out of use since 2013).
 */
public record ChineseIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    public ChineseIdNumber {
        FieldError problem = problemWith(value);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
    }

    public static ChineseIdNumber parse(String raw) {
        return validate(raw).orThrow();
    }

    public static Validated<ChineseIdNumber> validate(String raw) {
        String text = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
        FieldError problem = problemWith(text);
        return problem == null ? Validated.valid(new ChineseIdNumber(text)) : Validated.invalid(List.of(problem));
    }

    /** The check character the first 17 digits call for. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static FieldError problemWith(String text) {
        if (text == null || text.isBlank()) {
            return new FieldError("", "required", "is required");
        }
        if (!text.matches("[1-9]\\d{16}[0-9X]")) {
            return new FieldError("", "id-number-format", "must be 17 digits followed by a digit or X");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(text.substring(6, 10)),
                    Integer.parseInt(text.substring(10, 12)), Integer.parseInt(text.substring(12, 14)));
            if (birth.getYear() < 1850) {
                return new FieldError("", "id-number-format", "has an impossible birth date");
            }
        } catch (DateTimeException e) {
            return new FieldError("", "id-number-format", "has an impossible birth date");
        }
        if (checkCharacter(text) != text.charAt(17)) {
            return new FieldError("", "id-number-checksum", "check character does not match");
        }
        return null;
    }

    @Override
    public String toString() {
        return "ChineseIdNumber[" + value.substring(0, 3) + "***********" + value.substring(14) + "]";
    }
}
