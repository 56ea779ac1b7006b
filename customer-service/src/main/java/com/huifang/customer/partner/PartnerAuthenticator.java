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
 * minutes. The tenant is the one the partner is registered for. An unknown partner is answered like
 * a wrong signature (401). A deactivated partner whose request is correctly signed gets 403
 * {@code partner-deactivated} (only the holder of its secret learns that it was deactivated), logged
 * and counted in {@code huifang.customer.partner.refused{reason="deactivated"}}; nothing is stored.
 */
@Component
public class PartnerAuthenticator {

    /** Verified against when the partner is unknown, so both cases take the same time. */
    private static final byte[] NO_SECRET = "no-such-partner".getBytes(StandardCharsets.UTF_8);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PartnerAuthenticator.class);

    private final PartnerCredentialRepository credentials;
    private final FieldCipher cipher;
    private final Clock clock;
    private final io.micrometer.core.instrument.Counter refusedDeactivated;

    public PartnerAuthenticator(PartnerCredentialRepository credentials, FieldCipher cipher, Clock clock,
                                io.micrometer.core.instrument.MeterRegistry registry) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.clock = clock;
        this.refusedDeactivated = io.micrometer.core.instrument.Counter.builder("huifang.customer.partner.refused")
                .description("Correctly signed partner pushes refused, by reason")
                .tag("reason", "deactivated").register(registry);
    }

    /** The authenticated active partner, or a 401 problem (403 when it is deactivated). */
    public Mono<PartnerCredentialDocument> authenticate(String partnerId, String eventId, String timestamp,
                                                        String signature, byte[] body) {
        if (partnerId == null || partnerId.isBlank()) {
            return Mono.error(unauthorized("customer.partner.missing-headers"));
        }
        return credentials.findById(partnerId.strip())
                .map(c -> new Candidate(c, secretsOf(c)))
                .defaultIfEmpty(new Candidate(null, List.of(NO_SECRET)))
                .flatMap(candidate -> {
                    PartnerSignature.Outcome outcome = PartnerSignature.verify(eventId, timestamp, signature, body,
                            candidate.secrets(), clock.instant());
                    return switch (outcome) {
                        case OK -> candidate.partner() == null
                                ? Mono.error(unauthorized("customer.partner.bad-signature"))
                                : candidate.partner().active ? Mono.just(candidate.partner())
                                : Mono.error(deactivated(candidate.partner()));
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

    private ApiProblem deactivated(PartnerCredentialDocument partner) {
        refusedDeactivated.increment();
        log.warn("Refused a push of deactivated partner {} (tenant {}, deactivated {} by {})", partner.partnerId,
                partner.tenantId, partner.deactivatedAt, partner.deactivatedBy);
        return new ApiProblem(HttpStatus.FORBIDDEN, "partner-deactivated", "customer.partner.deactivated");
    }

    private static ApiProblem unauthorized(String key) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "partner-unauthorized", key);
    }
}
