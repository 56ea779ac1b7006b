package com.huifang.customer.customer.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a call script addresses a customer after the surname: 先生 or 女士. Optional: unknown for
 * most partner-created and many imported customers, who are then addressed by their name alone.
 */
public enum Title {
    MR("先生"),
    MS("女士");

    private static final Map<String, Title> ALIASES = Map.of(
            "先生", MR, "男", MR, "MR", MR, "MALE", MR, "M", MR,
            "女士", MS, "女", MS, "MS", MS, "FEMALE", MS, "F", MS);

    private final String chinese;

    Title(String chinese) {
        this.chinese = chinese;
    }

    /** 先生 / 女士: what the event and the script carry. */
    public String chinese() {
        return chinese;
    }

    /** A title as written in a request or import cell: 先生/女士, 男/女, MR/MS, MALE/FEMALE, M/F (any case). */
    public static Optional<Title> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ALIASES.get(raw.strip().toUpperCase(Locale.ROOT)));
    }
}
