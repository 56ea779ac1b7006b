package com.huifang.survey.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.survey.template.domain.CustomerTitle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalutationTest {

    @ParameterizedTest(name = "{0} + {1} → {2} {3}")
    @CsvSource(nullValues = "NULL", textBlock = """
            张先生,   先生,  张,     MR
            李女士,   女士,  李,     MS
            王芳,     NULL,  王芳,   NULL
            王芳,     女士,  王芳,   MS
            先生,     先生,  先生,   NULL
            欧阳小姐, 小姐,  欧阳小姐, NULL
            NULL,     先生,  NULL,   NULL
            '  ',     NULL,  NULL,   NULL
            """)
    void theTitleIsSplitOffTheSalutationOnlyWhenItIsAKnownTitleAfterAName(String salutation, String title,
                                                                          String name, CustomerTitle expected) {
        Salutation s = Salutation.of(salutation, title);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.title()).isEqualTo(expected);
    }
}
