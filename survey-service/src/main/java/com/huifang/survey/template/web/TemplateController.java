package com.huifang.survey.template.web;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.survey.template.TemplateBody;
import com.huifang.survey.template.TemplateCatalog;
import com.huifang.survey.template.domain.InvalidTemplateException;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.template.domain.TemplateProblem;
import com.huifang.survey.template.domain.TemplateRef;
import com.huifang.survey.template.domain.TemplateVersions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.huifang.survey.template.domain.SurveyChannel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Versioned survey templates of the caller's tenant; seed templates are visible to every tenant. */
@RestController
@RequestMapping("/api/surveys/templates")
@Tag(name = "Survey templates")
public class TemplateController {

    private final TemplateCatalog catalog;

    public TemplateController(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /** A new template: its id (lower-case letters, digits, dashes) and its content. */
    public record CreateTemplateRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 1) List<SurveyChannel> channels,
            @Valid TemplateBody.ScriptBody script,
            @Size(max = 64) String csatQuestionId,
            @NotNull @Size(min = 1, max = 100) List<TemplateBody.@Valid @NotNull QuestionBody> questions) {

        TemplateBody body() {
            return new TemplateBody(name, channels, script, csatQuestionId, questions);
        }
    }

    /** A saved version and the warnings its author should see (e.g. a long phone survey). */
    public record SavedTemplate(TemplateView template, List<ProblemView> warnings) {
    }

    public record ProblemView(String code, String questionId, List<String> path, String message) {
        static ProblemView of(TemplateProblem p) {
            return new ProblemView(p.code().name(), p.questionId(), p.path(), p.message());
        }
    }

    public record TemplateView(String id, int version, boolean seed, TemplateBody body) {
        static TemplateView of(SurveyTemplate t, boolean seed) {
            return new TemplateView(t.templateId(), t.version(), seed, TemplateBody.of(t));
        }
    }

    public record TemplateSummary(String id, int version, String name, List<String> channels, int questions,
                                  boolean seed) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a template (version 1); supervisors and admins only")
    public Mono<SavedTemplate> create(Caller caller, @Valid @RequestBody CreateTemplateRequest request) {
        return save(caller, request.id(), request.body(), true);
    }

    @PostMapping("/{templateId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a revision as the next version (a seed template's first revision is version 2)")
    public Mono<SavedTemplate> revise(Caller caller, @PathVariable String templateId,
                                      @Valid @RequestBody TemplateBody body) {
        return save(caller, templateId, body, false);
    }

    /** @param reason why the template is no longer used (kept in the audit trail) */
    public record RetireRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record RetiredTemplate(String id, int version, java.time.Instant retiredAt, String reason) {
    }

    @PostMapping("/{templateId}/retire")
    @Operation(summary = "Retire a template for the tenant: no new survey starts on it, answers already pinned to it "
            + "still count; supervisors and admins only")
    public Mono<RetiredTemplate> retire(Caller caller, @PathVariable String templateId,
                                        @Valid @RequestBody RetireRequest request) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("survey.template.forbidden"));
        }
        return catalog.retire(caller.tenantId(), AuditActor.of(caller), templateId, request.reason().strip())
                .map(r -> new RetiredTemplate(r.templateId, r.version, r.retiredAt, r.reason));
    }

    @GetMapping
    @Operation(summary = "The latest version of every template of the tenant, seeds included")
    public Flux<TemplateSummary> list(Caller caller) {
        return catalog.latestOfEach(caller.tenantId()).map(t -> new TemplateSummary(t.templateId(), t.version(),
                t.name(), t.channels().stream().map(Enum::name).sorted().toList(), t.questions().size(),
                catalog.isSeed(t.templateId()) && t.version() == 1));
    }

    @GetMapping("/{templateId}")
    @Operation(summary = "The latest version of a template")
    public Mono<TemplateView> latest(Caller caller, @PathVariable String templateId) {
        return catalog.latest(caller.tenantId(), templateId).map(this::view);
    }

    @GetMapping("/{templateId}/versions")
    @Operation(summary = "Every version of a template, oldest first")
    public Mono<List<TemplateView>> versions(Caller caller, @PathVariable String templateId) {
        return catalog.history(caller.tenantId(), templateId)
                .map(TemplateVersions::versions)
                .filter(v -> !v.isEmpty())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("survey template", templateId)))
                .map(v -> v.stream().map(this::view).toList());
    }

    @GetMapping("/{templateId}/versions/{version}")
    @Operation(summary = "One exact version of a template")
    public Mono<TemplateView> version(Caller caller, @PathVariable String templateId, @PathVariable int version) {
        if (version < 1) {
            return Mono.error(ApiProblem.notFound("survey template", templateId + "@v" + version));
        }
        return catalog.version(caller.tenantId(), new TemplateRef(templateId, version)).map(this::view);
    }

    private TemplateView view(SurveyTemplate t) {
        return TemplateView.of(t, catalog.isSeed(t.templateId()) && t.version() == 1);
    }

    private Mono<SavedTemplate> save(Caller caller, String templateId, TemplateBody body, boolean mustBeNew) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("survey.template.forbidden"));
        }
        return catalog.save(caller.tenantId(), AuditActor.of(caller), templateId, body, mustBeNew)
                .map(r -> new SavedTemplate(view(r.saved()), r.warnings().stream().map(ProblemView::of).toList()))
                .onErrorMap(InvalidTemplateException.class, TemplateController::invalid);
    }

    /** 400 naming each question concerned (field {@code questions.<id>}), with the branch path in the problem. */
    static ApiProblem invalid(InvalidTemplateException e) {
        List<InvalidField> fields = e.errors().stream()
                .map(p -> InvalidField.of(p.questionId() == null ? "template" : "questions." + p.questionId(),
                        p.code().name(), "survey.template." + p.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        p.questionId() == null ? "" : p.questionId(), String.join(" → ", p.path())))
                .toList();
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-template", "survey.template.invalid", new Object[0],
                fields, Map.of("problems", e.errors().stream().map(ProblemView::of).toList()));
    }
}
