package com.huifang.feedback.issue.domain;

import java.util.Objects;

/**
 * Metadata of one piece of evidence (photo, file); the bytes live in the file store under {@code id}.
 *
 * @param contentType the media type, e.g. {@code image/jpeg}; parameters such as charset are ignored
 */
public record Attachment(String id, String name, String contentType, long sizeBytes) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + sizeBytes);
        }
    }

    /** The media type in lower case, without parameters. */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
