package com.huifang.survey.link.web;

import com.huifang.survey.link.LinkAnswering;
import com.huifang.survey.link.LinkAnswering.Submission;
import com.huifang.survey.link.domain.TokenOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The customer's survey page behind a link ({@code /s/<token>}, public: the token is the credential). Always
 * answers HTML: the survey, a thank-you page, or a polite page for an unknown (404), used or expired (410) link.
 */
@RestController
public class SurveyPageController {

    private final LinkAnswering answering;

    public SurveyPageController(LinkAnswering answering) {
        this.answering = answering;
    }

    @GetMapping(value = "/s/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> show(@PathVariable String token, @RequestParam(required = false) String lang,
                                             ServerWebExchange exchange) {
        SurveyPage page = new SurveyPage(locale(lang, exchange));
        return answering.present(token).map(p -> p.outcome() == TokenOutcome.VALID
                ? html(HttpStatus.OK, page.form(p.template(), List.of(), Map.of()))
                : refused(page, p.outcome()));
    }

    @PostMapping(value = "/s/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> submit(@PathVariable String token,
                                               @RequestParam(required = false) String lang,
                                               ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            SurveyPage page = new SurveyPage(locale(lang != null ? lang : form.getFirst("lang"), exchange));
            return answering.submit(token, form).map(result -> {
                if (result instanceof Submission.Accepted accepted) {
                    return html(HttpStatus.OK, page.thanks(accepted.template()));
                }
                if (result instanceof Submission.Invalid invalid) {
                    return html(HttpStatus.BAD_REQUEST, page.form(invalid.template(), invalid.errors(),
                            invalid.form()));
                }
                return refused(page, ((Submission.Refused) result).outcome());
            });
        });
    }

    private static ResponseEntity<String> refused(SurveyPage page, TokenOutcome outcome) {
        HttpStatus status = outcome == TokenOutcome.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        return html(status, page.refused(outcome));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                // the token is in the address: do not leak it to other sites; no external resources at all
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "script-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
                .body(body);
    }

    /** zh-CN unless {@code ?lang=en} or the browser prefers English. */
    static Locale locale(String lang, ServerWebExchange exchange) {
        if (lang != null) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        return com.huifang.platform.problem.ProblemRenderer.localeOf(exchange);
    }
}
