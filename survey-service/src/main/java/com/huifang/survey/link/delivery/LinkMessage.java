package com.huifang.survey.link.delivery;

import java.util.Map;

/**
 * A survey invitation to one customer address. Holds the plain link: never log it, nor the address in clear.
 *
 * @param to         e-mail address or phone number
 * @param subject    e-mail subject (unused by SMS)
 * @param text       the message, the link included
 * @param parameters the message's values by name, for providers that only send approved templates
 *                   (Alibaba Cloud: {@code TemplateParam}): organisation, survey, link
 */
public record LinkMessage(String to, String subject, String text, Map<String, String> parameters) {

    public LinkMessage {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public LinkMessage(String to, String subject, String text) {
        this(to, subject, text, Map.of());
    }

    /** An address fit for a log line: 139****5678, w***@example.com. */
    public static String mask(String address) {
        if (address == null) {
            return "?";
        }
        int at = address.indexOf('@');
        if (at >= 0) {
            return (at > 0 ? address.charAt(0) : "") + "***" + address.substring(at);
        }
        String digits = address.strip();
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "****";
    }

    @Override
    public String toString() {
        return "LinkMessage[to=" + mask(to) + ", subject=" + subject + ", text=***]";
    }
}
