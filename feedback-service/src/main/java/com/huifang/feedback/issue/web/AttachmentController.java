package com.huifang.feedback.issue.web;

import com.huifang.feedback.issue.IssueWorkflow;
import com.huifang.feedback.issue.domain.Attachment;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.issue.store.IssueStore;
import com.huifang.feedback.rules.TenantRules;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evidence (photos, files) of an issue, kept in GridFS. An upload is checked against the domain's
 * attachment policy (type → 415, size → 413, count or state → 400/409); a refused upload leaves nothing stored.
 */
@RestController
@RequestMapping("/api/issues/{id}/attachments")
@Tag(name = "Issues")
public class AttachmentController {

    private final IssueWorkflow workflow;
    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate gridFs;
    private final TenantRules tenantRules;

    public AttachmentController(IssueWorkflow workflow, ReactiveMongoTemplate mongo, ReactiveGridFsTemplate gridFs,
                                TenantRules tenantRules) {
        this.workflow = workflow;
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.tenantRules = tenantRules;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attaches one file (part name: file)")
    public Mono<IssueController.AttachmentView> upload(Caller caller, @PathVariable String id,
                                                       @RequestPart("file") FilePart file) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.HANDLER, Role.ADMIN, Role.LEADERSHIP, Role.AGENT)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        var policy = tenantRules.attachments();
        var contentType = file.headers().getContentType() == null ? "application/octet-stream"
                : file.headers().getContentType().toString();
        var name = file.filename();
        var probe = new Attachment("probe", name, contentType, 1);
        if (!policy.allowedMediaTypes().contains(probe.mediaType())) {
            return Mono.error(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-type",
                    "feedback.problem.attachment-type", contentType));
        }
        // the issue must exist in the caller's tenant before the upload is read
        return mongo.exists(Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())), IssueDocument.class)
                .flatMap(exists -> exists ? Mono.just(true) : Mono.error(ApiProblem.notFound("issue", id)))
                .then(DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, policy.maxBytes()))
                        .onErrorMap(DataBufferLimitException.class, e -> new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE,
                                "attachment-size", "feedback.problem.attachment-size", name, policy.maxBytes())))
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .flatMap(bytes -> {
                    var attachmentId = new ObjectId();
                    var attachment = new Attachment(attachmentId.toHexString(), name, contentType, bytes.length);
                    var upload = ReactiveGridFsUpload.fromPublisher(
                            Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)))).id(attachmentId).filename(name)
                            .contentType(contentType)
                            .metadata(new Document("tenantId", caller.tenantId()).append("issueId", id)).build();
                    // stored first, then the issue updated (where the domain checks state and count); a refused or
                    // failed update removes the file again: at worst an orphan file, never a dangling reference
                    return gridFs.store(upload)
                            .then(workflow.act(caller.tenantId(), id, step -> step.issue().attach(
                                    IssueController.actor(caller), List.of(attachment), policy, step.now())))
                            .onErrorResume(e -> gridFs.delete(Query.query(Criteria.where("_id").is(attachmentId)))
                                    .then(Mono.error(e)))
                            .thenReturn(new IssueController.AttachmentView(attachment.id(), name, contentType,
                                    attachment.sizeBytes()));
                })
                .onErrorMap(IssueProblems::map);
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Downloads one attachment")
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(Caller caller, @PathVariable String id,
                                                           @PathVariable String attachmentId) {
        if (!caller.hasAnyRole(IssueController.READERS)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())),
                        IssueDocument.class)
                .flatMap(d -> Mono.justOrEmpty(IssueStore.restore(d).attachments().stream()
                        .filter(a -> a.id().equals(attachmentId)).findFirst()))
                .filter(a -> ObjectId.isValid(attachmentId))
                .flatMap(a -> gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(attachmentId))
                                .and("metadata.tenantId").is(caller.tenantId())))
                        .flatMap(gridFs::getResource)
                        .map(resource -> ResponseEntity.ok()
                                .contentType(MediaType.parseMediaType(a.contentType()))
                                .contentLength(a.sizeBytes())
                                .header(HttpHeaders.CONTENT_DISPOSITION,
                                        ContentDisposition.attachment().filename(a.name(), java.nio.charset.StandardCharsets.UTF_8)
                                                .build().toString())
                                .body(resource.getDownloadStream())))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("attachment", attachmentId)));
    }
}
