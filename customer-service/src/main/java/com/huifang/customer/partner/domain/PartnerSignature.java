package com.huifang.customer.partner.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates a partner push (HTTP) by HMAC-SHA256 instead of a JWT.
 *
 * <p>Headers the partner sends:
 * <pre>
 * X-Huifang-Partner:   his-main                      the partner id an admin registered (tenant comes from it)
 * X-Huifang-Event-Id:  evt-20250602-0001             the partner's id of the event (batch: of the batch)
 * X-Huifang-Timestamp: 1748829600                    Unix time in seconds, decimal
 * X-Huifang-Signature: 5f0c…(64 lower-case hex)      hex(HMAC-SHA256(secret, id + "." + timestamp + "." + body))
 * </pre>
 * The signed bytes are the UTF-8 bytes of {@code id}, a dot, the timestamp as sent, a dot, then
 * the raw request body bytes exactly as received (no re-serialisation). Event ids are
 * {@code [A-Za-z0-9_:-]{1,128}} (no dot, so the signed string cannot be split two ways).
 * Upper-case hex is accepted. The timestamp must be within 5 minutes of the server's clock in
 * either direction (exactly 5 minutes is still accepted). Several secrets may be current for a
 * partner while it rotates; any of them verifies.
 *
 * <p>Checks run in this order: {@link Outcome#MALFORMED} (missing or ill-formed header),
 * {@link Outcome#BAD_SIGNATURE} (constant-time comparison), {@link Outcome#STALE_TIMESTAMP}; so a
 * caller without the secret learns nothing about the server's clock.
 */
public final class PartnerSignature {

    public static final String PARTNER_HEADER = "X-Huifang-Partner";
    public static final String EVENT_ID_HEADER = "X-Huifang-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-Huifang-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Huifang-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    public static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_:-]{1,128}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");

    public enum Outcome { OK, BAD_SIGNATURE, STALE_TIMESTAMP, MALFORMED }

    private PartnerSignature() {
    }

    /** The signature a partner sends (64 lower-case hex characters). */
    public static String sign(byte[] secret, String eventId, long epochSeconds, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, signedBytes(eventId, Long.toString(epochSeconds), body)));
    }

    /**
     * @param eventId   {@code X-Huifang-Event-Id} as received (may be null)
     * @param timestamp {@code X-Huifang-Timestamp} as received (may be null)
     * @param signature {@code X-Huifang-Signature} as received (may be null)
     * @param body      the raw body bytes
     * @param secrets   the partner's current secrets (at least one)
     * @param now       the server's clock
     */
    public static Outcome verify(String eventId, String timestamp, String signature, byte[] body,
                                 List<byte[]> secrets, Instant now) {
        Objects.requireNonNull(now, "now");
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()
                || timestamp == null || !TIMESTAMP.matcher(timestamp).matches()
                || signature == null || !SIGNATURE.matcher(signature).matches()
                || body == null || secrets == null || secrets.isEmpty()) {
            return Outcome.MALFORMED;
        }
        byte[] given = HexFormat.of().parseHex(signature);
        byte[] signed = signedBytes(eventId, timestamp, body);
        boolean matches = false;
        for (byte[] secret : secrets) {
            // every secret is tried, so timing does not tell which one matched
            matches |= MessageDigest.isEqual(mac(secret, signed), given);
        }
        if (!matches) {
            return Outcome.BAD_SIGNATURE;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration skew = Duration.between(sent, now).abs();
        return skew.compareTo(TOLERANCE) > 0 ? Outcome.STALE_TIMESTAMP : Outcome.OK;
    }

    static byte[] mac(byte[] secret, byte[] data) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a partner secret cannot be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] signedBytes(String eventId, String timestamp, byte[] body) {
        byte[] prefix = (eventId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }
}
