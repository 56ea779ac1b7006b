package com.huifang.customer.customer.web;

import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.customer.support.TenantCodesSource;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tenant's own codes: customer categories (住院, 门诊, 沉睡会员…) and service-event types (DISCHARGED…). */
@RestController
@RequestMapping("/api/customers/codes")
@Tag(name = "Customers")
public class TenantCodesController {

    static final int MAX_CODES = 200;
    private static final Pattern CATEGORY = Pattern.compile("[^,;\\s][^,;]{0,31}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final TenantCodesSource codes;
    private final Clock clock;

    public TenantCodesController(TenantCodesSource codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    public record CodesView(List<String> categories, String defaultCategory, List<String> serviceEventTypes) {
        static CodesView of(TenantCodes c) {
            return new CodesView(List.copyOf(c.categories()), c.defaultCategory(), List.copyOf(c.serviceEventTypes()));
        }
    }

    @GetMapping
    @Operation(summary = "The category and service-event type codes of the caller's tenant")
    public Mono<CodesView> get(Caller caller) {
        return codes.of(caller.tenantId()).map(CodesView::of);
    }

    @PutMapping
    @Operation(summary = "Define the tenant's codes (admins); inputs naming other codes are rejected from then on",
            description = "Audited as tenant-codes.changed (before/after) in the same write; saving the codes in force changes nothing.")
    public Mono<CodesView> put(Caller caller, @RequestBody CodesView request) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        List<InvalidField> invalid = new ArrayList<>();
        check(invalid, "categories", request.categories(), CATEGORY);
        check(invalid, "serviceEventTypes", request.serviceEventTypes(), EVENT_TYPE);
        if (invalid.isEmpty() && request.defaultCategory() != null
                && !request.categories().contains(request.defaultCategory())) {
            invalid.add(InvalidField.of("defaultCategory", "unknown-code", "customer.field.unknown-code"));
        }
        if (!invalid.isEmpty()) {
            return Mono.error(ApiProblem.invalid(invalid));
        }
        TenantCodes tenantCodes = new TenantCodes(new LinkedHashSet<>(request.categories()), request.defaultCategory(),
                new LinkedHashSet<>(request.serviceEventTypes()));
        return codes.save(caller.tenantId(), tenantCodes, AuditActor.of(caller), clock.instant()).map(CodesView::of);
    }

    private static void check(List<InvalidField> invalid, String field, List<String> values, Pattern pattern) {
        if (values == null || values.isEmpty()) {
            invalid.add(InvalidField.of(field, "required", "customer.field.required"));
            return;
        }
        if (values.size() > MAX_CODES) {
            invalid.add(InvalidField.of(field, "too-many", "customer.field.too-many"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !pattern.matcher(values.get(i)).matches()) {
                invalid.add(InvalidField.of(field + "[" + i + "]", "code-format", "customer.field.code-format"));
            }
        }
    }
}
