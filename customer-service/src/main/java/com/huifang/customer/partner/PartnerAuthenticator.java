package com.huifang.customer.partner;

import com.huifang.customer.partner.domain.PartnerSignature;
import com.huifang.customer.partner.store.PartnerCredentialDocument;
import com.huifang.customer.partner.store.PartnerCredentialRepository;
import com.huifang.customer.pii.domain.FieldCipher;
import com.huifang.platform.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a partner push with {@link PartnerSignature}: hex HMAC-SHA256 over
 * {@code eventId.timestamp.body} with the partner's secret (stored encrypted), timestamp within 5
 * minutes. The tenant is the one the partner is registered for. An unknown or inactive partner is
 * answered like a wrong signature.
 */
@Component
public class PartnerAuthenticator {

    /** Verified against when the partner is unknown, so both cases take the same time. */
    private static final byte[] NO_SECRET = "no-such-partner".getBytes(StandardCharsets.UTF_8);

    private final PartnerCredentialRepository credentials;
    private final FieldCipher cipher;
    private final Clock clock;

    public PartnerAuthenticator(PartnerCredentialRepository credentials, FieldCipher cipher, Clock clock) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The authenticated partner, or a 401 problem. */
    public Mono<PartnerCredentialDocument> authenticate(String partnerId, String eventId, String timestamp,
                                                        String signature, byte[] body) {
        if (partnerId == null || partnerId.isBlank()) {
            return Mono.error(unauthorized("customer.partner.missing-headers"));
        }
        return credentials.findById(partnerId.strip())
                .filter(c -> c.active)
                .map(c -> new Candidate(c, secretsOf(c)))
                .defaultIfEmpty(new Candidate(null, List.of(NO_SECRET)))
                .flatMap(candidate -> {
                    PartnerSignature.Outcome outcome = PartnerSignature.verify(eventId, timestamp, signature, body,
                            candidate.secrets(), clock.instant());
                    return switch (outcome) {
                        case OK -> candidate.partner() == null
                                ? Mono.error(unauthorized("customer.partner.bad-signature"))
                                : Mono.just(candidate.partner());
                        case MALFORMED -> Mono.error(unauthorized("customer.partner.missing-headers"));
                        case BAD_SIGNATURE -> Mono.error(unauthorized("customer.partner.bad-signature"));
                        case STALE_TIMESTAMP -> Mono.error(unauthorized("customer.partner.stale-timestamp"));
                    };
                });
    }

    private record Candidate(PartnerCredentialDocument partner, List<byte[]> secrets) {
    }

    /** The current secret, and the one before the last rotation while its grace period lasts. */
    private List<byte[]> secretsOf(PartnerCredentialDocument c) {
        byte[] current = decrypt(c, c.secret);
        if (c.previousSecret != null && c.previousSecretUntil != null && clock.instant().isBefore(c.previousSecretUntil)) {
            return List.of(current, decrypt(c, c.previousSecret));
        }
        return List.of(current);
    }

    private byte[] decrypt(PartnerCredentialDocument c, String ciphertext) {
        return cipher.decrypt(ciphertext, PartnerCredentialDocument.secretContext(c.partnerId))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The signature a partner sends: lower-case hex HMAC-SHA256 of {@code eventId.timestamp.body}. */
    public static String sign(String secret, String eventId, long timestamp, byte[] body) {
        return PartnerSignature.sign(secret.getBytes(StandardCharsets.UTF_8), eventId, timestamp, body);
    }

    private static ApiProblem unauthorized(String key) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "partner-unauthorized", key);
    }
}
