package com.huifang.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified.
 *
 * @param jwtSecret  shared HMAC-SHA256 secret (at least 32 bytes) for locally minted tokens
 * @param jwkSetUri  the identity provider's JWK set, used instead of the secret in production
 * @param issuer     expected {@code iss} claim, checked when set
 */
@ConfigurationProperties("huifang.security")
public record HuifangSecurityProperties(String jwtSecret, String jwkSetUri, String issuer) {
}
