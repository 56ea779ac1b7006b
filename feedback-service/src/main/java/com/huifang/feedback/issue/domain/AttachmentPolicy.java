package com.huifang.feedback.issue.domain;

import java.util.List;
import java.util.Set;

/**
 * What evidence an issue accepts: photos (seed 002 §3.1.8: the installation supervisor photographs the site),
 * PDF and office documents; each file at most {@code maxBytes}, at most {@code maxCount} per issue.
 */
public record AttachmentPolicy(Set<String> allowedMediaTypes, long maxBytes, int maxCount) {

    public static final Set<String> IMAGES_PDF_OFFICE = Set.of(
            "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif",
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    public AttachmentPolicy {
        allowedMediaTypes = Set.copyOf(allowedMediaTypes);
        if (maxBytes <= 0 || maxCount <= 0) {
            throw new IllegalArgumentException("attachment limits must be positive");
        }
    }

    /** Images, PDF and office documents; 10 MiB each; 10 per issue. */
    public static AttachmentPolicy standard() {
        return new AttachmentPolicy(IMAGES_PDF_OFFICE, 10L * 1024 * 1024, 10);
    }

    /** @throws AttachmentRejectedException naming the first rule the new files break, before anything is kept */
    public void check(List<Attachment> existing, List<Attachment> added) {
        for (var a : added) {
            if (!allowedMediaTypes.contains(a.mediaType())) {
                throw new AttachmentRejectedException(
                        "attachment " + a.name() + " has a forbidden type " + a.contentType() + "; allowed: images, PDF, office documents");
            }
            if (a.sizeBytes() == 0) {
                throw new AttachmentRejectedException("attachment " + a.name() + " is empty");
            }
            if (a.sizeBytes() > maxBytes) {
                throw new AttachmentRejectedException(
                        "attachment " + a.name() + " has " + a.sizeBytes() + " bytes; the limit is " + maxBytes);
            }
        }
        if (existing.size() + added.size() > maxCount) {
            throw new AttachmentRejectedException("an issue holds at most " + maxCount + " attachments; it has "
                    + existing.size() + " and " + added.size() + " more were sent");
        }
        var ids = new java.util.HashSet<String>();
        existing.forEach(a -> ids.add(a.id()));
        for (var a : added) {
            if (!ids.add(a.id())) {
                throw new AttachmentRejectedException("attachment id " + a.id() + " is already attached");
            }
        }
    }
}
