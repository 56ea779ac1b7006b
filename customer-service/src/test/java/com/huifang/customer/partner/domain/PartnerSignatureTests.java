package com.huifang.customer.partner.domain;

import static com.huifang.customer.partner.domain.PartnerSignature.Outcome.BAD_SIGNATURE;
import static com.huifang.customer.partner.domain.PartnerSignature.Outcome.MALFORMED;
import static com.huifang.customer.partner.domain.PartnerSignature.Outcome.OK;
import static com.huifang.customer.partner.domain.PartnerSignature.Outcome.STALE_TIMESTAMP;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartnerSignatureTests {

    private static final byte[] SECRET = "whsec-test-secret".getBytes(UTF_8);
    private static final String ID = "evt-20250602-0001";
    private static final long TS = 1748829600L;
    private static final byte[] BODY = "{\"type\":\"DISCHARGED\"}".getBytes(UTF_8);
    /** python3: hmac.new(b'whsec-test-secret', b'evt-20250602-0001.1748829600.{"type":"DISCHARGED"}', sha256).hexdigest() */
    private static final String KNOWN = "7a275214228b93179dc20d93bc5a98cb9f863d0b31d7ec8371ab4bddd75a12e1";
    private static final Instant AT_TS = Instant.ofEpochSecond(TS);

    @Test
    void hmacMatchesRfc4231TestCase2() {
        assertThat(HexFormat.of().formatHex(PartnerSignature.mac("Jefe".getBytes(UTF_8),
                "what do ya want for nothing?".getBytes(UTF_8))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signatureIsHexHmacOfIdDotTimestampDotBody() {
        assertThat(PartnerSignature.sign(SECRET, ID, TS, BODY)).isEqualTo(KNOWN);
        assertThat(verify(KNOWN, AT_TS)).isEqualTo(OK);
        assertThat(verify(KNOWN.toUpperCase(), AT_TS)).isEqualTo(OK);
    }

    @ParameterizedTest(name = "skew {0}s -> {1}")
    @CsvSource({"0, OK", "300, OK", "-300, OK", "301, STALE_TIMESTAMP", "-301, STALE_TIMESTAMP", "86400, STALE_TIMESTAMP"})
    void timestampWithinFiveMinutesEitherWayIsAccepted(long skewSeconds, PartnerSignature.Outcome outcome) {
        assertThat(verify(KNOWN, AT_TS.plusSeconds(skewSeconds))).isEqualTo(outcome);
    }

    @Test
    void oneMillisecondPastFiveMinutesIsStale() {
        assertThat(verify(KNOWN, AT_TS.plusSeconds(300).plusMillis(1))).isEqualTo(STALE_TIMESTAMP);
        assertThat(verify(KNOWN, AT_TS.minusSeconds(300).minusMillis(1))).isEqualTo(STALE_TIMESTAMP);
    }

    @Test
    void alteredBodyIdOrTimestampBreaksTheSignature() {
        assertThat(PartnerSignature.verify(ID, Long.toString(TS), KNOWN, "{\"type\":\"INSTALLED\"}".getBytes(UTF_8),
                List.of(SECRET), AT_TS)).isEqualTo(BAD_SIGNATURE);
        assertThat(PartnerSignature.verify("evt-20250602-0002", Long.toString(TS), KNOWN, BODY, List.of(SECRET), AT_TS))
                .isEqualTo(BAD_SIGNATURE);
        assertThat(PartnerSignature.verify(ID, Long.toString(TS + 1), KNOWN, BODY, List.of(SECRET), AT_TS))
                .isEqualTo(BAD_SIGNATURE);
        assertThat(PartnerSignature.verify(ID, Long.toString(TS), KNOWN, BODY, List.of("other".getBytes(UTF_8)), AT_TS))
                .isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void badSignatureIsReportedBeforeStaleTimestamp() {
        assertThat(verify("0".repeat(64), AT_TS.plusSeconds(3600))).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void anyCurrentSecretVerifiesDuringRotation() {
        assertThat(PartnerSignature.verify(ID, Long.toString(TS), KNOWN, BODY,
                List.of("new-secret".getBytes(UTF_8), SECRET), AT_TS)).isEqualTo(OK);
    }

    @Test
    void missingOrIllFormedHeadersAreMalformed() {
        String ts = Long.toString(TS);
        List<byte[]> secrets = List.of(SECRET);
        assertThat(PartnerSignature.verify(null, ts, KNOWN, BODY, secrets, AT_TS)).isEqualTo(MALFORMED);
        assertThat(PartnerSignature.verify("evt.1", ts, KNOWN, BODY, secrets, AT_TS)).isEqualTo(MALFORMED);
        assertThat(PartnerSignature.verify(ID, "2025-06-02T02:00:00Z", KNOWN, BODY, secrets, AT_TS)).isEqualTo(MALFORMED);
        assertThat(PartnerSignature.verify(ID, "-5", KNOWN, BODY, secrets, AT_TS)).isEqualTo(MALFORMED);
        assertThat(PartnerSignature.verify(ID, ts, null, BODY, secrets, AT_TS)).isEqualTo(MALFORMED);
        assertThat(PartnerSignature.verify(ID, ts, KNOWN.substring(1), BODY, secrets, AT_TS)).isEqualTo(MALFORMED);
        assertThat(PartnerSignature.verify(ID, ts, "sha256=" + KNOWN, BODY, secrets, AT_TS)).isEqualTo(MALFORMED);
        assertThat(PartnerSignature.verify(ID, ts, KNOWN, BODY, List.of(), AT_TS)).isEqualTo(MALFORMED);
    }

    private static PartnerSignature.Outcome verify(String signature, Instant now) {
        return PartnerSignature.verify(ID, Long.toString(TS), signature, BODY, List.of(SECRET), now);
    }
}
