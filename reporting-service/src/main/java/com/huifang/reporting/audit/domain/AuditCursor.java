package com.huifang.reporting.audit.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of a newest-first search starts: strictly after (older than) the last entry
 * shown, ordered by time and then audit id, so entries that share a millisecond are neither skipped
 * nor repeated. Opaque to clients (URL-safe Base64).
 */
public record AuditCursor(Instant at, String auditId) {

    public String encode() {
        String raw = at.toEpochMilli() + ":" + auditId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws AuditSearchException when {@code token} is not a cursor this service issued */
    public static AuditCursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                throw new IllegalArgumentException(raw);
            }
            return new AuditCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))),
                    raw.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new AuditSearchException("cursor", "format", "audit.search.bad-cursor");
        }
    }
}
