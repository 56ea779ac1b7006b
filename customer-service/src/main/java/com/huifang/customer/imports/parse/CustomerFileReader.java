package com.huifang.customer.imports.parse;

import com.huifang.customer.customer.domain.TenantCodes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads a customer list row by row: the first row is the header ({@link HeaderMapping}), each
 * further non-blank row becomes an {@link ImportedRow} (valid profile or row errors). Nothing is
 * kept of rows already returned, so memory does not grow with the row count — except for an
 * .xlsx file's shared-strings table, which fastexcel keeps as it reads (a few MB for tens of
 * thousands of rows), and the whole compressed .xlsx when opened from a stream instead of a
 * {@link Path}.
 *
 * <p>CSV: RFC 4180 (comma, double quotes, CRLF or LF), UTF-8 with or without BOM; when the first
 * 64 KiB are not valid UTF-8 the file is read as GB18030 (a superset of GBK/GB2312, which Excel
 * on Chinese Windows writes). .xlsx: the first sheet; numeric cells are written out in plain
 * digits (a phone typed as a number is {@code 13812341234}, not {@code 1.38E10}).
 *
 * <p>Not thread-safe; close it (try-with-resources).
 */
public abstract class CustomerFileReader implements Iterator<ImportedRow>, AutoCloseable {

    public enum Format { CSV, XLSX }

    private static final int PROBE_BYTES = 64 * 1024;

    private final RowMapper mapper;
    private final HeaderMapping header;
    private ImportedRow next;
    private long rowsRead;

    CustomerFileReader(List<String> headerCells, TenantCodes codes) {
        this.header = HeaderMapping.of(headerCells);
        this.mapper = new RowMapper(header, codes);
    }

    /** Opens a CSV stream. */
    public static CustomerFileReader csv(InputStream in, TenantCodes codes) {
        return new CsvReader(in, codes);
    }

    /** Opens an .xlsx stream (held in memory compressed; prefer {@link #xlsx(Path, TenantCodes)}). */
    public static CustomerFileReader xlsx(InputStream in, TenantCodes codes) {
        try {
            return XlsxReader.over(new ReadableWorkbook(in), codes);
        } catch (IOException e) {
            throw new ImportFileException("not a readable .xlsx file", e);
        }
    }

    /** Opens an .xlsx file from disk: the zip is read in place. */
    public static CustomerFileReader xlsx(Path file, TenantCodes codes) {
        try {
            return XlsxReader.over(new ReadableWorkbook(file.toFile()), codes);
        } catch (IOException e) {
            throw new ImportFileException("not a readable .xlsx file", e);
        }
    }

    /** Opens a file whose format is told by its first bytes: a zip is .xlsx, an OLE2 .xls is refused, anything else CSV. */
    public static CustomerFileReader open(Path file, TenantCodes codes) {
        return switch (detect(file)) {
            case XLSX -> xlsx(file, codes);
            case CSV -> {
                try {
                    yield csv(java.nio.file.Files.newInputStream(file), codes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    public static Format detect(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (ReadableWorkbook.isOOXMLZipHeader(head)) {
                return Format.XLSX;
            }
            if (ReadableWorkbook.isOLE2Header(head)) {
                throw new ImportFileException("old .xls files are not supported: save as .xlsx or CSV");
            }
            return Format.CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HeaderMapping header() {
        return header;
    }

    /** Data rows returned so far (blank rows not counted): the progress figure. */
    public long rowsRead() {
        return rowsRead;
    }

    /** All remaining rows as a lazy stream; closing the stream closes the reader. */
    public Stream<ImportedRow> rows() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            RawRow raw = nextRaw();
            if (raw == null) {
                return false;
            }
            if (raw.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            next = mapper.map(raw.number(), raw.cells());
        }
        return true;
    }

    @Override
    public ImportedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportedRow row = next;
        next = null;
        rowsRead++;
        return row;
    }

    @Override
    public abstract void close();

    /** The next physical row, or null at the end. */
    abstract RawRow nextRaw();

    record RawRow(long number, List<String> cells) {
    }

    private static final class CsvReader extends CustomerFileReader {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        private CsvReader(InputStream in, TenantCodes codes) {
            this(parser(in), codes);
        }

        private CsvReader(CSVParser parser, TenantCodes codes) {
            super(headerOf(parser), codes);
            this.parser = parser;
            this.records = parser.iterator();
        }

        private static List<String> headerOf(CSVParser parser) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new ImportFileException("the file is empty");
            }
            return it.next().toList();
        }

        private static CSVParser parser(InputStream raw) {
            try {
                BufferedInputStream in = new BufferedInputStream(raw, PROBE_BYTES);
                Charset charset = detectCharset(in);
                return CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                        .parse(new InputStreamReader(in, charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            } catch (IOException e) {
                throw new ImportFileException("the file cannot be read", e);
            }
        }

        @Override
        RawRow nextRaw() {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord r = records.next();
                return new RawRow(r.getRecordNumber(), r.toList());
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ImportFileException("the CSV file is broken after row " + rowsRead(), e);
            }
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Skips a UTF-8 BOM; otherwise probes the first 64 KiB and leaves the stream where it was. */
    static Charset detectCharset(BufferedInputStream in) throws IOException {
        in.mark(PROBE_BYTES);
        byte[] probe = in.readNBytes(PROBE_BYTES);
        in.reset();
        if (probe.length >= 3 && (probe[0] & 0xFF) == 0xEF && (probe[1] & 0xFF) == 0xBB && (probe[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // endOfInput=false: a character cut by the probe's end is not an error
        CoderResult result = utf8.decode(ByteBuffer.wrap(probe), java.nio.CharBuffer.allocate(probe.length), false);
        return result.isError() ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    }

    private static final class XlsxReader extends CustomerFileReader {
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;

        /** Closes the workbook when the header is refused. */
        static XlsxReader over(ReadableWorkbook workbook, TenantCodes codes) throws IOException {
            try {
                return new XlsxReader(workbook, open(workbook), codes);
            } catch (RuntimeException e) {
                workbook.close();
                throw e instanceof ImportFileException ife ? ife : new ImportFileException("not a readable .xlsx file", e);
            }
        }

        private XlsxReader(ReadableWorkbook workbook, Stream<Row> stream, TenantCodes codes) {
            this(workbook, stream, stream.iterator(), codes);
        }

        private XlsxReader(ReadableWorkbook workbook, Stream<Row> stream, Iterator<Row> rows, TenantCodes codes) {
            super(headerOf(rows), codes);
            this.workbook = workbook;
            this.stream = stream;
            this.rows = rows;
        }

        private static Stream<Row> open(ReadableWorkbook workbook) {
            try {
                return workbook.getFirstSheet().openStream();
            } catch (IOException e) {
                throw new ImportFileException("the first sheet cannot be read", e);
            }
        }

        private static List<String> headerOf(Iterator<Row> rows) {
            if (!rows.hasNext()) {
                throw new ImportFileException("the first sheet is empty");
            }
            return cells(rows.next());
        }

        private static List<String> cells(Row row) {
            List<String> out = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                Cell c = row.getCell(i);
                out.add(text(c));
            }
            return out;
        }

        private static String text(Cell c) {
            if (c == null || c.getType() == CellType.EMPTY) {
                return null;
            }
            if (c.getType() == CellType.NUMBER) {
                return c.asNumber().stripTrailingZeros().toPlainString();
            }
            return c.getText();
        }

        @Override
        RawRow nextRaw() {
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                Row r = rows.next();
                return new RawRow(r.getRowNum(), cells(r));
            } catch (RuntimeException e) {
                throw new ImportFileException("the .xlsx sheet is broken after row " + rowsRead(), e);
            }
        }

        @Override
        public void close() {
            stream.close();
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
