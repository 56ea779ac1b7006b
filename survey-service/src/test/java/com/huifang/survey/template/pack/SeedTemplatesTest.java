package com.huifang.survey.template.pack;

import static com.huifang.survey.response.domain.Answer.number;
import static com.huifang.survey.response.domain.Answer.yesNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.survey.response.domain.AgentFlag;
import com.huifang.survey.response.domain.Answer;
import com.huifang.survey.response.domain.QuestionFlow;
import com.huifang.survey.response.domain.ResponseValidator;
import com.huifang.survey.response.domain.Scores;
import com.huifang.survey.response.domain.SurveyResponse;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.QuestionType;
import com.huifang.survey.template.domain.ScriptContext;
import com.huifang.survey.template.domain.ScriptRenderer;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.template.domain.TemplateProblem;
import com.huifang.survey.template.domain.TemplateValidation;
import com.huifang.survey.template.domain.TemplateValidator;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class SeedTemplatesTest {

    static final List<String> SEEDS = TemplatePackReader.SEEDS;
    private final TemplatePackReader reader = new TemplatePackReader();
    private final TemplateValidator validator = new TemplateValidator();

    @ParameterizedTest
    @FieldSource("SEEDS")
    void seedTemplateLoadsAndIsValid(String seed) {
        SurveyTemplate t = reader.readSeed(seed, "tenant-x");
        TemplateValidation v = validator.validate(t);

        assertThat(v.errors()).isEmpty();
        assertThat(t.tenantId()).isEqualTo("tenant-x");
        assertThat(t.templateId()).isEqualTo(seed);
        assertThat(t.version()).isEqualTo(1);
        assertThat(t.script().opening()).contains("{customerName}");
        assertThat(t.script().closing()).isNotBlank();
        assertThat(t.script().replyToSatisfied()).isNotBlank();
        assertThat(t.script().replyToDissatisfied()).isNotBlank();
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void seedScriptRendersWithoutPlaceholdersEvenWhenNothingIsKnown(String seed) {
        var script = ScriptRenderer.chinese().render(reader.readSeed(seed, "t"), ScriptContext.empty());
        assertThat(List.of(script.opening(), script.closing(), script.replyToSatisfied(), script.replyToDissatisfied()))
                .noneMatch(s -> s.contains("{"));
    }

    @Test
    void insuranceConfirmationIsLongForThePhoneAndSaysSo() {
        TemplateValidation v = validator.validate(reader.readSeed("insurance-new-policy", "t"));
        assertThat(v.warnings()).extracting(TemplateProblem::code).containsExactly(TemplateProblem.Code.LONG_PHONE_SURVEY);
    }

    @Test
    void hospitalInpatientAsksAboutDoctorsNursesRecoveryAndSymptoms() {
        SurveyTemplate t = reader.readSeed("hospital-inpatient", "t");
        assertThat(t.questions()).extracting(Question::id)
                .containsExactly("recovery", "symptom", "doctors", "nurses", "suggestions");
        assertThat(t.script().closing()).isEqualTo("谢谢您对我们医院的信任,祝您早日康复!再见!");
    }

    @Test
    void worryingSymptomAfterDischargeWithAFlagRaisesAnIssue() {
        SurveyTemplate t = reader.readSeed("hospital-inpatient", "t");
        List<Answer> answers = List.of(Answer.option("recovery", "fair"), yesNo("symptom", true), number("doctors", 5),
                number("nurses", 4));
        SurveyResponse response = SurveyResponse.byAgent(t.ref(), answers, new AgentFlag("术后伤口红肿发热,需主治医生回电"));

        assertThat(new ResponseValidator().validate(t, response)).isEmpty();
        Scores s = Scores.of(t, response);
        assertThat(s.satisfied()).isTrue();
        assertThat(s.problemQuestionIds()).containsExactly("symptom");
        assertThat(s.flagged()).isTrue();
        assertThat(s.raisesIssue()).isTrue();
    }

    @Test
    void policyNotSignedPersonallyIsAProblemAnswer() {
        SurveyTemplate t = reader.readSeed("insurance-new-policy", "t");
        List<Answer> answers = new ArrayList<>();
        for (Question q : t.questions()) {
            if (q.type() == QuestionType.YES_NO) {
                answers.add(yesNo(q.id(), !q.id().equals("signedPersonally")));
            }
        }
        SurveyResponse response = SurveyResponse.byAgent(t.ref(), answers, null);
        assertThat(new ResponseValidator().validate(t, response)).isEmpty();
        assertThat(Scores.of(t, response).problemQuestionIds()).containsExactly("signedPersonally");
    }

    @Test
    void furnitureOpenItemsAskForTheirDetails() {
        SurveyTemplate t = reader.readSeed("furniture-installation", "t");
        QuestionFlow flow = new QuestionFlow(t);
        assertThat(flow.next(List.of(yesNo("delivery", true), number("installation", 4), yesNo("openItems", true))))
                .map(Question::id).contains("openItemsDetail");
    }

    @Test
    void aWealthManagerPromisingReturnsOrCollectingPrivateFeesIsAProblemAndRiskDisclosureIsConfirmed() {
        SurveyTemplate t = reader.readSeed("survey-wealth-contract", "t");
        assertThat(t.questions()).extracting(Question::id).contains("riskDisclosed", "coolingOff", "returnPromised");
        List<Answer> answers = List.of(yesNo("holder", true), yesNo("signedPersonally", true),
                yesNo("productExplained", true), yesNo("riskDisclosed", true), yesNo("riskAssessment", true),
                yesNo("returnPromised", true), yesNo("coolingOff", false), yesNo("privateFees", false),
                number("managerService", 5));
        SurveyResponse response = SurveyResponse.byAgent(t.ref(), answers, null);
        assertThat(new ResponseValidator().validate(t, response)).isEmpty();
        Scores s = Scores.of(t, response);
        assertThat(s.problemQuestionIds()).containsExactly("returnPromised", "coolingOff");
        assertThat(s.raisesIssue()).isTrue();
    }

    @Test
    void aDormantMemberIsAskedWhyAndWhetherTheyWouldComeBackAGraduateAboutCoursesAndNeeds() {
        QuestionFlow flow = new QuestionFlow(reader.readSeed("survey-member-care", "t"));
        assertThat(flow.shown(List.of(Answer.option("status", "paused")))).extracting(Question::id)
                .containsExactly("status", "pauseReason", "comeBack", "suggestions");
        assertThat(flow.shown(List.of(Answer.option("status", "graduated")))).extracting(Question::id)
                .containsExactly("status", "courses", "needs", "suggestions");
    }

    @Test
    void aClinicNoShowWhoIsStillConsideringIsOfferedANewBookingAndAskedForATime() {
        QuestionFlow flow = new QuestionFlow(reader.readSeed("survey-clinic", "t"));
        assertThat(flow.shown(List.of(Answer.option("reason", "considering"), yesNo("rebook", true))))
                .extracting(Question::id).containsExactly("reason", "rebook", "preferredTime", "consultation");
        assertThat(flow.shown(List.of(Answer.option("reason", "service")))).extracting(Question::id)
                .containsExactly("reason", "elsewhereWhy", "consultation");
    }

    @Test
    void unknownFieldInAPackIsAnError() {
        String json = "{\"id\":\"x\",\"name\":\"x\",\"channels\":[\"PHONE\"],\"questons\":[]}";
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("questons");
    }
}
