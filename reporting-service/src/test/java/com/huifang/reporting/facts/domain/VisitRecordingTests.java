package com.huifang.reporting.facts.domain;

import static com.huifang.reporting.facts.domain.ReportingEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.events.VisitAttempted;
import com.huifang.reporting.facts.store.FactJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Recording references and the other personal details of a visit fact: kept, merged, stripped, erased. */
class VisitRecordingTests {

    private static final Instant DUE = Instant.parse("2026-11-03T02:00:00Z");

    static AppliedEvent recorded(int no, String ref, Instant at) {
        return event("t1", "rec-" + no + "-" + ref, at, new VisitAttempted("v1", "c1", "P1", no, "PHONE", "REACHED",
                5, 60, "a1", at, ref));
    }

    @Test
    void recordingReferencesArePerAttemptInAnyOrderAndTheLatestIsTheOneToListenTo() {
        var first = recorded(1, "rec/1", DUE);
        var second = recorded(2, "rec/2", DUE.plusSeconds(60));
        var unrecorded = attempted("t1", "v1", "P1", 3, "NO_ANSWER", "a1", DUE.plusSeconds(120));
        VisitFact a = VisitFact.empty("t1", "v1").apply(first).apply(second).apply(unrecorded);
        VisitFact b = VisitFact.empty("t1", "v1").apply(unrecorded).apply(second).apply(first).apply(second);
        assertThat(a).isEqualTo(b);
        assertThat(a.recordings()).containsExactly(Map.entry(1, "rec/1"), Map.entry(2, "rec/2"));
        assertThat(a.latestRecording()).isEqualTo("rec/2");
        assertThat(a.lastContactAt()).isEqualTo(DUE.plusSeconds(120));
    }

    @Test
    void twoReferencesForOneAttemptKeepTheLargerWhicheverArrivesFirst() {
        var x = recorded(1, "rec/a", DUE);
        var y = recorded(1, "rec/b", DUE);
        assertThat(VisitFact.empty("t1", "v1").apply(x).apply(y))
                .isEqualTo(VisitFact.empty("t1", "v1").apply(y).apply(x));
        assertThat(VisitFact.empty("t1", "v1").apply(x).apply(y).latestRecording()).isEqualTo("rec/b");
    }

    @Test
    void personalDetailsComeApartAndBackWithoutChangingTheFact() {
        VisitFact f = VisitFact.empty("t1", "v1")
                .apply(planned("t1", "v1", null, "P1", DUE, null, "PHONE", "a1"))
                .apply(recorded(1, "rec/1", DUE))
                .apply(survey("t1", "v1", "P1", "a1", DUE.plusSeconds(3600), 5.0, true, 10, null, false, "很好"));
        VisitFact.PersonalDetails details = f.personalDetails();
        assertThat(details.comments()).containsExactly("很好");
        assertThat(details.recordings()).containsEntry(1, "rec/1");
        VisitFact stripped = f.withoutPersonalDetails();
        assertThat(FactJson.write(stripped)).doesNotContain("很好", "rec/1");
        assertThat(stripped.rating()).isEqualTo(5.0);
        assertThat(stripped.lastContactAt()).isEqualTo(DUE.plusSeconds(3600));
        VisitFact back = FactJson.read(FactJson.write(stripped), VisitFact.class).withPersonalDetails(details);
        assertThat(back.personalDetails()).isEqualTo(f.personalDetails());
        assertThat(back.rating()).isEqualTo(f.rating());
    }

    @Test
    void anErasedFactDropsItsRecordingsAndTakesNoNewOnes() {
        VisitFact erased = VisitFact.empty("t1", "v1").apply(recorded(1, "rec/1", DUE)).erase();
        assertThat(erased.recordings()).isEmpty();
        assertThat(erased.apply(recorded(2, "rec/2", DUE)).recordings()).isEmpty();
        assertThat(erased.withPersonalDetails(new VisitFact.PersonalDetails(List.of("x"), "n",
                new TreeMap<>(Map.of(3, "rec/3")))).personalDetails().isEmpty()).isTrue();
    }

    @Test
    void aServiceEventFactKeepsCategoryStaffAndSamplingFlagsButNeverThePartnersFreeAttributes() {
        var recorded = event("t1", "se-attr", T0, new com.huifang.contracts.events.ServiceEventRecorded("se1", "c1",
                "DISCHARGED", T0, null, "住院", List.of("s1"), "PARTNER_HTTP", "p-1",
                Map.of("contactName", "李四", "ward", "5", "newContract", "true", "newStaff", "王五")));
        ServiceEventFact f = ServiceEventFact.empty("t1", "se1").apply(recorded);
        assertThat(f.customerCategory()).isEqualTo("住院");
        assertThat(f.staffIds()).containsExactly("s1");
        assertThat(FactJson.write(f)).doesNotContain("李四", "contactName", "王五");
        // the sampling flags stay: sampling compliance counts the households that must be in every sample
        assertThat(f.recorded().value().attributes()).isEqualTo(Map.of("newContract", "true"));
        assertThat(f.apply(recorded)).isEqualTo(f);
    }

    @Test
    void aFactStoredBeforeRecordingsExistedReadsWithNone() {
        String legacy = FactJson.write(VisitFact.empty("t1", "v1")).replaceAll(",\"recordings\":\\{\\}", "")
                .replaceAll(",\"lastAttemptAt\":null", "");
        assertThat(legacy).doesNotContain("recordings");
        VisitFact read = FactJson.read(legacy, VisitFact.class);
        assertThat(read.recordings()).isEmpty();
        assertThat(read).isEqualTo(VisitFact.empty("t1", "v1"));
    }
}
