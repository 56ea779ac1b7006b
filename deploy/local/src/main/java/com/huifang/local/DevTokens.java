package com.huifang.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints HS256 bearer tokens the way a local identity provider would, for the demo stack and the
 * tests. Claims: {@code sub}, {@code tenant}, {@code roles}, {@code name}. Production verifies
 * tokens of the organisation's identity provider instead (HUIFANG_JWK_SET_URI).
 */
public final class DevTokens {

    private final byte[] secret;

    public DevTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < 32) {
            throw new IllegalArgumentException("The signing secret needs at least 32 bytes");
        }
    }

    public String mint(String tenant, String user, List<String> roles, Duration ttl) {
        return mint(tenant, user, user, roles, Instant.now(), ttl);
    }

    public String mint(String tenant, String user, String name, List<String> roles, Instant issuedAt, Duration ttl) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt.minusSeconds(5)))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .claim("roles", roles)
                .claim("name", name);
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a dev token", e);
        }
    }
}
