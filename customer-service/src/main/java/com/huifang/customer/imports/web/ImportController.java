package com.huifang.customer.imports.web;

import com.huifang.customer.imports.CustomerImport;
import com.huifang.customer.imports.store.ImportJobDocument;
import com.huifang.customer.imports.store.ImportRowErrorDocument;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Customer lists uploaded as CSV or .xlsx: a job resource with progress and downloadable row errors. */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports")
public class ImportController {

    private static final DataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    private final CustomerImport imports;
    private final ReactiveMongoTemplate mongo;

    public ImportController(CustomerImport imports, ReactiveMongoTemplate mongo) {
        this.imports = imports;
        this.mongo = mongo;
    }

    /** @param progress rows done / total, 0–100 (null until the rows are counted) */
    public record ImportJobView(String id, String fileName, String state, Long total, long done, long stored,
                                long rejected, Integer progress, String failure, Instant createdAt,
                                Instant finishedAt) {
        static ImportJobView of(ImportJobDocument j) {
            Integer progress = j.total == null ? null : j.total == 0 ? 100 : (int) (j.done * 100 / j.total);
            return new ImportJobView(j.id, j.fileName, j.state.name(), j.total, j.done, j.stored, j.rejected, progress,
                    j.failure, j.createdAt, j.finishedAt);
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a customer list (CSV or .xlsx, part 'file')",
            description = "202 with a new job; 200 with the existing job when the same file was uploaded before.")
    public Mono<ResponseEntity<ImportJobView>> upload(Caller caller, @RequestPart("file") Mono<FilePart> file) {
        if (!caller.hasAnyRole(Role.ADMIN, Role.SUPERVISOR)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        return file.switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("file", "required", "customer.field.required")))
                .flatMap(part -> Mono.fromCallable(imports::newUploadFile)
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(temp -> part.transferTo(temp)
                                .onErrorResume(e -> Mono.fromRunnable(() -> delete(temp)).then(Mono.error(e)))
                                .then(imports.start(caller.tenantId(), caller.userId(), safeName(part.filename()), temp))))
                .map(started -> (started.existing() ? ResponseEntity.ok() : ResponseEntity.status(HttpStatus.ACCEPTED))
                        .location(URI.create("/api/imports/" + started.job().id))
                        .body(ImportJobView.of(started.job())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import job: state and progress")
    public Mono<ImportJobView> get(Caller caller, @PathVariable String id) {
        return job(caller, id).map(ImportJobView::of);
    }

    @GetMapping(path = "/{id}/errors", produces = "text/csv")
    @Operation(summary = "The rejected rows of an import, as CSV (row, column, code, reason)")
    public Mono<ResponseEntity<Flux<DataBuffer>>> errors(Caller caller, @PathVariable String id) {
        return job(caller, id).map(job -> {
            Flux<String> lines = Flux.concat(Flux.just("\uFEFFrow,column,code,reason\r\n"),
                    mongo.find(Query.query(Criteria.where("jobId").is(job.id).and("tenantId").is(caller.tenantId()))
                                    .with(Sort.by("rowNumber", "_id")), ImportRowErrorDocument.class)
                            .map(e -> e.rowNumber + "," + csv(e.column) + "," + csv(e.code) + "," + csv(e.reason) + "\r\n"));
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + job.id + "-errors.csv\"")
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(lines.map(s -> BUFFERS.wrap(s.getBytes(StandardCharsets.UTF_8))));
        });
    }

    private Mono<ImportJobDocument> job(Caller caller, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())),
                        ImportJobDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("import", id)));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String n = Path.of(name.replace('\\', '/')).getFileName().toString();
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static void delete(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
