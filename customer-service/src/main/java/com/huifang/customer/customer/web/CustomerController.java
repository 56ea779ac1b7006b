package com.huifang.customer.customer.web;

import com.huifang.customer.customer.store.CustomerRepository;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
@Validated
public class CustomerController {

    private final CustomerRepository customers;

    public CustomerController(CustomerRepository customers) {
        this.customers = customers;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One customer of the caller's tenant")
    public Mono<CustomerView> get(Caller caller, @PathVariable String id) {
        return customers.findByIdAndTenantId(id, caller.tenantId())
                .map(CustomerView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("customer", id)));
    }

    @GetMapping
    @Operation(summary = "Customers of the caller's tenant, a page at a time")
    public Mono<CustomerPage> list(Caller caller,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return customers.findByTenantIdOrderByIdAsc(caller.tenantId(), PageRequest.of(page, size))
                .map(CustomerView::of)
                .collectList()
                .zipWith(customers.countByTenantId(caller.tenantId()))
                .map(t -> new CustomerPage(t.getT1(), page, size, t.getT2()));
    }

    public record CustomerPage(List<CustomerView> items, int page, int size, long total) {
    }
}
