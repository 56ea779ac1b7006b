package com.huifang.survey.link.domain;

import com.huifang.survey.template.domain.TemplateRef;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use, expiring link that lets a customer answer one visit's survey. Stored with the token's hash only.
 * ISSUED → USED on the one accepted submission; expiry is a matter of time, not a state.
 *
 * <p>The store must make "use" atomic (a conditional update on {@code state = ISSUED}), so that two submissions
 * racing each other cannot both succeed.
 *
 * @param usedAt null until used
 */
public record SurveyLink(
        String tokenHash,
        String tenantId,
        String visitId,
        String customerId,
        TemplateRef template,
        Instant issuedAt,
        Instant expiresAt,
        LinkState state,
        Instant usedAt) {

    public SurveyLink {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a link must expire after it is issued");
        }
        if ((state == LinkState.USED) != (usedAt != null)) {
            throw new IllegalArgumentException("usedAt is set exactly when the link is used");
        }
    }

    /**
     * Issues a new link. The returned token goes into the message sent to the customer and is never stored.
     */
    public static Issued issue(SecureRandom random, String tenantId, String visitId, String customerId,
                               TemplateRef template, Instant now, Duration validFor) {
        if (validFor.isZero() || validFor.isNegative()) {
            throw new IllegalArgumentException("a link must be valid for some time, not " + validFor);
        }
        String token = LinkToken.generate(random);
        SurveyLink link = new SurveyLink(LinkToken.hash(token), tenantId, visitId, customerId, template, now,
                now.plus(validFor), LinkState.ISSUED, null);
        return new Issued(token, link);
    }

    /**
     * The outcome of presenting a token, given what the store found under its hash (empty when nothing). A used
     * link answers USED even after expiry: "you have already answered, thank you" is the kinder page.
     */
    public static TokenOutcome present(Optional<SurveyLink> found, Instant now) {
        return found.map(link -> link.outcomeAt(now)).orElse(TokenOutcome.UNKNOWN);
    }

    public TokenOutcome outcomeAt(Instant now) {
        if (state == LinkState.USED) {
            return TokenOutcome.USED;
        }
        return now.isBefore(expiresAt) ? TokenOutcome.VALID : TokenOutcome.EXPIRED;
    }

    /**
     * Marks the link used by the accepted submission.
     *
     * @throws IllegalStateException unless the link is VALID at {@code now}
     */
    public SurveyLink use(Instant now) {
        TokenOutcome outcome = outcomeAt(now);
        if (outcome != TokenOutcome.VALID) {
            throw new IllegalStateException("link for visit " + visitId + " cannot be used: " + outcome);
        }
        return new SurveyLink(tokenHash, tenantId, visitId, customerId, template, issuedAt, expiresAt,
                LinkState.USED, now);
    }

    /** A freshly issued link and the plain token to send; the token never reaches a log through toString. */
    public record Issued(String token, SurveyLink link) {
        @Override
        public String toString() {
            return "Issued[token=***, link=" + link + "]";
        }
    }
}
