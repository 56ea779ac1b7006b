package com.huifang.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The one token converter: turns a verified JWT into an authentication whose authorities are the
 * caller's roles ({@code ROLE_AGENT}…). A token without a tenant is rejected: no tenant, no data.
 */
public class CallerTokenConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        String tenant = jwt.getClaimAsString(TokenClaims.TENANT);
        if (tenant == null || tenant.isBlank()) {
            return Mono.error(new JwtValidationException("Token has no tenant",
                    List.of(new OAuth2Error("invalid_token", "The token carries no tenant claim", null))));
        }
        Collection<GrantedAuthority> authorities = roles(jwt).stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(TokenClaims.ROLES);
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                try {
                    roles.add(Role.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException unknownRole) {
                    // a role this version does not know grants nothing
                }
            }
        }
        return roles;
    }

    /** The caller of an authenticated request. */
    public static Caller callerOf(Jwt jwt) {
        return new Caller(jwt.getClaimAsString(TokenClaims.TENANT), jwt.getSubject(), roles(jwt));
    }
}
