package com.huifang.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTests {

    private static final List<Column> COLUMNS = List.of(
            new Column("回访员", "Agent", ColumnType.TEXT),
            new Column("应访量", "Due", ColumnType.INTEGER),
            new Column("回访成功率", "Success rate", ColumnType.PERCENT),
            new Column("平均评分", "Mean rating", ColumnType.DECIMAL),
            new Column("日期", "Date", ColumnType.DATE),
            new Column("超标", "Over", ColumnType.YES_NO));

    private static byte[] write(Language language, Object[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(new ReportTable("表", "Table", COLUMNS, Arrays.asList(rows)), language, out);
        return out.toByteArray();
    }

    @Test
    void startsWithUtf8ByteOrderMarkAndChineseHeader() {
        byte[] bytes = write(Language.ZH_CN);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("回访员,应访量,回访成功率,平均评分,日期,超标\r\n");
    }

    @Test
    void englishHeaderAndTypedValues() {
        byte[] bytes = write(Language.EN, new Object[] {"a1", 8L, 0.5, 12.5 / 3, LocalDate.of(2026, 11, 3), true},
                new Object[] {"a2", 0L, null, null, null, false});
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n", -1)).containsExactly(
                "Agent,Due,Success rate,Mean rating,Date,Over",
                "a1,8,50.00%,4.17,2026-11-03,yes",
                "a2,0,,,,no",
                "");
    }

    @Test
    void quotesFieldsPerRfc4180() {
        String text = new String(write(Language.EN,
                new Object[] {"王, 小明", 1L, null, null, null, null},
                new Object[] {"say \"hi\"", 1L, null, null, null, null},
                new Object[] {"two\nlines", 1L, null, null, null, null}), StandardCharsets.UTF_8);
        assertThat(text).contains("\"王, 小明\",1,").contains("\"say \"\"hi\"\"\",1,").contains("\"two\nlines\",1,");
    }

    @Test
    void textThatLooksLikeAFormulaIsDefused() {
        String text = new String(write(Language.EN, new Object[] {"=HYPERLINK(\"x\")", -1L, -0.25, null, null, null}),
                StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\",-1,-25.00%");
    }
}
