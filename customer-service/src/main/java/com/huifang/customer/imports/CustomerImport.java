package com.huifang.customer.imports;

import com.huifang.customer.customer.CustomerService;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.customer.imports.parse.ContentHash;
import com.huifang.customer.imports.parse.CustomerFileReader;
import com.huifang.customer.imports.parse.ImportedRow;
import com.huifang.customer.imports.parse.RowError;
import com.huifang.customer.imports.store.ImportJobDocument;
import com.huifang.customer.imports.store.ImportRowErrorDocument;
import com.huifang.customer.support.Events;
import com.huifang.customer.support.TenantCodesSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports a customer list from a file already on disk: one job per (tenant, content hash), rows
 * read lazily on a bounded-elastic thread, good rows stored as customers (duplicates by phone are
 * reported, not stored twice), bad rows recorded as row errors, progress counted per chunk.
 * Customer ids derive from job and row, so re-running a job stores nothing twice.
 */
@Service
public class CustomerImport {

    private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);
    static final int CHUNK = 250;
    static final int CONCURRENCY = 8;

    private final ReactiveMongoTemplate mongo;
    private final CustomerService customers;
    private final TenantCodesSource codes;
    private final Clock clock;

    public CustomerImport(ReactiveMongoTemplate mongo, CustomerService customers, TenantCodesSource codes,
                          Clock clock) {
        this.mongo = mongo;
        this.customers = customers;
        this.codes = codes;
        this.clock = clock;
    }

    public record Started(ImportJobDocument job, boolean existing) {
    }

    /**
     * The job of this file: the existing one when the same content was uploaded before (the file
     * is then deleted), else a new job, started in the background. Takes ownership of {@code file}.
     */
    public Mono<Started> start(String tenantId, String userId, String fileName, Path file) {
        return Mono.fromCallable(() -> ContentHash.sha256(file)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> {
                    String jobId = Events.idOf("import-job", tenantId, hash);
                    return mongo.findById(jobId, ImportJobDocument.class)
                            .map(existing -> new Started(existing, true))
                            .switchIfEmpty(Mono.defer(() -> {
                                ImportJobDocument job = new ImportJobDocument();
                                job.id = jobId;
                                job.tenantId = tenantId;
                                job.fileName = fileName;
                                job.contentHash = hash;
                                job.state = ImportJobDocument.State.RUNNING;
                                job.createdBy = userId;
                                job.createdAt = clock.instant();
                                return mongo.insert(job).map(j -> new Started(j, false))
                                        .onErrorResume(DuplicateKeyException.class, dup -> mongo
                                                .findById(jobId, ImportJobDocument.class).map(j -> new Started(j, true)));
                            }));
                })
                .doOnNext(started -> {
                    if (started.existing()) {
                        delete(file);
                    } else {
                        run(started.job(), file).subscribe();
                    }
                })
                .doOnError(e -> delete(file));
    }

    /** Counts, then imports the rows; the job ends DONE, or FAILED when the file as a whole is refused. */
    Mono<Void> run(ImportJobDocument job, Path file) {
        return codes.of(job.tenantId).flatMap(tenantCodes -> count(file, tenantCodes)
                        .flatMap(total -> mongo.updateFirst(byId(job.id), Update.update("total", total),
                                ImportJobDocument.class))
                        .thenMany(rows(file, tenantCodes))
                        .buffer(CHUNK)
                        .concatMap(chunk -> importChunk(job, chunk))
                        .then(mongo.updateFirst(byId(job.id), new Update().set("state", ImportJobDocument.State.DONE)
                                .set("finishedAt", clock.instant()), ImportJobDocument.class)))
                .onErrorResume(e -> {
                    log.info("Import {} failed: {}", job.id, e.toString());
                    return mongo.updateFirst(byId(job.id), new Update().set("state", ImportJobDocument.State.FAILED)
                            .set("failure", e.getMessage()).set("finishedAt", clock.instant()), ImportJobDocument.class);
                })
                .doFinally(s -> delete(file))
                .then();
    }

    private Mono<Long> count(Path file, TenantCodes tenantCodes) {
        return Mono.fromCallable(() -> {
            long n = 0;
            try (CustomerFileReader reader = CustomerFileReader.open(file, tenantCodes)) {
                while (reader.hasNext()) {
                    reader.next();
                    n++;
                }
            }
            return n;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Flux<ImportedRow> rows(Path file, TenantCodes tenantCodes) {
        return Flux.using(() -> CustomerFileReader.open(file, tenantCodes),
                        reader -> Flux.fromIterable(() -> reader),
                        CustomerFileReader::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> importChunk(ImportJobDocument job, List<ImportedRow> chunk) {
        return Flux.fromIterable(chunk)
                .flatMap(row -> importRow(job, row), CONCURRENCY)
                .collectList()
                .flatMap(results -> {
                    List<ImportRowErrorDocument> errors = new ArrayList<>();
                    long stored = 0;
                    for (List<RowError> rowErrors : results) {
                        if (rowErrors.isEmpty()) {
                            stored++;
                        }
                        for (int i = 0; i < rowErrors.size(); i++) {
                            errors.add(error(job, rowErrors.get(i), i));
                        }
                    }
                    long rejected = results.size() - stored;
                    Flux<ImportRowErrorDocument> saved = Flux.fromIterable(errors)
                            .concatMap(e -> mongo.insert(e).onErrorResume(DuplicateKeyException.class, d -> Mono.empty()));
                    return saved.then(mongo.updateFirst(byId(job.id), new Update().inc("done", results.size())
                            .inc("stored", stored).inc("rejected", rejected), ImportJobDocument.class));
                })
                .then();
    }

    /** The row's errors; empty when stored. */
    private Mono<List<RowError>> importRow(ImportJobDocument job, ImportedRow row) {
        if (row instanceof ImportedRow.Invalid invalid) {
            return Mono.just(invalid.errors());
        }
        ImportedRow.Valid valid = (ImportedRow.Valid) row;
        String id = Events.idOf("imported-customer", job.id, Long.toString(valid.rowNumber()));
        Customer customer = Customer.create(id, job.tenantId, valid.profile(), clock.instant());
        // an existing id equal to the row's own is a re-run of this job: the row was stored before
        return customers.insertNew(customer, List.of()).map(existing -> existing.isPresent()
                && !existing.get().equals(id)
                ? List.of(new RowError(valid.rowNumber(), "phone", "duplicate",
                "the same phone belongs to customer " + existing.get()))
                : List.<RowError>of());
    }

    private static ImportRowErrorDocument error(ImportJobDocument job, RowError e, int index) {
        ImportRowErrorDocument d = new ImportRowErrorDocument();
        d.id = job.id + ":" + e.rowNumber() + ":" + index;
        d.jobId = job.id;
        d.tenantId = job.tenantId;
        d.rowNumber = e.rowNumber();
        d.column = e.column();
        d.code = e.code();
        d.reason = e.reason();
        return d;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
