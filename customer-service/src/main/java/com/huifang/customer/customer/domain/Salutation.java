package com.huifang.customer.customer.domain;

import java.util.Set;

/**
 * The salutation of a call script: surname + title ("张先生", "欧阳女士"), or the name alone when no
 * title is known (a partner's "客户 P-17" must not become "客先生"). The surname of a Chinese name
 * is its first character, or its first two for the common compound surnames; of a Latin-script
 * name ("John Smith") its last word, joined with a space ("Smith 先生").
 */
public final class Salutation {

    /** Compound surnames (复姓) common enough that "欧先生" for 欧阳 would offend. */
    static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐",
            "慕容", "尉迟", "公孙", "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门",
            "百里", "呼延", "澹台", "公冶", "太史", "申屠", "闻人", "赫连", "钟离", "万俟");

    private Salutation() {
    }

    /** The salutation; null for a blank name. */
    public static String of(String name, Title title) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        if (title == null) {
            return n;
        }
        return isHan(n.codePointAt(0)) ? surnameOfHan(n) + title.chinese() : lastWord(n) + " " + title.chinese();
    }

    private static String surnameOfHan(String name) {
        if (name.codePointCount(0, name.length()) > 2) {
            String two = name.substring(0, name.offsetByCodePoints(0, 2));
            if (COMPOUND_SURNAMES.contains(two)) {
                return two;
            }
        }
        return name.substring(0, name.offsetByCodePoints(0, 1));
    }

    private static String lastWord(String name) {
        String[] words = name.split("\\s+");
        return words[words.length - 1];
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
