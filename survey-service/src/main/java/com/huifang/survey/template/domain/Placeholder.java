package com.huifang.survey.template.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The placeholders a script text may hold, written {@code {customerName}}. */
public enum Placeholder {
    CUSTOMER_NAME("customerName"),
    /** 先生 / 女士, shown only together with a known name. */
    CUSTOMER_TITLE("customerTitle"),
    AGENT_NAME("agentName"),
    ORGANISATION("organisation"),
    /** The date of the service event (discharge, installation, signing…). */
    EVENT_DATE("eventDate");

    /** A placeholder token: braces around a name; other braces are left as text. */
    public static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<Placeholder> byToken(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }
}
