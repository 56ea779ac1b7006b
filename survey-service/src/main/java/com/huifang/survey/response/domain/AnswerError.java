package com.huifang.survey.response.domain;

/**
 * Why an answer (or a response) does not fit the template version it claims to answer.
 *
 * @param questionId the question concerned; null for the response as a whole (version mismatch, flag)
 */
public record AnswerError(String questionId, Code code, String message) {

    public enum Code {
        /** The response names another template or version than the one it is validated against. */
        TEMPLATE_VERSION_MISMATCH,
        UNKNOWN_QUESTION,
        DUPLICATE_ANSWER,
        WRONG_TYPE,
        /** A number outside 1–5 / 0–10. */
        OUT_OF_RANGE,
        /** An option the question does not have. */
        UNKNOWN_OPTION,
        /** Blank text or no option chosen. */
        EMPTY_ANSWER,
        TOO_LONG,
        /** An answer to a question that the other answers do not show. */
        BRANCH_NOT_TAKEN,
        REQUIRED_MISSING,
        /** A flag without a note, or a flag on a customer's own response. */
        INVALID_FLAG
    }
}
