package com.huifang.platform.security;

/** Names of the claims Huifang reads from a bearer token. The identity provider must issue them. */
public final class TokenClaims {

    /** The tenant (organisation) id. Required. */
    public static final String TENANT = "tenant";
    /** The roles, as a list of {@link Role} names. */
    public static final String ROLES = "roles";
    /** A display name, for scripts ("您好，我是…"). Optional. */
    public static final String NAME = "name";

    private TokenClaims() {
    }
}
