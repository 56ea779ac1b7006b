package com.huifang.survey.link.delivery;

/**
 * Sends a text message through an SMS provider. Blocking: call it off the event loop. Production plugs a provider
 * adapter in as a bean of this type; locally {@link FileSmsSender} writes messages to a file.
 */
public interface SmsSender {

    /** @throws RuntimeException when the provider refuses the message */
    void send(LinkMessage message);
}
