package com.huifang.feedback.rules;

import com.huifang.calendar.DailyWindows;
import com.huifang.feedback.issue.domain.AttachmentPolicy;
import com.huifang.feedback.issue.domain.IssueRules;
import com.huifang.feedback.issue.domain.Severity;
import com.huifang.feedback.routing.domain.RoutingRule;
import com.huifang.feedback.routing.domain.RoutingRules;
import com.huifang.feedback.rules.domain.TenantCalendar;
import com.huifang.feedback.rules.store.TenantRulesDocument;
import com.huifang.feedback.sla.domain.EscalationPolicy;
import com.huifang.feedback.sla.domain.SlaClock;
import com.huifang.feedback.sla.domain.SlaPolicy;
import com.huifang.feedback.sla.domain.SlaSpan;
import com.huifang.feedback.sla.domain.SlaTargets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A tenant's issue rules: the stored ones, or the defaults when the tenant has set none. The defaults follow
 * seed 002 (delivery questions answered within 2 business hours; technical and quality within 4 hours with a
 * fix date no later than the next working day) and seed 004 (suggestions within 5 working days).
 *
 * <p>SLAs count in the tenant's own working calendar ({@link TenantCalendars}: zone, weekly working days,
 * holidays and make-up days; the PRC default until schedule-service publishes one). Business hours: those of
 * the stored issue rules when a supervisor set them, else the calendar's, else {@value #DEFAULT_BUSINESS_HOURS}.
 */
@Service
public class TenantRules {

    /** Categories the survey intake needs: a tenant may change their targets but not remove them. */
    public static final String DISSATISFACTION = "DISSATISFACTION";
    public static final String AGENT_FLAG = "AGENT_FLAG";
    public static final Set<String> REQUIRED_CATEGORIES = Set.of(DISSATISFACTION, AGENT_FLAG);
    /**
     * Issues raised by failed quality reviews (issue 10 §3), routed to the quality team's supervisors. Rules a
     * tenant stored before this category existed get its default targets and route (a tenant may change them).
     */
    public static final String QUALITY_REVIEW = "QUALITY_REVIEW";

    public static final String DEFAULT_BUSINESS_HOURS = "09:00-12:00, 13:00-18:00";

    private final ReactiveMongoTemplate mongo;
    private final TenantCalendars calendars;
    private final AttachmentPolicy attachments;

    public TenantRules(ReactiveMongoTemplate mongo, TenantCalendars calendars,
                       @Value("${huifang.feedback.attachments.max-bytes:10485760}") long maxBytes,
                       @Value("${huifang.feedback.attachments.max-count:10}") int maxCount) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.attachments = new AttachmentPolicy(AttachmentPolicy.IMAGES_PDF_OFFICE, maxBytes, maxCount);
    }

    /** The rules in force for a tenant, compiled for the domain. */
    public record Compiled(TenantRulesDocument source, IssueRules rules, EscalationPolicy escalation,
                           TenantCalendar calendar) {
        public SlaClock clock() {
            return rules.clock();
        }

        /** Department → user ids of its heads, who are told when an issue reaches DEPARTMENT_HEAD. */
        public Map<String, List<String>> departmentHeads() {
            return source.departmentHeads == null ? Map.of() : source.departmentHeads;
        }
    }

    public AttachmentPolicy attachments() {
        return attachments;
    }

    /** The stored rules, or the defaults (with the calendar's business hours, if it has its own). */
    public Mono<TenantRulesDocument> stored(String tenantId) {
        return calendars.of(tenantId).flatMap(calendar -> stored(tenantId, calendar));
    }

    private Mono<TenantRulesDocument> stored(String tenantId, TenantCalendar calendar) {
        return mongo.findById(tenantId, TenantRulesDocument.class).defaultIfEmpty(defaults(tenantId, calendar));
    }

    public Mono<Compiled> forTenant(String tenantId) {
        return calendars.of(tenantId).flatMap(calendar -> stored(tenantId, calendar).map(d -> compile(d, calendar)));
    }

    /** Checks rules against the default calendar. @throws IllegalArgumentException naming what is wrong */
    public Compiled compile(TenantRulesDocument doc) {
        return compile(doc, TenantCalendar.prcDefault());
    }

    /** @throws IllegalArgumentException naming what is wrong with the rules */
    public Compiled compile(TenantRulesDocument doc, TenantCalendar calendar) {
        var clock = new SlaClock(calendar.calendar(), DailyWindows.parse(doc.businessHours));
        var targets = new HashMap<String, SlaTargets>();
        var categories = new ArrayList<>(doc.categories);
        if (categories.stream().noneMatch(c -> QUALITY_REVIEW.equals(c.code))) {
            categories.add(qualityReviewCategory());
        }
        var declaredRoutes = new ArrayList<>(doc.routes);
        if (declaredRoutes.stream().noneMatch(r -> QUALITY_REVIEW.equals(r.category))) {
            declaredRoutes.add(qualityReviewRoute());
        }
        for (var c : categories) {
            if (targets.put(c.code, new SlaTargets(span(c.firstResponseHours, c.firstResponseWorkingDays, c.code),
                    span(c.resolutionHours, c.resolutionWorkingDays, c.code), c.fixDateRequired)) != null) {
                throw new IllegalArgumentException("category " + c.code + " is listed twice");
            }
        }
        var routes = new ArrayList<RoutingRule>();
        for (var r : declaredRoutes) {
            if (!targets.containsKey(r.category)) {
                throw new IllegalArgumentException("route for category " + r.category + " which has no SLA targets");
            }
            routes.add(new RoutingRule(r.category, Optional.ofNullable(r.severity).map(Severity::valueOf),
                    r.department, r.ownerQueue));
        }
        var routing = new RoutingRules(routes, doc.leadershipQueue);
        for (var code : targets.keySet()) {
            if (!routing.knows(code)) {
                throw new IllegalArgumentException("category " + code + " has no route");
            }
        }
        for (var code : REQUIRED_CATEGORIES) {
            if (!routing.knows(code)) {
                throw new IllegalArgumentException("category " + code + " is required (issues raised from surveys)");
            }
        }
        var rules = new IssueRules(routing, new SlaPolicy(Map.copyOf(targets)), attachments, clock);
        return new Compiled(doc, rules, EscalationPolicy.standard(clock), calendar);
    }

    private static SlaSpan span(Integer hours, Integer workingDays, String code) {
        if ((hours == null) == (workingDays == null)) {
            throw new IllegalArgumentException("category " + code + ": give each SLA in hours or in working days, not both");
        }
        return hours != null ? SlaSpan.businessHours(hours) : SlaSpan.workingDays(workingDays);
    }

    public static TenantRulesDocument defaults(String tenantId) {
        return defaults(tenantId, TenantCalendar.prcDefault());
    }

    static TenantRulesDocument defaults(String tenantId, TenantCalendar calendar) {
        var d = new TenantRulesDocument();
        d.tenantId = tenantId;
        d.businessHours = calendar.businessHours().orElse(DEFAULT_BUSINESS_HOURS);
        d.leadershipQueue = "leadership";
        d.categories = new ArrayList<>(List.of(
                category("DELIVERY", "送货/安装", 2, null, null, 2, false),
                category("QUALITY", "产品质量", 4, null, null, 2, true),
                category("TECHNICAL", "技术问题", 4, null, null, 2, true),
                category("SUGGESTION", "意见建议", null, 1, null, 5, false),
                category("SERVICE_ATTITUDE", "服务态度", 4, null, null, 5, false),
                category(DISSATISFACTION, "回访不满意", 4, null, null, 5, false),
                category(AGENT_FLAG, "回访员标记", 2, null, null, 2, false),
                qualityReviewCategory()));
        d.routes = new ArrayList<>(List.of(
                route("DELIVERY", "logistics", "logistics-queue"),
                route("QUALITY", "after-sales", "after-sales-queue"),
                route("TECHNICAL", "technical", "technical-queue"),
                route("SUGGESTION", "customer-service", "service-queue"),
                route("SERVICE_ATTITUDE", "customer-service", "service-queue"),
                route(DISSATISFACTION, "customer-service", "service-queue"),
                route(AGENT_FLAG, "customer-service", "service-queue"),
                qualityReviewRoute()));
        return d;
    }

    /** A failed review is answered within a working day and settled (coaching, re-check) within five. */
    private static TenantRulesDocument.Category qualityReviewCategory() {
        return category(QUALITY_REVIEW, "质检不合格", null, 1, null, 5, false);
    }

    /** To the quality team's supervisors' queue, never to the agent's own worklist. */
    private static TenantRulesDocument.Route qualityReviewRoute() {
        return route(QUALITY_REVIEW, "quality", "quality-review-queue");
    }

    private static TenantRulesDocument.Category category(String code, String name, Integer frHours, Integer frDays,
                                                         Integer resHours, Integer resDays, boolean fixDate) {
        var c = new TenantRulesDocument.Category();
        c.code = code;
        c.name = name;
        c.firstResponseHours = frHours;
        c.firstResponseWorkingDays = frDays;
        c.resolutionHours = resHours;
        c.resolutionWorkingDays = resDays;
        c.fixDateRequired = fixDate;
        return c;
    }

    private static TenantRulesDocument.Route route(String category, String department, String queue) {
        var r = new TenantRulesDocument.Route();
        r.category = category;
        r.department = department;
        r.ownerQueue = queue;
        return r;
    }
}
