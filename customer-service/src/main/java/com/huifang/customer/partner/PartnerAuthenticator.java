package com.huifang.customer.partner;

import com.huifang.customer.partner.store.PartnerCredentialDocument;
import com.huifang.customer.partner.store.PartnerCredentialRepository;
import com.huifang.platform.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a partner push: HMAC-SHA256 (hex) over {@code eventId.timestamp.body} with the
 * partner's secret, timestamp (epoch seconds) within 5 minutes of the server clock either way.
 * The tenant is the one the partner is registered for.
 */
@Component
public class PartnerAuthenticator {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final PartnerCredentialRepository credentials;
    private final Clock clock;

    public PartnerAuthenticator(PartnerCredentialRepository credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The authenticated partner, or a 401 problem. */
    public Mono<PartnerCredentialDocument> authenticate(String partnerId, String eventId, String timestamp,
                                                        String signature, byte[] body) {
        if (blank(partnerId) || blank(eventId) || blank(timestamp) || blank(signature)) {
            return Mono.error(unauthorized("customer.partner.missing-headers"));
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Mono.error(unauthorized("customer.partner.stale-timestamp"));
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(TOLERANCE) > 0) {
            return Mono.error(unauthorized("customer.partner.stale-timestamp"));
        }
        return credentials.findById(partnerId)
                .filter(c -> c.active)
                .filter(c -> matches(c.secret, eventId + "." + timestamp.trim() + ".", body, signature))
                .switchIfEmpty(Mono.error(() -> unauthorized("customer.partner.bad-signature")));
    }

    /** The signature a partner sends: lower-case hex HMAC-SHA256 of {@code eventId.timestamp.body}. */
    public static String sign(String secret, String eventId, long timestamp, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, eventId + "." + timestamp + ".", body));
    }

    private static boolean matches(String secret, String prefix, byte[] body, String signature) {
        byte[] expected = mac(secret, prefix, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] mac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem unauthorized(String key) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "partner-unauthorized", key);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
