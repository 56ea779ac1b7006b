package com.huifang.schedule.plan.pack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.TimeWindow;
import com.huifang.schedule.plan.domain.InvalidPlanException;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.domain.PlanError;
import com.huifang.schedule.plan.domain.PlanValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes plan documents (JSON) as {@link Plan}: the JSON names are the records'
 * component names; calling windows are strings "10:00-12:00". A document that does not map, or a
 * plan that does not validate, raises {@link InvalidPlanException} whose errors carry JSON-pointer
 * paths ({@code /stages/0/timing/due/unit}).
 */
public final class PlanJson {

    private final ObjectMapper mapper;
    private final PlanValidator validator = new PlanValidator();

    public PlanJson() {
        SimpleModule windows = new SimpleModule("calling-windows");
        windows.addDeserializer(DailyWindows.class, new WindowsDeserializer());
        windows.addSerializer(DailyWindows.class, new WindowsSerializer());
        this.mapper = new ObjectMapper()
                .registerModule(windows)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Parses and validates a plan document. */
    public Plan read(String json) {
        try {
            Plan plan = mapper.readValue(json, Plan.class);
            if (plan == null) { // the JSON literal null
                throw new InvalidPlanException(List.of(new PlanError("", "a plan document is a JSON object")));
            }
            return validator.requireValid(plan);
        } catch (JsonMappingException e) {
            throw new InvalidPlanException(List.of(new PlanError(pointer(e), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidPlanException(List.of(new PlanError("", "not JSON: " + e.getOriginalMessage())));
        }
    }

    public Plan read(InputStream in) {
        try {
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(Plan plan) {
        try {
            return mapper.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan " + plan.id() + " cannot be written", e);
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return sb.toString();
    }

    /** ["10:00-12:00", "15:00-17:00"] or "10:00-12:00, 15:00-17:00". */
    private static final class WindowsDeserializer extends JsonDeserializer<DailyWindows> {
        @Override
        public DailyWindows deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            try {
                if (node.isTextual()) {
                    return DailyWindows.parse(node.asText());
                }
                List<TimeWindow> list = new ArrayList<>();
                for (JsonNode n : node) {
                    list.add(TimeWindow.parse(n.asText()));
                }
                return DailyWindows.of(list);
            } catch (RuntimeException e) {
                throw JsonMappingException.from(p, "invalid calling windows " + node + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class WindowsSerializer extends JsonSerializer<DailyWindows> {
        @Override
        public void serialize(DailyWindows value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray();
            for (TimeWindow w : value.windows()) {
                gen.writeString(w.toString());
            }
            gen.writeEndArray();
        }
    }
}
