package com.huifang.survey.link.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local SMS "provider": appends each message as one line ({@code to<TAB>text}) to a file, so a developer can
 * open the link. Without a file it only logs that a message was sent (never its text: it holds a live link).
 */
public class FileSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(FileSmsSender.class);

    private final Path file;

    public FileSmsSender(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void send(LinkMessage message) {
        if (file == null) {
            log.info("SMS to {} not delivered anywhere (set huifang.survey.sms.outbox-file to keep local messages)",
                    LinkMessage.mask(message.to()));
            return;
        }
        String line = message.to() + "\t" + message.text().replace('\n', ' ') + System.lineSeparator();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SMS outbox " + file, e);
        }
        log.info("SMS to {} written to {}", LinkMessage.mask(message.to()), file);
    }
}
