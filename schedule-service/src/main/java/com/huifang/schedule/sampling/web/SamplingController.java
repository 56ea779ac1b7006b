package com.huifang.schedule.sampling.web;

import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.sampling.SampleAnnouncements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/plans/{id}/samples")
@Tag(name = "Plans")
public class SamplingController {

    private final SampleAnnouncements draws;

    public SamplingController(SampleAnnouncements draws) {
        this.draws = draws;
    }

    public record Selected(String householdId, List<String> mandatory, String forcedChannel) {
    }

    /**
     * @param required  the tier's share of the population rounded up, never below {@code mandatory} (as announced
     *                  in SampleDrawn)
     * @param mandatory households selected because they must always be
     */
    public record SampleView(String period, int population, int tierPercent, int required, int mandatory,
                             List<Selected> selected, List<String> visitIds) {
    }

    @PostMapping("/{period}")
    @Operation(summary = "Draw a sampling plan's sample of a period (2025-09 or 2025-Q3) and plan its visits; "
            + "drawing again gives the same sample and plans nothing twice; the first draw of a period is announced "
            + "once (SampleDrawn on huifang.visits) for reporting's sampling compliance (SUPERVISOR, ADMIN)")
    public Mono<SampleView> draw(Caller caller, @PathVariable String id, @PathVariable String period) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("schedule.plan.editors-only"));
        }
        return CorrelationId.current().defaultIfEmpty("")
                .flatMap(cid -> draws.draw(caller.tenantId(), id, period, cid.isEmpty() ? null : cid))
                .map(r -> new SampleView(period, r.sample().population(), r.sample().tier().percent(),
                        r.sample().requiredWithMandatory(), r.sample().mandatory(),
                        r.sample().selected().stream().map(h -> new Selected(h.id(),
                                h.mandatory().stream().map(Enum::name).sorted().toList(),
                                h.forcedChannel() == null ? null : h.forcedChannel().name())).toList(),
                        r.visitIds()));
    }
}
