package com.huifang.survey.link.delivery;

/**
 * A survey invitation to one customer address. Holds the plain link: never log it.
 *
 * @param to      e-mail address or phone number
 * @param subject e-mail subject (unused by SMS)
 * @param text    the message, the link included
 */
public record LinkMessage(String to, String subject, String text) {
    @Override
    public String toString() {
        return "LinkMessage[to=" + to + ", subject=" + subject + ", text=***]";
    }
}
