package com.huifang.survey.template;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.template.domain.TemplateRef;
import com.huifang.survey.template.domain.TemplateValidator;
import com.huifang.survey.template.domain.TemplateVersions;
import com.huifang.survey.template.pack.TemplatePackReader;
import com.huifang.survey.template.store.TemplateDocument;
import com.huifang.survey.template.store.TemplateRetirementDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The templates a tenant can use: the seed templates of the plan packs (shipped with the service, version 1 of
 * their id for every tenant) and the tenant's own saved versions. A tenant revising a seed saves version 2 onwards,
 * which then overrides the seed for that tenant only; responses to version 1 still read against the seed.
 */
@Service
public class TemplateCatalog {

    static final String SEED_TENANT = "_seed";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final AuditTrail audit;
    private final TemplateValidator validator = new TemplateValidator();
    private final Map<String, SurveyTemplate> seeds;

    public TemplateCatalog(ReactiveMongoTemplate mongo, Clock clock, AuditTrail audit) {
        this.mongo = mongo;
        this.clock = clock;
        this.audit = audit;
        this.seeds = new TemplatePackReader().readSeeds(SEED_TENANT).stream()
                .collect(Collectors.toMap(SurveyTemplate::templateId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        seeds.values().forEach(seed -> validator.validate(seed).orThrow());
    }

    public boolean isSeed(String templateId) {
        return seeds.containsKey(templateId);
    }

    /** Every version of one template of the tenant; empty versions when it has none. */
    public Mono<TemplateVersions> history(String tenantId, String templateId) {
        Query q = Query.query(Criteria.where("tenantId").is(tenantId).and("templateId").is(templateId))
                .with(Sort.by("version"));
        return mongo.find(q, TemplateDocument.class).collectList().map(docs -> {
            List<SurveyTemplate> versions = new ArrayList<>();
            SurveyTemplate seed = seeds.get(templateId);
            if (seed != null) {
                versions.add(forTenant(seed, tenantId));
            }
            docs.forEach(d -> versions.add(d.body.toDomain(tenantId, templateId, d.version)));
            return new TemplateVersions(tenantId, templateId, versions);
        });
    }

    public Mono<SurveyTemplate> latest(String tenantId, String templateId) {
        return history(tenantId, templateId).flatMap(h -> Mono.justOrEmpty(h.latest()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("survey template", templateId)));
    }

    public Mono<SurveyTemplate> version(String tenantId, TemplateRef ref) {
        return history(tenantId, ref.templateId()).flatMap(h -> Mono.justOrEmpty(h.get(ref)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("survey template", ref.toString())));
    }

    /** The latest version of every template of the tenant, seeds included, by id. */
    public Flux<SurveyTemplate> latestOfEach(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)), TemplateDocument.class)
                .collectList()
                .flatMapMany(docs -> {
                    Map<String, SurveyTemplate> latest = new LinkedHashMap<>();
                    seeds.values().forEach(s -> latest.put(s.templateId(), forTenant(s, tenantId)));
                    docs.stream().sorted(Comparator.comparingInt(d -> d.version)).forEach(d ->
                            latest.put(d.templateId, d.body.toDomain(tenantId, d.templateId, d.version)));
                    return Flux.fromIterable(latest.values().stream()
                            .sorted(Comparator.comparing(SurveyTemplate::templateId)).toList());
                });
    }

    /**
     * Saves a draft as the next version (1 for a new template) after validation, with its audit entry
     * ({@code template.created} or {@code template.published}) in the same insert.
     *
     * @param mustBeNew true to create: a template that exists already is a conflict
     */
    public Mono<TemplateVersions.Revision> save(String tenantId, AuditActor actor, String templateId, TemplateBody body,
                                                boolean mustBeNew) {
        return retirement(tenantId, templateId)
                .flatMap(r -> Mono.<TemplateVersions>error(ApiProblem.conflict("template-retired",
                        "survey.template.retired", templateId)))
                .switchIfEmpty(history(tenantId, templateId))
                .flatMap(history -> {
            if (mustBeNew && history.latest().isPresent()) {
                return Mono.error(ApiProblem.conflict("template-exists", "survey.template.exists", templateId));
            }
            if (!mustBeNew && history.latest().isEmpty()) {
                return Mono.error(ApiProblem.notFound("survey template", templateId));
            }
            TemplateVersions.Revision revision = history.revise(body.toDomain(tenantId, templateId, 1), validator);
            SurveyTemplate saved = revision.saved();
            TemplateDocument doc = new TemplateDocument();
            doc.id = TemplateDocument.idOf(tenantId, templateId, saved.version());
            doc.tenantId = tenantId;
            doc.templateId = templateId;
            doc.version = saved.version();
            doc.body = TemplateBody.of(saved);
            doc.createdBy = actor.id();
            doc.createdAt = clock.instant();
            AuditDraft draft = AuditDraft.by(actor, tenantId)
                    .action(history.latest().isEmpty() ? "template.created" : "template.published")
                    .target("template", templateId)
                    .before(history.latest().map(TemplateCatalog::summary).orElse(Map.of()))
                    .after(summary(saved))
                    .build();
            return audit.entry(draft).flatMap(entry -> {
                        doc.outbox.add(entry);
                        return mongo.insert(doc);
                    })
                    .thenReturn(revision)
                    .onErrorMap(DuplicateKeyException.class, dup -> ApiProblem.conflict("concurrent-revision",
                            "survey.template.concurrent-revision", templateId));
        });
    }

    /**
     * Retires a template for the tenant: no new survey starts on it. The retirement and its audit entry
     * ({@code template.retired}) are one insert; a second retirement is a conflict.
     */
    public Mono<TemplateRetirementDocument> retire(String tenantId, AuditActor actor, String templateId,
                                                   String reason) {
        return latest(tenantId, templateId).flatMap(latest -> {
            TemplateRetirementDocument doc = new TemplateRetirementDocument();
            doc.id = TemplateRetirementDocument.idOf(tenantId, templateId);
            doc.tenantId = tenantId;
            doc.templateId = templateId;
            doc.version = latest.version();
            doc.retiredBy = actor.id();
            doc.reason = reason;
            doc.retiredAt = clock.instant();
            AuditDraft draft = AuditDraft.by(actor, tenantId).action("template.retired").target("template", templateId)
                    .before(Map.of("version", String.valueOf(latest.version()), "retired", "false"))
                    .after(Map.of("version", String.valueOf(latest.version()), "retired", "true"))
                    .reason(reason)
                    .build();
            return audit.entry(draft).flatMap(entry -> {
                        doc.outbox.add(entry);
                        return mongo.insert(doc);
                    })
                    .onErrorMap(DuplicateKeyException.class, dup -> ApiProblem.conflict("template-retired",
                            "survey.template.retired", templateId));
        });
    }

    /** The tenant's retirement of the template, if it retired it. */
    public Mono<TemplateRetirementDocument> retirement(String tenantId, String templateId) {
        return mongo.findById(TemplateRetirementDocument.idOf(tenantId, templateId), TemplateRetirementDocument.class)
                .filter(r -> tenantId.equals(r.tenantId));
    }

    /** What an audit entry says of a version: never answers or personal data, only the template's shape. */
    private static Map<String, String> summary(SurveyTemplate t) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("version", String.valueOf(t.version()));
        s.put("name", t.name());
        s.put("questions", String.valueOf(t.questions().size()));
        s.put("channels", t.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        return s;
    }

    private static SurveyTemplate forTenant(SurveyTemplate seed, String tenantId) {
        return new SurveyTemplate(tenantId, seed.templateId(), seed.version(), seed.name(), seed.channels(),
                seed.script(), seed.questions(), seed.csatQuestionId());
    }
}
