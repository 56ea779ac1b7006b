package com.huifang.feedback.issue.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class IssueApiTests extends FeedbackIntegrationTest {

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aComplaintEnteredByStaffIsRoutedByCategoryAndAudited() {
        String tenant = newTenant();
        String staff = token(tenant, "handler-li", "HANDLER");
        JsonNode issue = raise(staff, "DELIVERY", "c-1", List.of("installer-7"));
        assertThat(issue.get("state").asText()).isEqualTo("OPEN");
        assertThat(issue.get("source").asText()).isEqualTo("STAFF");
        assertThat(issue.get("department").asText()).isEqualTo("logistics");
        assertThat(issue.get("ownerQueue").asText()).isEqualTo("logistics-queue");
        assertThat(texts(issue.get("allowed"))).contains("acknowledge", "waive").doesNotContain("start", "resolve");
        JsonNode audit = get(staff, "/api/issues/{id}/audit", issue.get("id").asText());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("RAISE");
        assertThat(audit.get(0).get("actorId").asText()).isEqualTo("handler-li");
        assertThat(audit.get(0).get("role").asText()).isEqualTo("HANDLER");
    }

    @Test
    void whenTheCategoryIsUnknownThenTheIssueIsRejectedAndNothingStored() {
        String tenant = newTenant();
        String staff = token(tenant, "handler-li", "HANDLER");
        http.post().uri("/api/issues").headers(h -> h.setBearerAuth(staff)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "NO_SUCH", "description", "x", "customerId", "c-1"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/issues").headers(h -> h.setBearerAuth(staff)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "DELIVERY", "customerId", "c-1"))
                .exchange().expectStatus().isBadRequest();
        assertThat(get(token(tenant, "sup", "SUPERVISOR"), "/api/issues")).isEmpty();
    }

    @Test
    void aPartnerOrAnAgentMayRaiseButAnAgentOnlyDuringAVisit() {
        String tenant = newTenant();
        JsonNode byPartner = raise(token(tenant, "crm", "PARTNER"), "QUALITY", "c-1", List.of());
        assertThat(byPartner.get("source").asText()).isEqualTo("PARTNER");
        http.post().uri("/api/issues").headers(h -> h.setBearerAuth(token(tenant, "agent", "AGENT")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "QUALITY", "description", "x", "customerId", "c-1"))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/issues").headers(h -> h.setBearerAuth(token(tenant, "agent", "AGENT")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "QUALITY", "description", "x", "customerId", "c-1", "visitId", "v-1"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.source").isEqualTo("AGENT").jsonPath("$.visitId").isEqualTo("v-1");
    }

    @Test
    void everyTransitionIsAllowedOrRefusedWithTheAllowedActionsListed() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String supervisor = token(tenant, "sup-wang", "SUPERVISOR");
        String id = raise(handler, "QUALITY", "c-1", List.of()).get("id").asText();

        // OPEN: no start, no resolve
        JsonNode refused = act(handler, id, "start", null).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("state").asText()).isEqualTo("OPEN");
        assertThat(texts(refused.get("allowed"))).contains("acknowledge", "waive", "wait", "assign")
                .doesNotContain("start", "resolve");
        act(handler, id, "resolve", Map.of("note", "fixed")).expectStatus().isEqualTo(409);

        act(handler, id, "acknowledge", Map.of("note", "called back")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED").jsonPath("$.ownerId").isEqualTo("handler-li");
        act(handler, id, "acknowledge", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowed[0]").exists();
        act(handler, id, "start", null).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS");
        act(handler, id, "wait", Map.of()).expectStatus().isBadRequest();
        act(handler, id, "wait", Map.of("reason", "customer away until Friday")).expectStatus().isOk()
                .expectBody().jsonPath("$.waitingOnCustomer").isEqualTo(true);
        act(handler, id, "resume", null).expectStatus().isOk().expectBody().jsonPath("$.waitingOnCustomer").isEqualTo(false);
        act(supervisor, id, "assign", Map.of("ownerId", "handler-zhao")).expectStatus().isOk()
                .expectBody().jsonPath("$.ownerId").isEqualTo("handler-zhao");

        // a quality issue needs a note and a fix date no later than the next working day
        act(handler, id, "resolve", Map.of("fixDate", "2026-03-03")).expectStatus().isBadRequest();
        act(handler, id, "resolve", Map.of("note", "hinge replaced")).expectStatus().isBadRequest();
        act(handler, id, "resolve", Map.of("note", "hinge replaced", "fixDate", "2026-03-10")).expectStatus().isBadRequest();
        act(handler, id, "resolve", Map.of("note", "hinge replaced", "fixDate", "2026-03-03")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("RESOLVED").jsonPath("$.resolutionNote").isEqualTo("hinge replaced");

        JsonNode resolved = act(handler, id, "start", null).expectStatus().isEqualTo(409)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(texts(resolved.get("allowed"))).containsExactlyInAnyOrder("waive", "attachments");

        // only a supervisor waives, and only with a reason
        act(handler, id, "waive", Map.of("reason", "duplicate")).expectStatus().isForbidden();
        act(supervisor, id, "waive", Map.of("reason", " ")).expectStatus().isBadRequest();
        act(supervisor, id, "waive", Map.of("reason", "customer moved abroad")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED");
        JsonNode closed = act(supervisor, id, "waive", Map.of("reason", "again")).expectStatus().isEqualTo(409)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(closed.get("allowed")).isEmpty();

        JsonNode audit = get(supervisor, "/api/issues/{id}/audit", id);
        var actions = new ArrayList<String>();
        audit.forEach(a -> actions.add(a.get("action").asText()));
        assertThat(actions).containsExactly("RAISE", "ACKNOWLEDGE", "START", "WAIT_ON_CUSTOMER", "CUSTOMER_REPLIED",
                "ASSIGN", "RESOLVE", "WAIVE");
        JsonNode waive = audit.get(audit.size() - 1);
        assertThat(waive.get("actorId").asText()).isEqualTo("sup-wang");
        assertThat(waive.get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(waive.get("from").asText()).isEqualTo("RESOLVED");
        assertThat(waive.get("to").asText()).isEqualTo("CLOSED");
        assertThat(waive.get("why").asText()).isEqualTo("customer moved abroad");
    }

    @Test
    void queuesByOwnerDepartmentAndStaffMemberConcerned() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String a = raise(handler, "DELIVERY", "c-1", List.of("installer-7")).get("id").asText();
        raise(handler, "QUALITY", "c-2", List.of("installer-7", "sales-3"));
        act(handler, a, "acknowledge", null).expectStatus().isOk();

        JsonNode mine = get(handler, "/api/issues/mine");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asText()).isEqualTo(a);
        assertThat(get(token(tenant, "handler-zhao", "HANDLER"), "/api/issues/mine")).isEmpty();
        assertThat(get(handler, "/api/issues?department=after-sales")).hasSize(1);
        assertThat(get(handler, "/api/issues?staffId=installer-7")).hasSize(2);
        JsonNode counts = get(handler, "/api/issues/staff-complaints");
        assertThat(counts.get("installer-7").asLong()).isEqualTo(2);
        assertThat(counts.get("sales-3").asLong()).isEqualTo(1);
    }

    @Test
    void anotherTenantSeesAndChangesNothing() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String id = raise(handler, "DELIVERY", "c-1", List.of("installer-7")).get("id").asText();
        act(handler, id, "acknowledge", null).expectStatus().isOk();

        String other = token(newTenant(), "handler-li", "HANDLER", "SUPERVISOR");
        assertThat(get(other, "/api/issues")).isEmpty();
        assertThat(get(other, "/api/issues/mine")).isEmpty();
        assertThat(get(other, "/api/issues/overdue")).isEmpty();
        assertThat(get(other, "/api/issues/at-risk")).isEmpty();
        assertThat(get(other, "/api/issues/staff-complaints")).isEmpty();
        http.get().uri("/api/issues/{id}", id).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/issues/{id}/audit", id).headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
        act(other, id, "start", null).expectStatus().isNotFound();
        act(other, id, "resolve", Map.of("note", "x")).expectStatus().isNotFound();
        act(other, id, "wait", Map.of("reason", "x")).expectStatus().isNotFound();
        act(other, id, "resume", null).expectStatus().isNotFound();
        act(other, id, "assign", Map.of("ownerId", "x")).expectStatus().isNotFound();
        act(other, id, "waive", Map.of("reason", "x")).expectStatus().isNotFound();
        act(other, id, "acknowledge", null).expectStatus().isNotFound();
        get(handler, "/api/issues/{id}", id);
        assertThat(get(handler, "/api/issues/{id}/audit", id)).hasSize(2);
    }

    @Test
    void supervisorsSetTheRulesAndUnknownCategoriesAreRejected() {
        String tenant = newTenant();
        String supervisor = token(tenant, "sup-wang", "SUPERVISOR");
        JsonNode defaults = get(supervisor, "/api/issues/rules");
        assertThat(defaults.get("businessHours").asText()).isEqualTo("09:00-12:00, 13:00-18:00");
        http.get().uri("/api/issues/rules").headers(h -> h.setBearerAuth(token(tenant, "h", "HANDLER"))).exchange()
                .expectStatus().isForbidden();

        var categories = List.of(
                Map.of("code", "DISSATISFACTION", "firstResponseHours", 4, "resolutionWorkingDays", 5),
                Map.of("code", "AGENT_FLAG", "firstResponseHours", 2, "resolutionWorkingDays", 2),
                Map.of("code", "BILLING", "firstResponseHours", 8, "resolutionWorkingDays", 3));
        var routes = new ArrayList<Map<String, Object>>(List.of(
                Map.of("category", "DISSATISFACTION", "department", "service", "ownerQueue", "service-q"),
                Map.of("category", "AGENT_FLAG", "department", "service", "ownerQueue", "service-q"),
                Map.of("category", "BILLING", "department", "finance", "ownerQueue", "finance-q")));
        var badRoutes = new ArrayList<>(routes);
        badRoutes.add(Map.of("category", "NOT_LISTED", "department", "x", "ownerQueue", "x"));
        http.put().uri("/api/issues/rules").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("businessHours", "09:00-17:00", "leadershipQueue", "board", "categories", categories,
                        "routes", badRoutes))
                .exchange().expectStatus().isBadRequest();
        http.put().uri("/api/issues/rules").headers(h -> h.setBearerAuth(token(tenant, "h", "HANDLER")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("businessHours", "09:00-17:00", "leadershipQueue", "board", "categories", categories,
                        "routes", routes))
                .exchange().expectStatus().isForbidden();
        http.put().uri("/api/issues/rules").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("businessHours", "09:00-17:00", "leadershipQueue", "board", "categories", categories,
                        "routes", routes))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.categories.length()").isEqualTo(3);

        assertThat(raise(supervisor, "BILLING", "c-1", List.of()).get("department").asText()).isEqualTo("finance");
        http.post().uri("/api/issues").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "DELIVERY", "description", "x", "customerId", "c-1"))
                .exchange().expectStatus().isBadRequest();
        // another tenant keeps the defaults
        assertThat(get(token(newTenant(), "s", "SUPERVISOR"), "/api/issues/rules").get("categories").size()).isEqualTo(8);
    }

    @Test
    void aQueuesIssuesAreListedByOwnerQueueWithinTheTenant() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String delivery = raise(handler, "DELIVERY", "c-1", List.of()).get("id").asText();
        raise(handler, "QUALITY", "c-2", List.of());
        raise(token(newTenant(), "handler-li", "HANDLER"), "DELIVERY", "c-3", List.of());
        JsonNode queue = get(handler, "/api/issues?ownerQueue=logistics-queue");
        assertThat(queue.findValuesAsText("id")).containsExactly(delivery);
    }
}
