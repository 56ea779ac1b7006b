package com.huifang.survey.link.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends survey links by e-mail through the configured SMTP server ({@code spring.mail.host/port}). Blocking. */
public class EmailLinkSender {

    private final JavaMailSender mail;
    private final String from;

    public EmailLinkSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    public void send(LinkMessage message) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.text(), false);
            mail.send(mime);
        } catch (MessagingException e) {
            throw new MailSendException("cannot build the survey e-mail", e);
        }
    }
}
