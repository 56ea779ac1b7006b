package com.huifang.survey.customer.domain;

import com.huifang.survey.template.domain.CustomerTitle;
import java.util.Optional;

/**
 * How a script addresses a customer: the name part ("张", "王芳") and the title (先生/女士) that follows it.
 * customer-service publishes the salutation with the title already attached ("张先生") and the title on its own;
 * scripts write {@code {customerName}{customerTitle}}, so the title is split off again here.
 *
 * @param name  the name part, or null when the customer's name is not known (or was erased)
 * @param title the title, or null
 */
public record Salutation(String name, CustomerTitle title) {

    public static final Salutation UNKNOWN = new Salutation(null, null);

    /**
     * @param salutation "张先生", "李女士", "王芳" (no title known), or null
     * @param title      "先生", "女士", or null; any other title is kept inside the name
     */
    public static Salutation of(String salutation, String title) {
        String s = salutation == null ? "" : salutation.strip();
        if (s.isEmpty()) {
            return UNKNOWN;
        }
        Optional<CustomerTitle> known = titleOf(title);
        if (known.isPresent() && s.endsWith(known.get().chinese()) && s.length() > known.get().chinese().length()) {
            return new Salutation(s.substring(0, s.length() - known.get().chinese().length()), known.get());
        }
        return new Salutation(s, known.filter(t -> !s.endsWith(t.chinese())).orElse(null));
    }

    private static Optional<CustomerTitle> titleOf(String title) {
        if (title == null) {
            return Optional.empty();
        }
        for (CustomerTitle t : CustomerTitle.values()) {
            if (t.chinese().equals(title.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
