package com.huifang.reporting.quality.domain;

/**
 * The points a reviewer checks in a recorded visit: the telephone etiquette of seed 000
 * (客服部电话回访制度, "电话回访礼仪", "回访起始语", "结束语", "帮助病人时不应随便承诺") and the scripted
 * questions of seed 004 ("回访话术要严格使用预先制定好的标准话术").
 *
 * @param maxPoints the item's full score
 * @param critical  a critical item must score full points, whatever the total: a visit that confirmed
 *                  nobody's identity, or promised beyond policy, fails the review
 */
public enum ChecklistItem {

    GREETING(10, false, "礼貌问候与自我介绍(回访起始语:“您好!……我是……”)",
            "Greeting and self-introduction in the scripted opening line"),
    IDENTITY(20, true, "核实身份(“请问是XXX小姐或先生吗?”,对方确认后再继续)",
            "Identity confirmed before going on (\"Am I speaking with Mr/Ms …?\")"),
    SCRIPT(20, false, "按标准话术逐项提问(问候—寒暄—了解情况—满意度调查—感谢)",
            "Questions asked as scripted, in order (greeting, situation, satisfaction, thanks)"),
    NO_PROMISE(20, true, "不随便承诺,做不到的服务向客户解释清楚",
            "No promise beyond policy; what cannot be done is explained"),
    COURTESY(20, false, "礼貌用语,语言亲切、语气柔和,不得不耐烦、冷语相对",
            "Courtesy: polite, warm and patient, never curt"),
    CLOSING(10, false, "结束语:再次说明回访目的并致谢(“非常感谢您的配合……再见!”)",
            "Closing line: purpose restated, thanks given"),
    ;

    private final int maxPoints;
    private final boolean critical;
    private final String labelZh;
    private final String labelEn;

    ChecklistItem(int maxPoints, boolean critical, String labelZh, String labelEn) {
        this.maxPoints = maxPoints;
        this.critical = critical;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public int maxPoints() {
        return maxPoints;
    }

    public boolean critical() {
        return critical;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
