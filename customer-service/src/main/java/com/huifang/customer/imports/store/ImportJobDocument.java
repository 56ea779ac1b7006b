package com.huifang.customer.imports.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import of a customer list. Its id derives from tenant and the file's content hash: the same
 * file uploaded again is the same job. Counters advance a chunk at a time (the progress figure);
 * {@code done} is also the cursor an interrupted job resumes from: the rows before it are settled.
 */
@Document("import_jobs")
public class ImportJobDocument {

    public enum State { RUNNING, DONE, FAILED }

    @Id
    public String id;
    public String tenantId;
    public String fileName;
    public String contentHash;
    public State state;
    /** Data rows in the file (blank rows not counted); null until counted. */
    public Long total;
    public long done;
    public long stored;
    public long rejected;
    /** Why the whole file was refused (no header, missing column, unreadable), for FAILED. */
    public String failure;
    /** The uploaded file's name in the imports directory, kept until the job ends (for resuming). */
    public String file;
    /** The instance processing the job, and until when its claim holds (renewed at every chunk). */
    public String leaseOwner;
    public Instant leaseUntil;
    /** How often the job was taken up again after an interruption. */
    public int resumes;
    /** The upload's correlation id, carried by every event of the job. */
    public String correlationId;
    public String createdBy;
    public Instant createdAt;
    public Instant finishedAt;
}
