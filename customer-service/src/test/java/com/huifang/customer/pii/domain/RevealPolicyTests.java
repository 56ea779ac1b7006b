package com.huifang.customer.pii.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.customer.customer.domain.Customers;
import com.huifang.platform.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RevealPolicyTests {

    private final RevealPolicy policy = RevealPolicy.standard();

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPERVISOR", "ADMIN", "AUDITOR"})
    void supervisorsAdminsAndAuditorsMayRevealEveryField(Role role) {
        for (PersonalField f : PersonalField.values()) {
            assertThat(policy.mayReveal(role, f)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AGENT", "HANDLER", "PARTNER", "LEADERSHIP"})
    void otherRolesSeeOnlyMaskedValues(Role role) {
        for (PersonalField f : PersonalField.values()) {
            assertThat(policy.mayReveal(role, f)).isFalse();
        }
    }

    @Test
    void allowedRevealWithReasonProducesTheAuditEntry() {
        AuditEntry entry = policy.authorise("t-1", "u-9", Set.of(Role.AGENT, Role.SUPERVISOR), "c-1",
                PersonalField.PHONE, "  客户投诉核实联系方式  ", Customers.NOW);
        assertThat(entry).isEqualTo(new AuditEntry("t-1", "u-9", Role.SUPERVISOR, Customers.NOW,
                PersonalField.PHONE, "c-1", "客户投诉核实联系方式"));
    }

    @Test
    void agentIsRefusedWhateverTheReason() {
        assertThatThrownBy(() -> policy.authorise("t-1", "u-1", Set.of(Role.AGENT), "c-1", PersonalField.PHONE,
                "need to call the customer back", Customers.NOW))
                .isInstanceOfSatisfying(RevealPolicy.RevealRefused.class,
                        e -> assertThat(e.why()).isEqualTo(RevealPolicy.RevealRefused.Why.ROLE_NOT_PERMITTED));
    }

    @Test
    void missingOrShortReasonIsRefused() {
        for (String reason : new String[] {null, "", "   ", "看看", "test"}) {
            assertThatThrownBy(() -> policy.authorise("t-1", "u-9", Set.of(Role.SUPERVISOR), "c-1",
                    PersonalField.ID_NUMBER, reason, Customers.NOW))
                    .isInstanceOfSatisfying(RevealPolicy.RevealRefused.class,
                            e -> assertThat(e.why()).isEqualTo(RevealPolicy.RevealRefused.Why.REASON_REQUIRED));
        }
    }
}
