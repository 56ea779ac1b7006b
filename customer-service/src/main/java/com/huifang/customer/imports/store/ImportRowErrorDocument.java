package com.huifang.customer.imports.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One reason one row of an import was rejected. The id makes a re-run of the same chunk write nothing new. */
@Document("import_row_errors")
public class ImportRowErrorDocument {

    @Id
    public String id;
    public String jobId;
    public String tenantId;
    public long rowNumber;
    public String column;
    public String code;
    public String reason;
    /** When the row was refused (the daily retention purge goes by it). */
    public java.time.Instant createdAt;
}
