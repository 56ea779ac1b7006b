package com.huifang.customer.imports.parse;

import static com.huifang.customer.customer.domain.Customers.CODES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerFileReaderTests {

    private static final int ROWS = 20_000;
    /** Data rows (1-based among data rows) made bad: bad phone, unknown category, missing name. */
    private static final Set<Integer> BAD = Set.of(17, 9_999, 19_990);
    private static final List<String> HEADER = List.of("姓名", "手机", "类别", "标签", "邮箱", "备注");

    @TempDir
    Path dir;

    private static List<String> row(int i) {
        String name = i == 19_990 ? "" : "客户" + i;
        String phone = i == 17 ? "1381234" : String.format("139%08d", i);
        String category = i == 9_999 ? "VIP客户" : (i % 2 == 0 ? "住院" : "门诊");
        return List.of(name, phone, category, "术后,复诊", "c" + i + "@example.com", "第" + i + "行");
    }

    @Test
    void csvOf20000RowsWith3BadRowsGives19997ProfilesAnd3Errors() throws IOException {
        Path file = dir.resolve("customers.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", HEADER) + "\r\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write(String.join(",", row(i)).replace("术后,复诊", "\"术后,复诊\"") + "\r\n");
            }
        }
        assertCounts(file);
    }

    @Test
    void xlsxOf20000RowsWith3BadRowsGives19997ProfilesAnd3Errors() throws IOException {
        Path file = dir.resolve("customers.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "huifang-test", "1.0");
            Worksheet ws = wb.newWorksheet("客户");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, HEADER.get(c));
            }
            for (int i = 1; i <= ROWS; i++) {
                List<String> cells = row(i);
                for (int c = 0; c < cells.size(); c++) {
                    if (c == 1 && i % 3 == 0) {
                        ws.value(i, c, Long.parseLong(cells.get(c))); // phones typed as numbers
                    } else if (!cells.get(c).isEmpty()) {
                        ws.value(i, c, cells.get(c));
                    }
                }
                if (i % 1000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        assertThat(CustomerFileReader.detect(file)).isEqualTo(CustomerFileReader.Format.XLSX);
        assertCounts(file);
    }

    private void assertCounts(Path file) {
        long valid = 0;
        List<RowError> errors = new ArrayList<>();
        try (CustomerFileReader reader = CustomerFileReader.open(file, CODES)) {
            while (reader.hasNext()) {
                ImportedRow row = reader.next();
                if (row instanceof ImportedRow.Valid v) {
                    valid++;
                    if (v.rowNumber() == 4) { // data row 3: spot-check the mapping
                        assertThat(v.profile().primaryPhone().orElseThrow().e164()).isEqualTo("+8613900000003");
                        assertThat(v.profile().tags()).containsExactly("术后", "复诊");
                        assertThat(v.profile().attributes()).containsEntry("note", "第3行");
                    }
                } else {
                    errors.addAll(((ImportedRow.Invalid) row).errors());
                }
            }
            assertThat(reader.rowsRead()).isEqualTo(ROWS);
        }
        assertThat(valid).isEqualTo(19_997);
        assertThat(errors).extracting(RowError::rowNumber, RowError::column, RowError::code)
                .containsExactly(
                        tuple(18L, "手机", "phone-format"),
                        tuple(10_000L, "类别", "unknown-code"),
                        tuple(19_991L, "姓名", "required"));
    }

    @Test
    void englishHeadersAndUnknownColumnsAreRecognised() {
        String csv = "Name,Mobile,Category,Preferred Channel,Staff,Shoe size\nAlice,+86 138 0000 1111,门诊,短信,s-1;s-2,42\n";
        try (CustomerFileReader r = CustomerFileReader.csv(stream(csv, StandardCharsets.UTF_8), CODES)) {
            assertThat(r.header().ignored()).containsExactly("Shoe size");
            ImportedRow.Valid row = (ImportedRow.Valid) r.next();
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.profile().preferredChannel().name()).isEqualTo("SMS");
            assertThat(row.profile().staffIds()).containsExactly("s-1", "s-2");
            assertThat(r.hasNext()).isFalse();
        }
    }

    @Test
    void gbkEncodedCsvIsDetected() {
        String csv = "姓名,手机,类别\n张三,13800001111,住院\n";
        try (CustomerFileReader r = CustomerFileReader.csv(stream(csv, Charset.forName("GBK")), CODES)) {
            assertThat(((ImportedRow.Valid) r.next()).profile().name()).isEqualTo("张三");
        }
    }

    @Test
    void blankRowsAreSkippedAndRowNumbersFollowTheFile() {
        String csv = "姓名,手机,类别\n张三,13800001111,住院\n,,\n李四,bad,住院\n";
        try (CustomerFileReader r = CustomerFileReader.csv(stream(csv, StandardCharsets.UTF_8), CODES)) {
            List<ImportedRow> rows = r.rows().toList();
            assertThat(rows).extracting(ImportedRow::rowNumber).containsExactly(2L, 4L);
            assertThat(rows.get(1)).isInstanceOf(ImportedRow.Invalid.class);
        }
    }

    @Test
    void rowWithoutPhoneOrEmailIsRejected() {
        String csv = "姓名,手机,类别\n张三,,住院\n";
        try (CustomerFileReader r = CustomerFileReader.csv(stream(csv, StandardCharsets.UTF_8), CODES)) {
            assertThat(((ImportedRow.Invalid) r.next()).errors())
                    .extracting(RowError::column, RowError::code).containsExactly(tuple("手机", "required"));
        }
    }

    @Test
    void fileWithoutNameOrContactColumnIsRefusedWhole() {
        assertThatThrownBy(() -> CustomerFileReader.csv(stream("手机,类别\n13800001111,住院\n", StandardCharsets.UTF_8), CODES))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> CustomerFileReader.csv(stream("姓名,类别\n张三,住院\n", StandardCharsets.UTF_8), CODES))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> CustomerFileReader.csv(stream("姓名,name,手机\n", StandardCharsets.UTF_8), CODES))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> CustomerFileReader.csv(stream("", StandardCharsets.UTF_8), CODES))
                .isInstanceOf(ImportFileException.class);
    }

    @Test
    void sameBytesHaveTheSameContentHash() throws IOException {
        byte[] a = "姓名,手机\n张三,13800001111\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentHash.sha256(new ByteArrayInputStream(a)))
                .isEqualTo(ContentHash.sha256(new ByteArrayInputStream(a.clone())))
                .isNotEqualTo(ContentHash.sha256(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))))
                .matches("[0-9a-f]{64}");
        assertThat(ContentHash.sha256(new ByteArrayInputStream(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static ByteArrayInputStream stream(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }
}
