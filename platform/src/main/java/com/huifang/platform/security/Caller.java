package com.huifang.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, taken from the verified token only: never from a body or query parameter.
 * Declare it as a controller method parameter to receive it.
 *
 * @param tenantId the organisation (token claim {@code tenant})
 * @param userId   the user or partner id (token subject)
 * @param roles    what the caller may do (token claim {@code roles})
 */
public record Caller(String tenantId, String userId, Set<Role> roles) {

    public Caller {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("A caller always has a tenant");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasAnyRole(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
