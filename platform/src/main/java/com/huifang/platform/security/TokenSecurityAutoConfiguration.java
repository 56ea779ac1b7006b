package com.huifang.platform.security;

import com.huifang.platform.problem.ProblemRenderer;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every service is a resource server: it verifies the bearer token itself (the gateway checks it
 * too) and takes tenant and roles from it alone. Partner pushes ({@code /api/partner/**}) carry an
 * HMAC signature instead, verified by the service that owns partner credentials; survey link
 * pages ({@code /s/**}) carry a single-use token in the path.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(HuifangSecurityProperties.class)
public class TokenSecurityAutoConfiguration {

    /** Paths reachable without a bearer token. */
    public static final String[] PUBLIC_PATHS = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/api/partner/**", "/s/**"};

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(HuifangSecurityProperties props) {
        NimbusReactiveJwtDecoder decoder;
        if (props.jwkSetUri() != null && !props.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(props.jwkSetUri()).build();
        } else {
            if (props.jwtSecret() == null || props.jwtSecret().getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalStateException(
                        "Set huifang.security.jwt-secret (HUIFANG_JWT_SECRET, at least 32 bytes) or huifang.security.jwk-set-uri");
            }
            SecretKeySpec key = new SecretKeySpec(props.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        }
        OAuth2TokenValidator<Jwt> validator = props.issuer() == null || props.issuer().isBlank()
                ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(props.issuer());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validator));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    CallerTokenConverter callerTokenConverter() {
        return new CallerTokenConverter();
    }

    @Bean
    ServerAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemRenderer problems) {
        return (exchange, ex) -> problems.render(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                "problem.unauthorized", ex.getMessage());
    }

    @Bean
    ServerAccessDeniedHandler problemAccessDeniedHandler(ProblemRenderer problems) {
        return (exchange, ex) -> problems.render(exchange, HttpStatus.FORBIDDEN, "forbidden",
                "problem.forbidden", ex.getMessage());
    }

    /** The service's role policy: {@code classpath:huifang/access/<spring.application.name>.policy}, if any. */
    @Bean
    @ConditionalOnMissingBean
    AccessPolicy accessPolicy(org.springframework.core.env.Environment env,
                              org.springframework.core.io.ResourceLoader resources) {
        String location = env.getProperty("huifang.security.access-policy",
                "classpath:huifang/access/" + env.getProperty("spring.application.name", "service") + ".policy");
        return AccessPolicy.load(resources.getResource(location));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain huifangSecurityWebFilterChain(ServerHttpSecurity http, CallerTokenConverter converter,
                                                         ServerAuthenticationEntryPoint entryPoint,
                                                         ServerAccessDeniedHandler deniedHandler,
                                                         AccessPolicy policy) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(ex -> {
                    ex.pathMatchers(PUBLIC_PATHS).permitAll();
                    for (AccessPolicy.Rule rule : policy.rules()) {
                        var matcher = rule.method() == null ? ex.pathMatchers(rule.pattern())
                                : ex.pathMatchers(rule.method(), rule.pattern());
                        if (rule.roles().isEmpty()) {
                            matcher.authenticated();
                        } else {
                            matcher.hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
                        }
                    }
                    ex.pathMatchers("/api/**").authenticated();
                    ex.anyExchange().permitAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(eh -> eh.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .build();
    }

    /**
     * Requests the security firewall rejects (encoded slashes, NUL bytes, "..", odd methods) get a
     * problem+json like every other rejection, not an empty 400.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor firewallRejectionsAsProblems(
            org.springframework.beans.factory.ObjectProvider<ProblemRenderer> problems) {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof org.springframework.security.web.server.WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler((exchange, rejected) -> {
                        org.slf4j.LoggerFactory.getLogger(TokenSecurityAutoConfiguration.class)
                                .info("Rejected {} {}: 400 firewall: {}", exchange.getRequest().getMethod(),
                                        exchange.getRequest().getPath(), rejected.getMessage());
                        return problems.getObject().render(exchange, HttpStatus.BAD_REQUEST, "rejected-request",
                                "problem.rejected-request");
                    });
                }
                return bean;
            }
        };
    }

    @Bean
    WebFluxConfigurer callerArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }

}
