package com.huifang.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huifang.contracts.events.VisitDue;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTests {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Stream<HuifangEvent> events() {
        return SampleEvents.all().stream();
    }

    @Test
    void everyCataloguedEventHasASample() {
        assertThat(SampleEvents.all().stream().map(e -> e.getClass()).distinct().count())
                .isEqualTo(EventCatalog.entries().size());
    }

    @ParameterizedTest
    @MethodSource("events")
    void whenWrittenAndReadThenPayloadIsEqual(HuifangEvent event) {
        EventEnvelope envelope = EventJson.envelope(event, "tenant-a", "corr-1", SampleEvents.T);

        EventEnvelope read = EventJson.read(EventJson.write(envelope));

        assertThat(read).isEqualTo(envelope);
        assertThat(EventJson.payload(read, event.getClass())).isEqualTo(event);
        assertThat(read.key()).isEqualTo(event.key());
    }

    @ParameterizedTest
    @MethodSource("events")
    void whenSerialisedThenEnvelopeAndPayloadMatchTheirSchemas(HuifangEvent event) throws Exception {
        EventEnvelope envelope = EventJson.envelope(event, "tenant-a", "corr-1", SampleEvents.T);
        JsonNode json = EventJson.mapper().readTree(EventJson.write(envelope));

        assertThat(validate("/schemas/EventEnvelope.v1.json", json)).isEmpty();
        assertThat(validate(EventCatalog.of(event.getClass()).schemaResource(), json.get("payload"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void whenARequiredFieldIsMissingThenTheSchemaRejectsIt(HuifangEvent event) {
        EventCatalog.Entry entry = EventCatalog.of(event.getClass());
        ObjectNode payload = EventJson.mapper().valueToTree(event);
        String required = schemaOf(entry.schemaResource()).getSchemaNode().get("required").get(0).asText();
        payload.remove(required);

        assertThat(validate(entry.schemaResource(), payload)).isNotEmpty();
    }

    @Test
    void whenANewerProducerAddsAFieldThenAnOldConsumerStillReadsTheEvent() {
        VisitDue due = new VisitDue("v-1", "c-1", "plan-1", "tpl-1", SampleEvents.T, null, "PHONE", 1, null);
        ObjectNode json = EventJson.mapper().valueToTree(EventJson.envelope(due, "tenant-a", "c", SampleEvents.T));
        json.put("routingHint", "east");
        ((ObjectNode) json.get("payload")).put("expectedDurationMinutes", 7);

        EventEnvelope read = EventJson.read(json.toString());

        assertThat(EventJson.payload(read, VisitDue.class)).isEqualTo(due);
    }

    @Test
    void whenTextIsNotAnEnvelopeThenItIsMalformed() {
        assertThatThrownBy(() -> EventJson.read("{not json")).isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"VisitDue\"}"))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("null")).isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void typeNamesAreStableAndTopicsAreBusinessStreams() {
        assertThat(EventCatalog.byType("VisitDue")).get().extracting(EventCatalog.Entry::topic)
                .isEqualTo("huifang.visits");
        assertThat(EventCatalog.entries()).allSatisfy(e -> assertThat(e.topic()).startsWith("huifang."));
        assertThat(Topics.deadLetterOf(Topics.VISITS)).isEqualTo("huifang.visits.DLT");
    }

    private static Set<ValidationMessage> validate(String resource, JsonNode node) {
        return schemaOf(resource).validate(node);
    }

    private static JsonSchema schemaOf(String resource) {
        InputStream in = EventJsonTests.class.getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return SCHEMAS.getSchema(in);
    }
}
