package com.huifang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessPolicyTest {

    @Test
    void linesBecomeRulesInOrder() {
        AccessPolicy p = AccessPolicy.parse("""
                # who may do what
                GET    /api/audit/**      SUPERVISOR, AUDITOR,ADMIN
                POST   /api/plans         ADMIN   # publish
                *      /api/worklist      *
                """, "test");
        assertThat(p.rules()).containsExactly(
                new AccessPolicy.Rule(HttpMethod.GET, "/api/audit/**", Set.of(Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN)),
                new AccessPolicy.Rule(HttpMethod.POST, "/api/plans", Set.of(Role.ADMIN)),
                new AccessPolicy.Rule(null, "/api/worklist", Set.of()));
    }

    @Test
    void aMisspeltRoleFailsStartUpNamingTheLine() {
        assertThatThrownBy(() -> AccessPolicy.parse("GET /api/x SUPERVISER", "customer.policy"))
                .hasMessageContaining("customer.policy line 1").hasMessageContaining("SUPERVISER");
        assertThatThrownBy(() -> AccessPolicy.parse("GET api/x ADMIN", "p")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> AccessPolicy.parse("GET /api/x", "p")).hasMessageContaining("METHOD PATH ROLES");
    }
}
