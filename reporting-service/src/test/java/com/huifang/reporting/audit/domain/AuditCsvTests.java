package com.huifang.reporting.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCsvTests {

    @Test
    void headerStartsWithABomForExcel() {
        assertThat(AuditCsv.header()).startsWith("\uFEFFat,service,actor,").endsWith("auditId\r\n");
    }

    @Test
    void cellsWithCommasAndQuotesAreQuotedAndSummariesListNameValuePairs() {
        Map<String, String> after = new LinkedHashMap<>();
        after.put("state", "CLOSED");
        after.put("note", "说\"好\"的");
        AuditEntry e = new AuditEntry("t1", "a1", "feedback-service", "u1", "HANDLER", "issue.closed", "issue", "i-1",
                Map.of(), after, "客户确认, 已解决", "c1", Instant.parse("2026-11-03T01:02:03Z"));
        assertThat(AuditCsv.line(e)).isEqualTo("2026-11-03T01:02:03Z,feedback-service,u1,HANDLER,issue.closed,issue,"
                + "i-1,,\"state=CLOSED; note=说\"\"好\"\"的\",\"客户确认, 已解决\",c1,a1\r\n");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("+86 138****1234")).isEqualTo("'+86 138****1234");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
    }
}
