package com.huifang.survey.template.domain;

/** How the customer is addressed after their name: 王先生, 李女士. */
public enum CustomerTitle {
    MR("先生"),
    MS("女士");

    private final String chinese;

    CustomerTitle(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
