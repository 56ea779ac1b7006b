package com.huifang.survey.link.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.survey.template.domain.TemplateRef;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyLinkTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Instant issuedAt = Instant.parse("2025-03-03T02:00:00Z");
    private final SurveyLink.Issued issued = SurveyLink.issue(RANDOM, "tenant-a", "visit-1", "customer-1",
            new TemplateRef("hospital-inpatient", 2), issuedAt, Duration.ofDays(7));

    /** What the store would find under the presented token's hash. */
    private Optional<SurveyLink> lookUp(String presented, SurveyLink stored) {
        return LinkToken.wellFormed(presented) && LinkToken.hash(presented).equals(stored.tokenHash())
                ? Optional.of(stored) : Optional.empty();
    }

    @Test
    void freshLinkIsValid() {
        assertThat(SurveyLink.present(lookUp(issued.token(), issued.link()), issuedAt.plusSeconds(60)))
                .isEqualTo(TokenOutcome.VALID);
        assertThat(issued.link().state()).isEqualTo(LinkState.ISSUED);
    }

    @Test
    void usedLinkAnswersUsedEvenAfterItWouldHaveExpired() {
        SurveyLink used = issued.link().use(issuedAt.plus(Duration.ofHours(3)));
        assertThat(used.state()).isEqualTo(LinkState.USED);
        assertThat(used.usedAt()).isEqualTo(issuedAt.plus(Duration.ofHours(3)));
        assertThat(SurveyLink.present(lookUp(issued.token(), used), issuedAt.plus(Duration.ofHours(4))))
                .isEqualTo(TokenOutcome.USED);
        assertThat(used.outcomeAt(issuedAt.plus(Duration.ofDays(30)))).isEqualTo(TokenOutcome.USED);
    }

    @Test
    void linkIsExpiredFromItsExpiryInstantOn() {
        Instant expiry = issuedAt.plus(Duration.ofDays(7));
        assertThat(issued.link().outcomeAt(expiry.minusMillis(1))).isEqualTo(TokenOutcome.VALID);
        assertThat(issued.link().outcomeAt(expiry)).isEqualTo(TokenOutcome.EXPIRED);
    }

    @Test
    void unknownOrMalformedTokenIsUnknown() {
        String other = LinkToken.generate(RANDOM);
        assertThat(SurveyLink.present(lookUp(other, issued.link()), issuedAt)).isEqualTo(TokenOutcome.UNKNOWN);
        assertThat(LinkToken.wellFormed("../../etc/passwd")).isFalse();
        assertThat(LinkToken.wellFormed(null)).isFalse();
        assertThat(SurveyLink.present(Optional.empty(), issuedAt)).isEqualTo(TokenOutcome.UNKNOWN);
    }

    @Test
    void linkCanBeUsedOnlyOnce() {
        SurveyLink used = issued.link().use(issuedAt.plusSeconds(10));
        assertThatThrownBy(() -> used.use(issuedAt.plusSeconds(20))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("USED");
    }

    @Test
    void expiredLinkCannotBeUsed() {
        assertThatThrownBy(() -> issued.link().use(issuedAt.plus(Duration.ofDays(8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EXPIRED");
    }

    @Test
    void onlyTheHashIsStoredNeverTheToken() {
        assertThat(issued.link().toString()).doesNotContain(issued.token());
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(issued.link().tokenHash()).isEqualTo(LinkToken.hash(issued.token())).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void tokenCarries256RandomBitsInUrlSafeCharacters() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkToken.generate(RANDOM);
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(LinkToken.wellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void hashOfAKnownTokenIsItsSha256() {
        assertThat(LinkToken.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
