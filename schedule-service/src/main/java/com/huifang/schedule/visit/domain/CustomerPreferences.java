package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.schedule.plan.domain.Rung;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the customer asked for; it wins over the plan.
 *
 * @param preferredHours      the customer's own calling hours; null if none
 * @param requestedCallbackAt a time the customer asked to be called back; null if none
 * @param consent             channels refused, or all contact refused
 * @param preferredChannel    the contact channel the customer prefers (PHONE, SMS, EMAIL, HOME_VISIT, LETTER); null if none
 * @param contactChannels     the contact channels the customer can be reached on; empty = unknown, every channel
 */
public record CustomerPreferences(DailyWindows preferredHours, Instant requestedCallbackAt, Consent consent,
                                  String preferredChannel, Set<String> contactChannels) {

    public static final CustomerPreferences NONE = new CustomerPreferences(null, null, Consent.ANY);

    public CustomerPreferences {
        consent = consent == null ? Consent.ANY : consent;
        contactChannels = contactChannels == null ? Set.of() : Set.copyOf(contactChannels);
    }

    public CustomerPreferences(DailyWindows preferredHours, Instant requestedCallbackAt, Consent consent) {
        this(preferredHours, requestedCallbackAt, consent, null, Set.of());
    }

    /**
     * The consented ladder shaped by what the customer can be reached on and prefers: rungs on a
     * channel the customer has no contact for are dropped (unless that would leave none: an unknown
     * contact list is no reason to give up), and the preferred channel's first rung moves to the top.
     */
    public List<Rung> shape(List<Rung> consented, List<String> explain) {
        List<Rung> out = new ArrayList<>(consented);
        if (!contactChannels.isEmpty()) {
            List<Rung> reachable = out.stream().filter(r -> contactChannels.contains(r.channel().consentCode())).toList();
            if (!reachable.isEmpty() && reachable.size() < out.size()) {
                explain.add("customer reachable on " + contactChannels.stream().sorted().toList() + " → ladder "
                        + reachable.stream().map(r -> r.channel().name()).toList());
                out = new ArrayList<>(reachable);
            }
        }
        // a preferred PHONE is already first when the ladder starts with either phone number
        if (preferredChannel != null && !out.isEmpty() && !out.get(0).channel().consentCode().equals(preferredChannel)) {
            for (int i = 1; i < out.size(); i++) {
                // never a costly rung (home visit, letter) first: they are capped at 10 % of all visits
                if (out.get(i).channel().consentCode().equals(preferredChannel) && !out.get(i).channel().isCostly()) {
                    Rung preferred = out.remove(i);
                    out.add(0, preferred);
                    explain.add("customer prefers " + preferredChannel + ": " + preferred.channel() + " first");
                    break;
                }
            }
        }
        return List.copyOf(out);
    }
}
