package com.huifang.customer.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErasureRequestTests {

    private static final Instant T = Instant.parse("2026-03-02T02:00:00Z");
    private static final List<String> HOLDERS = List.of("survey-service", "schedule-service");

    private static ErasureRequest anonymised(Map<String, Instant> confirmations) {
        return new ErasureRequest("r-1", ErasureRequest.State.ANONYMISED, T, "sup-1", "SUPERVISOR", T, "e-1",
                confirmations);
    }

    @Test
    void anAnonymisedRequestIsPublishedOnceItsEventLeftTheOutbox() {
        assertThat(anonymised(Map.of()).relayed(true).state()).isEqualTo(ErasureRequest.State.ANONYMISED);
        assertThat(anonymised(Map.of()).relayed(false).state()).isEqualTo(ErasureRequest.State.PUBLISHED);
        assertThat(ErasureRequest.requested("r-1", "sup-1", "SUPERVISOR", T).relayed(false).state())
                .isEqualTo(ErasureRequest.State.REQUESTED);
    }

    @Test
    void aPublishedRequestStaysPendingUntilEveryHolderConfirmed() {
        ErasureRequest published = anonymised(Map.of("survey-service", T)).relayed(false);

        assertThat(published.isComplete(HOLDERS)).isFalse();
        assertThat(published.pendingServices(HOLDERS)).containsExactly("schedule-service");
        assertThat(anonymised(Map.of("survey-service", T, "schedule-service", T)).relayed(false).isComplete(HOLDERS))
                .isTrue();
        // confirmed by all but not yet published: not complete
        assertThat(anonymised(Map.of("survey-service", T, "schedule-service", T)).relayed(true).isComplete(HOLDERS))
                .isFalse();
    }

    @Test
    void aConfirmationIsKeptWhateverTheStateAndTheFirstOneOfAServiceStands() {
        Instant later = T.plusSeconds(60);
        ErasureRequest stillInOutbox = anonymised(Map.of()).relayed(true).confirmedBy("survey-service", T);

        assertThat(stillInOutbox.confirmations()).containsEntry("survey-service", T);
        assertThat(stillInOutbox.confirmedBy("survey-service", later).confirmations())
                .containsExactlyEntriesOf(Map.of("survey-service", T));
    }

    @Test
    void completionIsDueOnceWhenPublishedAndConfirmedByAll() {
        ErasureRequest all = anonymised(Map.of()).confirmedBy("survey-service", T).confirmedBy("schedule-service", T);

        assertThat(all.relayed(true).needsCompletion(HOLDERS)).isFalse();
        assertThat(all.relayed(false).needsCompletion(HOLDERS)).isTrue();
        ErasureRequest stamped = new ErasureRequest("r-1", ErasureRequest.State.ANONYMISED, T, "sup-1", "SUPERVISOR", T,
                "e-1", all.confirmations(), T);
        assertThat(stamped.relayed(false).needsCompletion(HOLDERS)).isFalse();
        assertThat(stamped.relayed(false).isComplete(HOLDERS)).isTrue();
    }

    @Test
    void onlyPlainServiceNamesAreRecordedAsConfirmingServices() {
        assertThat(ErasureRequest.isServiceName("reporting-service")).isTrue();
        assertThat(ErasureRequest.isServiceName("a.b")).isFalse();
        assertThat(ErasureRequest.isServiceName("$where")).isFalse();
        assertThat(ErasureRequest.isServiceName("")).isFalse();
        assertThat(ErasureRequest.isServiceName(null)).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> anonymised(Map.of()).confirmedBy("x.y", T));
    }
}
