package com.huifang.schedule.plan.pack;

import com.huifang.schedule.plan.domain.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ready-made plan packs shipped in {@code plan-packs/*.json}, one per industry in the seeds.
 * A tenant starts from a pack (copied with its own tenant id) and edits it.
 */
public final class PlanPacks {

    /** Every pack, by file name without ".json". */
    public static final List<String> NAMES = List.of(
            "hospital-inpatient",
            "hospital-outpatient",
            "insurance-new-policy",
            "property-household-sampling",
            "renovation-stages",
            "furniture-installation",
            "clinic-no-show",
            "education-members",
            "wealth-new-contract");

    private PlanPacks() {
    }

    public static Plan load(String name) {
        String resource = "/plan-packs/" + name + ".json";
        try (InputStream in = PlanPacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no plan pack " + name);
            }
            return new PlanJson().read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Plan> all() {
        Map<String, Plan> packs = new LinkedHashMap<>();
        NAMES.forEach(n -> packs.put(n, load(n)));
        return packs;
    }
}
