package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.DailyFactKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dimensions a report is filtered and grouped by; {@link #code()} is the API name. */
public enum Dimension {
    PLAN("plan", "回访方案", "Plan"),
    CATEGORY("category", "客户类别", "Customer category"),
    AGENT("agent", "回访员", "Agent"),
    TEAM("team", "小组", "Team"),
    DEPARTMENT("department", "部门", "Department"),
    CHANNEL("channel", "渠道", "Channel");

    private final String code;
    private final String zh;
    private final String en;

    Dimension(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return zh;
    }

    public String nameEn() {
        return en;
    }

    public String valueOf(DailyFactKey key) {
        return switch (this) {
            case PLAN -> key.plan();
            case CATEGORY -> key.category();
            case AGENT -> key.agent();
            case TEAM -> key.team();
            case DEPARTMENT -> key.department();
            case CHANNEL -> key.channel();
        };
    }

    /**
     * The dimension with this API name (case-insensitive).
     *
     * @param field the request field it came from, named in the exception
     * @throws ReportRequestException for an unknown name
     */
    public static Dimension parse(String name, String field) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (Dimension d : values()) {
                if (d.code.equals(n)) {
                    return d;
                }
            }
        }
        throw new ReportRequestException(field, "unknown dimension '" + name + "'; known: "
                + Arrays.stream(values()).map(Dimension::code).collect(Collectors.joining(", ")));
    }
}
