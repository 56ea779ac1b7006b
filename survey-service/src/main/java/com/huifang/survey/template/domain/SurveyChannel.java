package com.huifang.survey.template.domain;

/** How a survey reaches the customer. */
public enum SurveyChannel {
    /** Asked by an agent during a call: keep it short (a warning above 5 questions). */
    PHONE,
    /** Answered by the customer on the mobile page opened from an SMS/e-mail link. */
    LINK,
    /** Asked during a home visit or on paper (letter). */
    IN_PERSON
}
