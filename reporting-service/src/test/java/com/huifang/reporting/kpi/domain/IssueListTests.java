package com.huifang.reporting.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.reporting.facts.domain.NovemberFixture;
import com.huifang.reporting.facts.domain.ReportingProjection;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The issues list of the November fixture: i3 (MAJOR, resolved late), i1 (closed, staff s1), i2 (escalated, s2). */
class IssueListTests {

    private static final ReportingProjection P = NovemberFixture.project(NovemberFixture.events());
    private static final List<IssueLine> NOVEMBER = IssueLine.of("t1", ReportRange.month(YearMonth.of(2026, 11)),
            P.issueFacts(), P);

    private static List<String> ids(IssueList list) {
        return list.filter(NOVEMBER).stream().map(IssueLine::issueId).toList();
    }

    @Test
    void filtersByStatusCategoryDepartmentAndStaff() {
        assertThat(ids(IssueList.ALL)).containsExactly("i3", "i1", "i2");
        assertThat(ids(IssueList.parse(Map.of("status", List.of("closed", "ESCALATED"))))).containsExactly("i1", "i2");
        assertThat(ids(IssueList.parse(Map.of("staff", List.of("s2", "s9"))))).containsExactly("i2");
        assertThat(ids(IssueList.parse(Map.of("category", List.of("SERVICE"), "department", List.of("CARE")))))
                .containsExactly("i3", "i1", "i2");
        assertThat(ids(IssueList.parse(Map.of("department", List.of("SALES"))))).isEmpty();
        assertThat(NOVEMBER.get(1).staffIds()).containsExactly("s1");
    }

    @Test
    void pagesCountEveryMatchAndAPageBeyondTheEndIsEmpty() {
        IssueList.Page first = IssueList.ALL.page(NOVEMBER, 0, 2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(IssueLine::issueId).containsExactly("i3", "i1");
        assertThat(IssueList.ALL.page(NOVEMBER, 1, 2).items()).extracting(IssueLine::issueId).containsExactly("i2");
        assertThat(IssueList.ALL.page(NOVEMBER, 5, 2).items()).isEmpty();
    }

    @Test
    void unknownFiltersStatusesAndPageSizesAreRefused() {
        assertThatThrownBy(() -> IssueList.parse(Map.of("customerName", List.of("张三"))))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("filter.customerName"));
        assertThatThrownBy(() -> IssueList.parse(Map.of("status", List.of("LOST"))))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("filter.status"));
        assertThatThrownBy(() -> IssueList.ALL.page(NOVEMBER, -1, 10))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> IssueList.ALL.page(NOVEMBER, 0, IssueList.MAX_PAGE_SIZE + 1))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("size"));
    }
}
