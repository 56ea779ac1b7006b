package com.huifang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.deploy.Kustomize.Resource;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every rendered resource against {@code kubernetes-trimmed.schema.json}: a hand-written, trimmed
 * subset of the Kubernetes API (and the ServiceMonitor CRD) with only the kinds and fields these
 * manifests use, closed, so that a misspelt or misplaced field ({@code readinessprobe},
 * {@code resources.limit}) fails here rather than being silently dropped by the API server.
 */
class KubernetesSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema SCHEMA;

    static {
        try (InputStream in = KubernetesSchemaTest.class.getResourceAsStream("/kubernetes-trimmed.schema.json")) {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<ValidationMessage> validate(Map<String, Object> doc) {
        return SCHEMA.validate(JSON.valueToTree(doc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyRenderedResourceMatchesTheSchemaOfItsKind(String overlay) {
        List<Resource> rendered = Kustomize.build(Yaml.K8S.resolve(overlay));
        assertThat(rendered).hasSizeGreaterThan(30);
        for (Resource r : rendered) {
            assertThat(validate(r.doc())).as(r.id() + " in " + r.file()).isEmpty();
        }
    }

    @Test
    void aMisspeltFieldIsRejected() {
        Map<String, Object> deployment = Kustomize.deepCopy(Kustomize.build(Yaml.K8S.resolve("base")).stream()
                .filter(r -> r.id().equals("Deployment/schedule-service")).findFirst().orElseThrow().doc());
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) Yaml.maps(deployment, "spec.template.spec.containers").get(0);
        container.put("readinessprobe", container.remove("readinessProbe"));
        assertThat(validate(deployment)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("readinessprobe"));
    }

    @Test
    void anUnknownKindIsRejected() throws Exception {
        JsonNode pod = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}");
        assertThat(SCHEMA.validate(pod)).isNotEmpty();
        assertThat(SCHEMA.validate(pod.toString(), InputFormat.JSON)).isNotEmpty();
    }
}
