package com.huifang.schedule.visit.domain;

import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Rung;
import com.huifang.schedule.plan.domain.Spacing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A customer's consent (客户自愿原则).
 *
 * @param optedOutChannels consent codes refused: PHONE, SMS, EMAIL, HOME_VISIT, LETTER
 * @param doNotContact     refuses all contact
 */
public record Consent(Set<String> optedOutChannels, boolean doNotContact) {

    public static final Consent ANY = new Consent(Set.of(), false);

    public Consent {
        optedOutChannels = optedOutChannels == null ? Set.of() : Set.copyOf(optedOutChannels);
    }

    public boolean allows(Channel channel) {
        return !doNotContact && !optedOutChannels.contains(channel.consentCode());
    }

    /**
     * The ladder this customer may be reached on: refused channels removed; a customer who refuses
     * calls is reached by SMS/e-mail link instead (PRODUCT.md, Consent), so a link rung is put first
     * when the plan's ladder has none left. Empty when nothing is left: the visit counts as refused.
     */
    public List<Rung> ladder(List<Rung> planLadder) {
        if (doNotContact) {
            return List.of();
        }
        List<Rung> kept = new ArrayList<>();
        for (Rung r : planLadder) {
            if (allows(r.channel())) {
                kept.add(r);
            }
        }
        boolean refusesCalls = optedOutChannels.contains(Channel.PHONE.consentCode())
                && planLadder.stream().anyMatch(r -> r.channel().isPhone());
        if (refusesCalls && kept.stream().noneMatch(r -> r.channel().isLink())) {
            Channel link = allows(Channel.SMS_LINK) ? Channel.SMS_LINK : allows(Channel.EMAIL_LINK) ? Channel.EMAIL_LINK : null;
            if (link != null) {
                kept.add(0, new Rung(link, 1, Spacing.NEXT_WINDOW, 0));
            }
        }
        return List.copyOf(kept);
    }
}
