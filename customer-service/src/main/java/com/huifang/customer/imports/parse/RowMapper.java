package com.huifang.customer.imports.parse;

import com.huifang.customer.customer.domain.CustomerDraft;
import com.huifang.customer.customer.domain.CustomerProfile;
import com.huifang.customer.customer.domain.FieldError;
import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.customer.customer.domain.Validated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the cells of one row into a customer draft and validates it with the same rules as the
 * API ({@link CustomerProfile#validate}); a row needs a phone or an e-mail (a customer nobody can
 * reach or recognise again is not imported). List cells (tags, staff) are split on , ， ; ； 、 |.
 * Preferred channels may be written in Chinese (电话, 短信, 邮件, 上门, 信函).
 */
final class RowMapper {

    private static final Map<String, String> CHANNELS = Map.of(
            "电话", "PHONE", "短信", "SMS", "邮件", "EMAIL", "电子邮件", "EMAIL", "上门", "HOME_VISIT",
            "家访", "HOME_VISIT", "信函", "LETTER", "信件", "LETTER");

    private final HeaderMapping header;
    private final TenantCodes codes;

    RowMapper(HeaderMapping header, TenantCodes codes) {
        this.header = header;
        this.codes = codes;
    }

    ImportedRow map(long rowNumber, List<String> cells) {
        CustomerDraft.Builder b = CustomerDraft.builder();
        List<ImportColumn> phoneColumns = new ArrayList<>();
        b.name(cell(cells, ImportColumn.NAME));
        b.title(cell(cells, ImportColumn.TITLE));
        String phone = cell(cells, ImportColumn.PHONE);
        if (phone != null) {
            b.phone(header.header(ImportColumn.PHONE), phone, true);
            phoneColumns.add(ImportColumn.PHONE);
        }
        String other = cell(cells, ImportColumn.OTHER_PHONE);
        if (other != null) {
            b.phone(header.header(ImportColumn.OTHER_PHONE), other, phone == null);
            phoneColumns.add(ImportColumn.OTHER_PHONE);
        }
        String email = cell(cells, ImportColumn.EMAIL);
        if (email != null) {
            b.email(null, email, true);
        }
        b.category(cell(cells, ImportColumn.CATEGORY));
        b.tags(split(cell(cells, ImportColumn.TAGS)));
        String channel = cell(cells, ImportColumn.PREFERRED_CHANNEL);
        b.preferredChannel(channel == null ? null : CHANNELS.getOrDefault(channel, channel.toUpperCase(Locale.ROOT)));
        split(cell(cells, ImportColumn.PREFERRED_HOURS)).forEach(b::preferredHours);
        split(cell(cells, ImportColumn.STAFF)).forEach(b::staffId);
        b.householdId(cell(cells, ImportColumn.HOUSEHOLD));
        b.siteId(cell(cells, ImportColumn.SITE));
        b.idNumber(cell(cells, ImportColumn.ID_NUMBER));
        String note = cell(cells, ImportColumn.NOTE);
        if (note != null) {
            b.attribute("note", note);
        }

        List<RowError> errors = new ArrayList<>();
        if (phone == null && other == null && email == null) {
            ImportColumn c = header.has(ImportColumn.PHONE) ? ImportColumn.PHONE
                    : header.has(ImportColumn.OTHER_PHONE) ? ImportColumn.OTHER_PHONE : ImportColumn.EMAIL;
            errors.add(new RowError(rowNumber, header.header(c), "required", "a phone or an e-mail is required"));
        }
        Validated<CustomerProfile> profile = CustomerProfile.validate(b.build(), codes);
        for (FieldError e : profile.errors()) {
            errors.add(new RowError(rowNumber, column(e.path(), phoneColumns), e.code(), e.message()));
        }
        return errors.isEmpty()
                ? new ImportedRow.Valid(rowNumber, profile.orThrow())
                : new ImportedRow.Invalid(rowNumber, errors);
    }

    private String cell(List<String> cells, ImportColumn column) {
        return header.cell(cells, column);
    }

    /** The file column a draft path came from. */
    private String column(String path, List<ImportColumn> phoneColumns) {
        ImportColumn c;
        if (path.startsWith("phones[")) {
            int i = Integer.parseInt(path.substring(7, path.indexOf(']')));
            c = i < phoneColumns.size() ? phoneColumns.get(i) : ImportColumn.PHONE;
        } else if (path.equals("phones")) {
            c = phoneColumns.isEmpty() ? ImportColumn.PHONE : phoneColumns.get(0);
        } else {
            String root = path.split("[.\\[]", 2)[0];
            c = switch (root) {
                case "name" -> ImportColumn.NAME;
                case "title" -> ImportColumn.TITLE;
                case "emails" -> ImportColumn.EMAIL;
                case "category" -> ImportColumn.CATEGORY;
                case "tags" -> ImportColumn.TAGS;
                case "preferredChannel" -> ImportColumn.PREFERRED_CHANNEL;
                case "preferredHours" -> ImportColumn.PREFERRED_HOURS;
                case "staffIds" -> ImportColumn.STAFF;
                case "householdId" -> ImportColumn.HOUSEHOLD;
                case "siteId" -> ImportColumn.SITE;
                case "idNumber" -> ImportColumn.ID_NUMBER;
                case "attributes" -> ImportColumn.NOTE;
                default -> null;
            };
        }
        return c == null ? path : header.header(c);
    }

    private static List<String> split(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[,，;；、|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
