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
import com.huifang.customer.support.ImportProperties;
import com.huifang.customer.support.TenantCodesSource;
import com.huifang.platform.correlation.CorrelationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports a customer list: one job per (tenant, content hash), rows read lazily on a
 * bounded-elastic thread, good rows stored as customers (each with its
 * {@code CustomerProfileChanged}; duplicates by phone are reported, not stored twice), bad rows
 * recorded as row errors, progress counted per chunk.
 *
 * <p>Resumable: the uploaded file stays in the imports directory until the job ends, and the
 * job's {@code done} counter is a cursor — it advances only after a whole chunk is settled, in one
 * update conditional on the cursor and on this instance's lease. A job interrupted by a restart (or
 * an instance that died) is taken up again, at start-up or by the periodic check ({@link #resumeDue()},
 * run by {@link ImportTasks}), by whichever instance claims it first once its lease ran out (an
 * atomic find-and-modify: single-firing), and continues after the cursor. Rows of the chunk that
 * was in flight are processed again, which stores nothing twice: customer ids derive from job and
 * row, row-error ids from job, row and index.
 */
@Service
public class CustomerImport implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);
    static final int CHUNK = 250;
    static final int CONCURRENCY = 8;
    /** Hands the jobs back before the outbox relay and the Mongo client stop, after the resume check did. */
    static final int PHASE = Integer.MAX_VALUE - 50;

    private final ReactiveMongoTemplate mongo;
    private final CustomerService customers;
    private final TenantCodesSource codes;
    private final ImportProperties properties;
    private final Clock clock;
    /** This instance, as a lease owner. */
    private final String instanceId = UUID.randomUUID().toString();
    private final Map<String, Disposable> running = new ConcurrentHashMap<>();
    private volatile boolean started;

    public CustomerImport(ReactiveMongoTemplate mongo, CustomerService customers, TenantCodesSource codes,
                          ImportProperties properties, Clock clock) {
        this.mongo = mongo;
        this.customers = customers;
        this.codes = codes;
        this.properties = properties;
        this.clock = clock;
    }

    public record Started(ImportJobDocument job, boolean existing) {
    }

    /** A new, empty file in the imports directory for an upload to be written to (blocking: call on boundedElastic). */
    public Path newUploadFile() throws IOException {
        Files.createDirectories(properties.directory());
        return Files.createTempFile(properties.directory(), "upload-", ".part");
    }

    /**
     * The job of this file: the existing one when the same content was uploaded before (the file
     * is then deleted), else a new job claimed by this instance and started in the background.
     * Takes ownership of {@code file}.
     */
    public Mono<Started> start(String tenantId, String userId, String fileName, Path file) {
        return Mono.fromCallable(() -> ContentHash.sha256(file)).subscribeOn(Schedulers.boundedElastic())
                .zipWith(CorrelationId.current())
                .flatMap(t -> {
                    String hash = t.getT1();
                    String jobId = Events.idOf("import-job", tenantId, hash);
                    return mongo.findById(jobId, ImportJobDocument.class)
                            .map(existing -> new Started(existing, true))
                            .switchIfEmpty(Mono.defer(() -> keep(file, jobId).flatMap(kept -> {
                                ImportJobDocument job = new ImportJobDocument();
                                job.id = jobId;
                                job.tenantId = tenantId;
                                job.fileName = fileName;
                                job.contentHash = hash;
                                job.file = kept.getFileName().toString();
                                job.state = ImportJobDocument.State.RUNNING;
                                job.leaseOwner = instanceId;
                                job.leaseUntil = clock.instant().plus(properties.lease());
                                job.correlationId = t.getT2();
                                job.createdBy = userId;
                                job.createdAt = clock.instant();
                                return mongo.insert(job).map(j -> new Started(j, false))
                                        .onErrorResume(DuplicateKeyException.class, dup -> {
                                            delete(kept);
                                            return mongo.findById(jobId, ImportJobDocument.class)
                                                    .map(j -> new Started(j, true));
                                        });
                            })));
                })
                .doOnNext(started -> {
                    if (started.existing()) {
                        delete(file);
                    } else {
                        run(started.job());
                    }
                })
                .doOnError(e -> delete(file));
    }

    /** Moves the upload to its kept name (unique, so a concurrent upload of the same file keeps its own copy). */
    private Mono<Path> keep(Path file, String jobId) {
        return Mono.fromCallable(() -> {
            Files.createDirectories(properties.directory());
            Path kept = properties.directory().resolve(jobId + "-" + UUID.randomUUID() + ".upload");
            return Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Claims {@code jobId} for {@code owner} if it is unfinished and nobody's lease on it holds.
     *
     * @return the claimed job, or empty when it is finished or another owner's lease still holds
     */
    public Mono<ImportJobDocument> claim(String jobId, String owner) {
        var now = clock.instant();
        Query claimable = Query.query(Criteria.where("_id").is(jobId).and("state").is(ImportJobDocument.State.RUNNING)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
        return mongo.findAndModify(claimable, new Update().set("leaseOwner", owner)
                        .set("leaseUntil", now.plus(properties.lease())).inc("resumes", 1),
                FindAndModifyOptions.options().returnNew(true), ImportJobDocument.class);
    }

    /** Takes up every unfinished job whose lease ran out (start-up and periodic check). */
    public Mono<Long> resumeDue() {
        Query due = Query.query(Criteria.where("state").is(ImportJobDocument.State.RUNNING)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(clock.instant())));
        due.fields().include("_id");
        return mongo.find(due, ImportJobDocument.class)
                .filter(j -> !running.containsKey(j.id))
                .concatMap(j -> claim(j.id, instanceId))
                .doOnNext(job -> {
                    log.info("Resuming import {} after row {}", job.id, job.done);
                    run(job);
                })
                .count();
    }

    private void run(ImportJobDocument job) {
        Disposable d = process(job)
                .doFinally(s -> running.remove(job.id))
                .contextWrite(ctx -> CorrelationId.with(ctx,
                        job.correlationId != null ? job.correlationId : CorrelationId.acceptOrCreate(null)))
                .subscribe();
        running.put(job.id, d);
    }

    /** Counts the rows (once), then imports those after the cursor; ends DONE, or FAILED when the file as a whole is refused. */
    Mono<Void> process(ImportJobDocument job) {
        Path file = job.file == null ? null : properties.directory().resolve(job.file);
        if (file == null || !Files.exists(file)) {
            return fail(job, new IllegalStateException("the uploaded file is no longer available: upload it again"));
        }
        AtomicLong cursor = new AtomicLong(job.done);
        return codes.of(job.tenantId).flatMap(tenantCodes -> (job.total != null ? Mono.just(job.total)
                        : count(file, tenantCodes).flatMap(total -> mine(job, Update.update("total", total))))
                        .thenMany(rows(file, tenantCodes).skip(cursor.get()))
                        .buffer(CHUNK)
                        .concatMap(chunk -> importChunk(job, chunk, cursor))
                        .then(mine(job, new Update().set("state", ImportJobDocument.State.DONE)
                                .set("finishedAt", clock.instant()).unset("leaseUntil")))
                        .doOnSuccess(x -> delete(file)))
                .then()
                .onErrorResume(e -> e instanceof LeaseLost
                        ? Mono.<Void>fromRunnable(() -> log.info("Import {}: taken over by another instance", job.id))
                        : fail(job, e).doFinally(s -> delete(file)));
    }

    private Mono<Void> fail(ImportJobDocument job, Throwable e) {
        log.info("Import {} failed: {}", job.id, e.toString());
        return mine(job, new Update().set("state", ImportJobDocument.State.FAILED).set("failure", e.getMessage())
                .set("finishedAt", clock.instant()).unset("leaseUntil"))
                .onErrorResume(LeaseLost.class, lost -> Mono.empty()).then();
    }

    /** Applies {@code update} to the job while this instance holds it; {@link LeaseLost} otherwise. */
    private Mono<Long> mine(ImportJobDocument job, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id).and("leaseOwner").is(job.leaseOwner)),
                        update, ImportJobDocument.class)
                .flatMap(r -> r.getMatchedCount() == 1 ? Mono.just(r.getModifiedCount()) : Mono.error(new LeaseLost()));
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

    /**
     * Settles one chunk: stores its customers and row errors, then advances the counters and the
     * cursor and renews the lease — conditional on the cursor being where this run left it, so a
     * second runner (lease lost) can never count a chunk twice.
     */
    private Mono<Void> importChunk(ImportJobDocument job, List<ImportedRow> chunk, AtomicLong cursor) {
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
                            errors.add(error(job, rowErrors.get(i), i, clock.instant()));
                        }
                    }
                    long rejected = results.size() - stored;
                    long from = cursor.get();
                    Flux<ImportRowErrorDocument> saved = Flux.fromIterable(errors)
                            .concatMap(e -> mongo.insert(e).onErrorResume(DuplicateKeyException.class, d -> Mono.empty()));
                    return saved.then(mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id)
                                            .and("leaseOwner").is(job.leaseOwner).and("done").is(from)),
                                    new Update().inc("done", results.size()).inc("stored", stored)
                                            .inc("rejected", rejected)
                                            .set("leaseUntil", clock.instant().plus(properties.lease())),
                                    ImportJobDocument.class))
                            .flatMap(r -> {
                                if (r.getModifiedCount() != 1) {
                                    return Mono.error(new LeaseLost());
                                }
                                cursor.addAndGet(results.size());
                                return Mono.empty();
                            });
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
        // an existing id equal to the row's own is a re-run of this row (a resumed chunk): it was stored before
        return CorrelationId.current()
                .flatMap(correlationId -> customers.insertNew(customer,
                        List.of(CustomerService.profileChanged(customer, correlationId, customer.updatedAt()))))
                .map(existing -> existing.isPresent() && !existing.get().equals(id)
                        ? List.of(new RowError(valid.rowNumber(), "phone", "duplicate",
                        "the same phone belongs to customer " + existing.get()))
                        : List.<RowError>of());
    }

    private static ImportRowErrorDocument error(ImportJobDocument job, RowError e, int index, java.time.Instant at) {
        ImportRowErrorDocument d = new ImportRowErrorDocument();
        d.createdAt = at;
        d.id = job.id + ":" + e.rowNumber() + ":" + index;
        d.jobId = job.id;
        d.tenantId = job.tenantId;
        d.rowNumber = e.rowNumber();
        d.column = e.column();
        d.code = e.code();
        d.reason = e.reason();
        return d;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This instance no longer holds the job: stop without touching it. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("import lease lost", null, false, false);
        }
    }

    // --- lifecycle: on stop, hand running jobs back at once (the resume check is ImportTasks' PeriodicTask,
    // stopped in an earlier phase, so no check claims a job again once its lease is released) ---

    @Override
    public void start() {
        started = true;
    }

    /**
     * Stops processing (as a shutdown would) and releases this instance's leases, so the next
     * instance to check — or this one after a restart — resumes the jobs without waiting for the
     * lease to run out. Called by the container on a non-reactive thread.
     */
    @Override
    public void stop() {
        started = false;
        running.values().forEach(Disposable::dispose);
        running.clear();
        mongo.updateMulti(Query.query(Criteria.where("leaseOwner").is(instanceId)
                                .and("state").is(ImportJobDocument.State.RUNNING)),
                        new Update().unset("leaseOwner").unset("leaseUntil"), ImportJobDocument.class)
                .onErrorResume(e -> {
                    log.warn("Could not release import leases (they run out by themselves): {}", e.toString());
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
