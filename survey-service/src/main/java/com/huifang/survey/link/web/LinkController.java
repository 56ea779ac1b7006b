package com.huifang.survey.link.web;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.survey.link.LinkIssuing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Survey links")
public class LinkController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,20}");

    private final LinkIssuing issuing;

    public LinkController(LinkIssuing issuing) {
        this.issuing = issuing;
    }

    /** @param to the customer's e-mail address (EMAIL) or mobile number (SMS) */
    public record LinkRequest(@NotBlank @Size(max = 64) String visitId, @NotNull LinkIssuing.Channel channel,
                              @NotBlank @Size(max = 254) String to) {
    }

    @PostMapping("/api/surveys/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send the customer a single-use, expiring link to the visit's survey by e-mail or SMS; "
            + "the token is only in the message")
    public Mono<LinkIssuing.IssuedLink> issue(Caller caller, @Valid @RequestBody LinkRequest request) {
        Pattern shape = request.channel() == LinkIssuing.Channel.EMAIL ? EMAIL : PHONE;
        if (!shape.matcher(request.to().strip()).matches()) {
            return Mono.error(ApiProblem.invalidField("to", "invalid-address", "survey.link.invalid-address",
                    request.channel().name()));
        }
        return issuing.issue(caller.tenantId(), request.visitId(), request.channel(), request.to().strip());
    }
}
