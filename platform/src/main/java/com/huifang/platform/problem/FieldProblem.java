package com.huifang.platform.problem;

/**
 * One invalid field of a request, listed in a 400 problem's {@code errors}.
 *
 * @param field   path of the field in the request ({@code contacts[0].phone}, {@code timing.offset})
 * @param code    machine-readable reason ({@code NotBlank}, {@code Pattern}, {@code unknown-code})
 * @param message the reason in the caller's language
 */
public record FieldProblem(String field, String code, String message) {
}
