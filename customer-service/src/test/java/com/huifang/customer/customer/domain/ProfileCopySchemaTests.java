package com.huifang.customer.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventJson;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of masked phone the service publishes fits the contract's {@code maskedPhone} pattern. */
class ProfileCopySchemaTests {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ProfileCopySchemaTests.class.getResourceAsStream("/schemas/CustomerProfileChanged.v1.json"));

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "0571-87654321", "010-62345678转123", "+44 20 7946 0958", "0755-8765432"})
    void theMaskedPrimaryPhoneOfEveryKindIsSchemaValid(String phone) {
        Customer c = Customer.create("c-1", "t-1", CustomerProfile.validate(CustomerDraft.builder().name("王芳")
                .title("女士").phone(phone).category("门诊").build(), Customers.CODES).orThrow(), Customers.NOW);

        JsonNode payload = EventJson.mapper().valueToTree(c.profileChanged(Customers.NOW));

        assertThat(SCHEMA.validate(payload)).as(payload.toString()).isEmpty();
        assertThat(payload.get("maskedPhone").asText()).contains("*");
    }
}
