package com.huifang.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one problem handler of a service: every error of a request ends here and leaves as
 * problem+json. Client errors are logged with their reason at INFO; server errors at ERROR with the
 * stack trace (which never reaches the client). Store outages answer 503 with Retry-After.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemRenderer renderer;

    public ProblemWebExceptionHandler(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        String where = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        if (ex instanceof ApiProblem p) {
            log.info("Rejected {}: {} {}", where, p.status().value(), p.getMessage());
            return renderer.render(exchange, p);
        }
        if (ex instanceof WebExchangeBindException bind) {
            List<FieldProblem> fields = fieldProblems(bind, ProblemRenderer.localeOf(exchange));
            log.info("Rejected {}: 400 invalid fields {}", where, fields.stream().map(FieldProblem::field).toList());
            return renderer.render(exchange, HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    new Object[0], fields, Map.of());
        }
        if (ex instanceof jakarta.validation.ConstraintViolationException cve) {
            Locale locale = ProblemRenderer.localeOf(exchange);
            List<FieldProblem> fields = cve.getConstraintViolations().stream()
                    .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                            renderer.fieldMessage(v.getMessage(), new Object[0], locale)))
                    .toList();
            log.info("Rejected {}: 400 constraint violations {}", where, fields);
            return renderer.render(exchange, HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    new Object[0], fields, Map.of());
        }
        if (ex instanceof PayloadTooLargeException || ex instanceof DataBufferLimitException
                || ex.getCause() instanceof DataBufferLimitException) {
            log.info("Rejected {}: 413 body too large", where);
            return renderer.render(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "problem.payload-too-large");
        }
        if (ex instanceof ServerWebInputException input) {
            String reason = input.getCause() instanceof DecodingException dec ? rootMessage(dec) : input.getReason();
            log.info("Rejected {}: 400 unreadable input: {}", where, reason);
            return renderer.render(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "problem.malformed-request",
                    new Object[0], List.of(), Map.of());
        }
        if (ex instanceof UnsupportedMediaTypeStatusException) {
            log.info("Rejected {}: 415", where);
            return renderer.render(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "problem.unsupported-media-type");
        }
        if (ex instanceof NotAcceptableStatusException) {
            return renderer.render(exchange, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "problem.not-acceptable");
        }
        if (ex instanceof MethodNotAllowedException) {
            log.info("Rejected {}: 405", where);
            return renderer.render(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "problem.method-not-allowed");
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatusCode code = rse.getStatusCode();
            HttpStatus status = HttpStatus.resolve(code.value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            if (status.is5xxServerError()) {
                log.error("Failed {}: {}", where, rse.getMessage(), rse);
            } else {
                log.info("Rejected {}: {} {}", where, status.value(), rse.getReason());
            }
            String key = status == HttpStatus.NOT_FOUND ? "problem.no-route" : "problem.status";
            return renderer.render(exchange, status, status == HttpStatus.NOT_FOUND ? "not-found" : "http-" + status.value(),
                    key, new Object[] {status.getReasonPhrase()}, List.of(), Map.of());
        }
        if (isA(ex, "org.springframework.dao.OptimisticLockingFailureException")) {
            log.info("Rejected {}: 409 stale write", where);
            return renderer.render(exchange, HttpStatus.CONFLICT, "stale-version", "problem.stale-version");
        }
        if (isA(ex, "org.springframework.dao.DuplicateKeyException")) {
            log.info("Rejected {}: 409 duplicate", where);
            return renderer.render(exchange, HttpStatus.CONFLICT, "duplicate", "problem.duplicate");
        }
        if (isA(ex, "org.springframework.dao.DataAccessResourceFailureException")
                || isA(ex, "com.mongodb.MongoSocketException") || isA(ex, "com.mongodb.MongoTimeoutException")) {
            log.error("Failed {}: store unavailable: {}", where, ex.getMessage());
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return renderer.render(exchange, HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "problem.store-unavailable");
        }
        log.error("Failed {}: unexpected error", where, ex);
        return renderer.render(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal");
    }

    private List<FieldProblem> fieldProblems(WebExchangeBindException bind, Locale locale) {
        List<FieldProblem> out = new ArrayList<>();
        for (ObjectError error : bind.getAllErrors()) {
            String field = error instanceof FieldError fe ? fe.getField() : error.getObjectName();
            String code = error.getCode() == null ? "invalid" : error.getCode();
            String message = renderer.message("validation." + code, constraintArgs(error), locale);
            if (message.equals("validation." + code)) {
                message = renderer.fieldMessage(error.getDefaultMessage(), new Object[0], locale);
            }
            out.add(new FieldProblem(field, code, message));
        }
        out.sort(java.util.Comparator.comparing(FieldProblem::field));
        return out;
    }

    /** Constraint attributes (min, max, regexp…) in declaration order after the field itself. */
    private static Object[] constraintArgs(ObjectError error) {
        Object[] args = error.getArguments();
        if (args == null || args.length <= 1) {
            return new Object[0];
        }
        Object[] rest = new Object[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return rest;
    }

    /** By name, so the gateway (no data access on its classpath) shares this handler. */
    private static boolean isA(Throwable ex, String className) {
        for (Class<?> c = ex.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
