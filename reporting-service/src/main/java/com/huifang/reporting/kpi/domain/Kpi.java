package com.huifang.reporting.kpi.domain;

import static com.huifang.reporting.facts.domain.Counter.*;

import com.huifang.reporting.facts.domain.Counter;
import com.huifang.reporting.facts.domain.Counters;

/**
 * The figures reports show, each with its definition in Chinese and English for the API
 * documentation. Every value is computed from summed {@link Counters}; a zero denominator gives
 * null (never NaN). Sources: PRODUCT.md "Reports"; seed 004 (insurance: success rate formula,
 * home visits + letters ≤ 10 %); seed 000 (monthly/quarterly 回访率 and 满意度).
 */
public enum Kpi {
    DUE("due", KpiUnit.COUNT, "应访量", "Visits due",
            "统计期内到期的回访任务数(按到期日计)。",
            "Visits whose due date falls in the period.") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(Counter.DUE);
        }
    },
    ATTEMPTED("attempted", KpiUnit.COUNT, "已回访量", "Visits attempted",
            "应访任务中至少联系过一次的任务数。",
            "Visits due in the period with at least one attempt.") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(Counter.ATTEMPTED);
        }
    },
    SUCCESSFUL("successful", KpiUnit.COUNT, "回访成功量", "Successful visits",
            "应访任务中结果为“完成”(客户已联系上并完成回访)的任务数。",
            "Visits due in the period that ended COMPLETED (customer reached, visit done).") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(Counter.SUCCESSFUL);
        }
    },
    REFUSED("refused", KpiUnit.COUNT, "客户拒访量", "Refused",
            "客户拒绝回访的任务数(客户自愿原则,不计为失败)。",
            "Visits the customer refused (not a failure).") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(Counter.REFUSED);
        }
    },
    CANCELLED("cancelled", KpiUnit.COUNT, "回访前撤销量", "Cancelled before the visit",
            "回访前被撤销的任务数(如犹豫期内撤单)。",
            "Visits cancelled before they took place (e.g. policy withdrawn in the cooling-off period).") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(CANCELLED_BEFORE_VISIT);
        }
    },
    FAILED("failed", KpiUnit.COUNT, "回访失败量", "Failed",
            "联系渠道用尽仍未成功的任务数。",
            "Visits whose channel ladder was exhausted without success.") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(Counter.FAILED);
        }
    },
    ATTEMPTED_RATE("attemptedRate", KpiUnit.PERCENT, "回访率", "Attempted rate",
            "回访率 = 至少联系过一次的任务数 ÷ 应访量。",
            "Visits with at least one attempt ÷ visits due.") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(Counter.ATTEMPTED), c.get(Counter.DUE));
        }
    },
    SUCCESS_RATE("successRate", KpiUnit.PERCENT, "回访成功率", "Success rate",
            "回访成功率 = 回访成功量 ÷ (应访量 − 客户拒访量 − 回访前撤销量)。",
            "Successful visits ÷ (visits due − refused − cancelled before the visit).") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(Counter.SUCCESSFUL),
                    c.get(Counter.DUE) - c.get(Counter.REFUSED) - c.get(CANCELLED_BEFORE_VISIT));
        }
    },
    ON_TIME_SUCCESS_RATE("onTimeSuccessRate", KpiUnit.PERCENT, "按时回访成功率", "On-time success rate",
            "按时回访成功率(如犹豫期内回访成功率)= 在截止时间前回访成功的任务数 ÷ 应访量。",
            "Visits successful before their deadline (e.g. inside the cooling-off period) ÷ visits due.") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(SUCCESSFUL_ON_TIME), c.get(Counter.DUE));
        }
    },
    HOME_VISIT_LETTER_SHARE("homeVisitLetterShare", KpiUnit.PERCENT, "上门及信函回访占比", "Home visit and letter share",
            "以上门或信函方式完成的成功回访 ÷ 回访成功量;超过 10% 时标记。",
            "Successful visits done as a home visit or a letter ÷ successful visits; flagged above 10 %.") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(HOME_VISIT_OR_LETTER), c.get(Counter.SUCCESSFUL));
        }
    },
    SURVEYS("surveys", KpiUnit.COUNT, "问卷数", "Surveys",
            "提交了问卷的任务数。",
            "Visits with a submitted survey.") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(Counter.SURVEYS);
        }
    },
    CSAT("csat", KpiUnit.PERCENT, "满意度(CSAT)", "CSAT",
            "满意度 = 评分为 4–5 分(满分 5 分)的问卷数 ÷ 含评分题的问卷数。",
            "Surveys rated 4–5 of 5 ÷ surveys with a rating question.") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(SATISFIED), c.get(CSAT_ANSWERS));
        }
    },
    MEAN_RATING("meanRating", KpiUnit.SCORE, "平均评分", "Mean rating",
            "各问卷平均评分(1–5 分)的平均值。",
            "Mean of the surveys' mean 1–5 ratings.") {
        @Override
        public Double valueOf(Counters c) {
            long n = c.get(RATING_COUNT);
            return n == 0 ? null : c.get(RATING_SUM_MILLI) / 1000.0 / n;
        }
    },
    NPS("nps", KpiUnit.POINTS, "净推荐值(NPS)", "NPS",
            "净推荐值 = 推荐者(9–10 分)占比 − 贬损者(0–6 分)占比,以百分点计(−100 至 100)。",
            "% promoters (9–10) − % detractors (0–6), in points from −100 to 100.") {
        @Override
        public Double valueOf(Counters c) {
            long n = c.get(NPS_ANSWERS);
            return n == 0 ? null : 100.0 * (c.get(PROMOTERS) - c.get(DETRACTORS)) / n;
        }
    },
    ISSUE_RATE("issueRate", KpiUnit.PERCENT, "问题件比率", "Issue rate",
            "问题件比率 = 产生问题件的成功回访数 ÷ 回访成功量。",
            "Successful visits that raised an issue ÷ successful visits.") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(VISITS_RAISING_ISSUE), c.get(Counter.SUCCESSFUL));
        }
    },
    ISSUES_RAISED("issuesRaised", KpiUnit.COUNT, "问题件数", "Issues raised",
            "统计期内登记的问题件数(按登记日计)。",
            "Issues raised in the period (by the date raised).") {
        @Override
        public Double valueOf(Counters c) {
            return (double) c.get(Counter.ISSUES_RAISED);
        }
    },
    ISSUE_RESOLUTION_RATE("issueResolutionRate", KpiUnit.PERCENT, "问题件处理完成率", "Issue resolution rate",
            "问题件处理完成率 = 统计期内登记且已处理完成(已解决或已关闭)的问题件数 ÷ 统计期内登记的问题件数。",
            "Issues raised in the period and since resolved (or closed) ÷ issues raised in the period.") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(ISSUES_RESOLVED), c.get(Counter.ISSUES_RAISED));
        }
    },
    SLA_COMPLIANCE("slaCompliance", KpiUnit.PERCENT, "时效达标率", "SLA compliance",
            "时效达标率 = 在时限内解决的问题件数 ÷ 已处理完成的问题件数(统计期内登记)。",
            "Issues resolved within their SLA ÷ issues resolved (raised in the period).") {
        @Override
        public Double valueOf(Counters c) {
            return ratio(c.get(ISSUES_SLA_MET), c.get(Counter.ISSUES_RESOLVED));
        }
    };

    /** The share of home visits and letters above which a report is flagged (seed 004: ≤ 10 %). */
    public static final double HOME_VISIT_LETTER_LIMIT = 0.10;

    private final String code;
    private final KpiUnit unit;
    private final String nameZh;
    private final String nameEn;
    private final String definitionZh;
    private final String definitionEn;

    Kpi(String code, KpiUnit unit, String nameZh, String nameEn, String definitionZh, String definitionEn) {
        this.code = code;
        this.unit = unit;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.definitionZh = definitionZh;
        this.definitionEn = definitionEn;
    }

    /** The value for summed counters; null when its denominator is zero. */
    public abstract Double valueOf(Counters counters);

    static Double ratio(long numerator, long denominator) {
        return denominator <= 0 ? null : (double) numerator / denominator;
    }

    public String code() {
        return code;
    }

    public KpiUnit unit() {
        return unit;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String definitionZh() {
        return definitionZh;
    }

    public String definitionEn() {
        return definitionEn;
    }

    /** @throws ReportRequestException naming {@code field} for an unknown code */
    public static Kpi parse(String code, String field) {
        for (Kpi k : values()) {
            if (k.code.equalsIgnoreCase(code)) {
                return k;
            }
        }
        throw new ReportRequestException(field, "unknown KPI '" + code + "'");
    }
}
