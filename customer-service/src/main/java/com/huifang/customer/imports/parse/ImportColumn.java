package com.huifang.customer.imports.parse;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a customer list may have, each recognised by its zh-CN or English headers
 * (case, spaces, underscores and full-width forms ignored). Unknown headers are ignored and
 * reported in {@link HeaderMapping#ignored()}.
 */
public enum ImportColumn {
    NAME("姓名", "客户姓名", "名字", "name", "customer name", "full name"),
    TITLE("称谓", "称呼", "性别", "title", "gender", "sex"),
    PHONE("手机", "手机号", "手机号码", "移动电话", "phone", "mobile", "mobile phone"),
    OTHER_PHONE("电话", "座机", "固定电话", "其他电话", "备用电话", "landline", "other phone", "phone 2"),
    EMAIL("邮箱", "电子邮件", "电子邮箱", "email", "e-mail"),
    CATEGORY("类别", "客户类别", "分类", "category"),
    TAGS("标签", "tags", "tag"),
    PREFERRED_CHANNEL("首选渠道", "联系方式偏好", "preferred channel", "channel"),
    PREFERRED_HOURS("首选时段", "方便时间", "preferred hours", "hours"),
    STAFF("服务人员", "员工", "销售", "staff", "staff ids", "salesperson"),
    HOUSEHOLD("户号", "家庭", "household", "household id"),
    SITE("站点", "网点", "门店", "site", "site id"),
    ID_NUMBER("身份证号", "身份证", "身份证号码", "id number", "id card"),
    NOTE("备注", "note", "remark", "remarks");

    private final List<String> aliases;

    ImportColumn(String... aliases) {
        this.aliases = List.of(aliases).stream().map(ImportColumn::key).toList();
    }

    public List<String> aliases() {
        return aliases;
    }

    public static Optional<ImportColumn> forHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String k = key(header);
        for (ImportColumn c : values()) {
            if (c.aliases.contains(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String key(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).replace("\uFEFF", "").strip()
                .toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
    }
}
