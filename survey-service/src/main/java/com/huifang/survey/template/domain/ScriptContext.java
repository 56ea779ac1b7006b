package com.huifang.survey.template.domain;

import java.time.LocalDate;

/**
 * The values the placeholders of one visit's script are filled with. Any of them may be null or blank: the
 * renderer then uses a neutral fallback.
 *
 * @param customerName e.g. "王" or "王芳"
 * @param eventDate    the service event's date in the tenant's time zone
 */
public record ScriptContext(String customerName, CustomerTitle customerTitle, String agentName, String organisation,
                            LocalDate eventDate) {

    public static ScriptContext empty() {
        return new ScriptContext(null, null, null, null, null);
    }
}
