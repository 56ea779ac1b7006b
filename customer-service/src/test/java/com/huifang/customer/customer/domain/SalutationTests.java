package com.huifang.customer.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalutationTests {

    @Test
    void surnameAndTitleMakeTheSalutation() {
        assertThat(Salutation.of("张三", Title.MR)).isEqualTo("张先生");
        assertThat(Salutation.of(" 李晓梅 ", Title.MS)).isEqualTo("李女士");
    }

    @Test
    void compoundSurnamesKeepBothCharacters() {
        assertThat(Salutation.of("欧阳明", Title.MR)).isEqualTo("欧阳先生");
        assertThat(Salutation.of("诸葛亮亮", Title.MS)).isEqualTo("诸葛女士");
        // a two-character name starting like a compound surname is surname + given name
        assertThat(Salutation.of("欧阳", Title.MR)).isEqualTo("欧先生");
    }

    @Test
    void withoutATitleTheNameAloneIsUsed() {
        assertThat(Salutation.of("客户 P-17", null)).isEqualTo("客户 P-17");
        assertThat(Salutation.of("王五", null)).isEqualTo("王五");
        assertThat(Salutation.of("  ", Title.MR)).isNull();
    }

    @Test
    void aLatinNameUsesItsLastWord() {
        assertThat(Salutation.of("John Smith", Title.MR)).isEqualTo("Smith 先生");
    }

    @Test
    void titlesAreReadFromChineseEnglishAndGenderWords() {
        assertThat(Title.parse("先生")).contains(Title.MR);
        assertThat(Title.parse("女")).contains(Title.MS);
        assertThat(Title.parse("ms")).contains(Title.MS);
        assertThat(Title.parse("male")).contains(Title.MR);
        assertThat(Title.parse("小姐")).isEmpty();
    }

    @Test
    void anUnknownTitleIsAFieldError() {
        var v = CustomerProfile.validate(Customers.fullDraft().title("博士").build(), Customers.CODES);
        assertThat(v.errors()).extracting(FieldError::path, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("title", "unknown-code"));
    }
}
