package com.huifang.survey.template.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.template.domain.TemplateValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every survey template a plan pack of schedule-service names is shipped here as a seed, is valid, and offers every
 * way the pack's channel ladder may ask it (a ladder falling back to an SMS link needs a LINK survey).
 */
class PlanPackTemplatesTest {

    /** schedule-service's plan packs, read from the sibling module of the same checkout. */
    static final Path PLAN_PACKS = Path.of("..", "schedule-service", "src", "main", "resources", "plan-packs");

    private static final Map<String, SurveyChannel> ASKED_BY = Map.of(
            "PHONE", SurveyChannel.PHONE,
            "SECOND_PHONE", SurveyChannel.PHONE,
            "SMS_LINK", SurveyChannel.LINK,
            "EMAIL_LINK", SurveyChannel.LINK,
            "HOME_VISIT", SurveyChannel.IN_PERSON,
            "LETTER", SurveyChannel.IN_PERSON);

    record Pack(String file, String templateId, List<String> ladder) {
        @Override
        public String toString() {
            return file + " → " + templateId;
        }
    }

    static List<Pack> packs() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Pack> packs = new ArrayList<>();
        try (Stream<Path> files = Files.list(PLAN_PACKS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode pack = mapper.readTree(f.toFile());
                List<String> ladder = new ArrayList<>();
                pack.path("ladder").forEach(rung -> ladder.add(rung.path("channel").asText()));
                packs.add(new Pack(f.getFileName().toString(), pack.path("surveyTemplateId").asText(null), ladder));
            }
        }
        return packs;
    }

    @Test
    void thePlanPacksAreFoundSoTheCheckBelowCannotPassEmpty() throws IOException {
        assertThat(packs()).hasSizeGreaterThanOrEqualTo(9).allSatisfy(p -> assertThat(p.templateId()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    void everyTemplateAPlanPackReferencesIsASeedThatValidatesAndOffersEveryChannelOfTheLadder(Pack pack) {
        assertThat(TemplatePackReader.SEEDS).contains(pack.templateId());
        SurveyTemplate template = new TemplatePackReader().readSeed(pack.templateId(), "tenant-x");

        assertThat(new TemplateValidator().validate(template).errors()).isEmpty();
        for (String rung : pack.ladder()) {
            SurveyChannel needed = ASKED_BY.get(rung);
            assertThat(needed).as("ladder channel %s of %s is known", rung, pack.file()).isNotNull();
            assertThat(template.channels()).as("%s asked by %s", pack.templateId(), rung).contains(needed);
        }
    }
}
