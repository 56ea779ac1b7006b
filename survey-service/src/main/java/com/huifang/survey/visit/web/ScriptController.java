package com.huifang.survey.visit.web;

import com.huifang.platform.security.Caller;
import com.huifang.platform.security.TokenClaims;
import com.huifang.survey.template.TemplateBody;
import com.huifang.survey.template.domain.RenderedScript;
import com.huifang.survey.template.domain.ScriptNote;
import com.huifang.survey.template.domain.ScriptRenderer;
import com.huifang.survey.template.domain.TemplateValidator;
import com.huifang.survey.visit.ScriptFacts;
import com.huifang.survey.visit.VisitSurveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The call script (话术) of a visit, placeholders filled, questions in asking order. */
@RestController
@Tag(name = "Survey scripts")
public class ScriptController {

    private final VisitSurveys visits;
    private final ScriptFacts facts;
    private final ScriptRenderer renderer = ScriptRenderer.chinese();
    private final TemplateValidator validator = new TemplateValidator();

    public ScriptController(VisitSurveys visits, ScriptFacts facts) {
        this.visits = visits;
        this.facts = facts;
    }

    /** One question as the agent asks it: its text filled, its branch conditions as in the template. */
    public record ScriptView(String visitId, String templateId, int templateVersion, String name, String opening,
                             String closing, String replyToSatisfied, String replyToDissatisfied,
                             List<ScriptNote> notes, List<TemplateBody.QuestionBody> questions,
                             List<String> warnings) {
    }

    @GetMapping("/api/surveys/visits/{visitId}/script")
    @Operation(summary = "The rendered script and questions of a visit's survey (latest version, or ?version=)")
    public Mono<ScriptView> script(Caller caller, @PathVariable String visitId,
                                   @RequestParam(required = false) Integer version) {
        return visits.visit(caller.tenantId(), visitId)
                .flatMap(visit -> Mono.zip(visits.template(visit, version),
                        agentName().flatMap(agent -> facts.of(visit, agent))))
                .map(t -> {
                    var template = t.getT1();
                    RenderedScript s = renderer.render(template, t.getT2());
                    List<TemplateBody.QuestionBody> questions = s.questions().stream().map(q -> {
                        TemplateBody.QuestionBody b = TemplateBody.of(q.question());
                        return new TemplateBody.QuestionBody(b.id(), b.type(), q.text(), b.required(), b.options(),
                                b.problemAtMost(), b.problemWhen(), b.showIf());
                    }).toList();
                    List<String> warnings = validator.validate(template).warnings().stream()
                            .map(w -> w.message()).toList();
                    return new ScriptView(visitId, template.templateId(), template.version(), template.name(),
                            s.opening(), s.closing(), s.replyToSatisfied(), s.replyToDissatisfied(), s.notes(),
                            questions, warnings);
                });
    }

    /**
     * The agent's display name from the token's {@code name} claim; empty when absent, and the script then says
     * "回访专员". The subject is a user id ("u-1042"), not a name to read out to a customer, so it is not used.
     */
    private static Mono<String> agentName() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(a -> {
                    String name = ((JwtAuthenticationToken) a).getToken().getClaimAsString(TokenClaims.NAME);
                    return name == null ? "" : name;
                })
                .defaultIfEmpty("");
    }
}
