package com.huifang.gateway.ratelimit;

import com.huifang.platform.security.TokenClaims;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bucket a request draws from. Partner pushes ({@code /api/partner/**}): the partner id header
 * (customer-service's {@code X-Huifang-Partner}, which it authenticates by HMAC right after); a missing
 * or malformed id shares one bucket. Every other {@code /api/**} call: the {@code tenant} claim of the
 * token the security filter already verified — never a header or parameter the caller chooses. No key
 * (survey link pages, API docs, anything without a verified token) means not limited here.
 */
public class CallerKeyResolver implements KeyResolver {

    /** customer-service's partner id header. */
    public static final String PARTNER_HEADER = "X-Huifang-Partner";

    /** customer-service's partner id format: lower-case letters, digits and dashes, at most 64. */
    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9-]{1,64}");

    static final String UNIDENTIFIED_PARTNER = "~unidentified";

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/partner/")) {
            String partner = exchange.getRequest().getHeaders().getFirst(PARTNER_HEADER);
            String id = partner != null && PARTNER_ID.matcher(partner.strip()).matches()
                    ? partner.strip() : UNIDENTIFIED_PARTNER;
            return Mono.just(RateLimits.Kind.PARTNER.key(id));
        }
        if (!path.startsWith("/api/")) {
            return Mono.empty();
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> ((JwtAuthenticationToken) p).getToken().getClaimAsString(TokenClaims.TENANT))
                .filter(t -> !t.isBlank())
                .map(RateLimits.Kind.TENANT::key);
    }
}
