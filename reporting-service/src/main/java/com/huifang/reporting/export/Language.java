package com.huifang.reporting.export;

import java.util.Locale;

/** The language of header rows and labels. */
public enum Language {
    ZH_CN, EN;

    public String pick(String zh, String en) {
        return this == ZH_CN ? zh : en;
    }

    /** "zh-CN", "zh", "en", "en-US"… (anything starting with "en" is English; default zh-CN). */
    public static Language fromTag(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH_CN;
    }
}
