package com.huifang.schedule.customer;

import com.huifang.calendar.DailyWindows;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.platform.mongo.VersionedCopies;
import com.huifang.schedule.customer.store.CustomerCopyDocument;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The per-tenant customer copies kept from {@code CustomerProfileChanged}: the profile with the
 * highest version wins (a replayed older event changes nothing), {@code CustomerErased} blanks the
 * copy and keeps it blank.
 */
@Service
public class CustomerCopies {

    private static final Logger log = LoggerFactory.getLogger(CustomerCopies.class);

    private final ReactiveMongoTemplate mongo;
    private final VersionedCopies<CustomerCopyDocument> copies;

    public CustomerCopies(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.copies = VersionedCopies.of(mongo, CustomerCopyDocument.class, "profileVersion").sealedBy("erased");
    }

    /**
     * What planning and assignment take from the copy.
     *
     * @param version the copy's profile version (0: no copy)
     */
    public record Profile(DailyWindows preferredHours, ZoneId zone, String preferredChannel, List<String> contactChannels,
                          List<String> staffIds, String category, int version) {
        public static final Profile NONE = new Profile(null, null, null, List.of(), List.of(), null, 0);

        /**
         * What of the profile the rule engine's timing and channel depend on (preferred hours, zone,
         * preferred and reachable channels): a visit planned with another key is re-planned when it changes.
         */
        public String planningKey() {
            return "hours=" + (preferredHours == null ? "" : preferredHours) + ";zone=" + (zone == null ? "" : zone)
                    + ";preferred=" + (preferredChannel == null ? "" : preferredChannel)
                    + ";reachable=" + contactChannels.stream().sorted().toList();
        }

        /** The preference changes between a visit's key and this profile, for the explanation. */
        public String describeChanges(String plannedWithKey) {
            if (plannedWithKey == null) {
                return "preferred hours " + (preferredHours == null ? "none" : preferredHours) + ", channel "
                        + (preferredChannel == null ? "none" : preferredChannel);
            }
            List<String> changed = new ArrayList<>();
            java.util.Map<String, String> before = parts(plannedWithKey);
            java.util.Map<String, String> after = parts(planningKey());
            before.forEach((k, v) -> {
                if (!v.equals(after.get(k))) {
                    changed.add(k + " " + (v.isEmpty() ? "none" : v) + " → " + (after.get(k).isEmpty() ? "none" : after.get(k)));
                }
            });
            return String.join(", ", changed);
        }

        private static java.util.Map<String, String> parts(String key) {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            for (String part : key.split(";")) {
                int eq = part.indexOf('=');
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
            return m;
        }
    }

    public Mono<Void> onProfile(EventEnvelope envelope, CustomerProfileChanged e) {
        Update update = new Update()
                .set("tenantId", envelope.tenantId())
                .set("customerId", e.customerId())
                .set("contactChannels", copy(e.contactChannels()))
                .set("preferredHours", copy(e.preferredHours()))
                .set("staffIds", copy(e.staffIds()))
                .set("changedAt", e.changedAt() == null ? envelope.occurredAt() : e.changedAt())
                .setOnInsert("erased", false);
        setOrUnset(update, "salutation", e.salutation());
        setOrUnset(update, "title", e.title());
        setOrUnset(update, "maskedPhone", e.maskedPhone());
        setOrUnset(update, "category", e.category());
        setOrUnset(update, "preferredChannel", e.preferredChannel());
        setOrUnset(update, "zoneId", e.zoneId());
        setOrUnset(update, "household", e.household());
        // older, a replay, or an erased customer: nothing changes
        return copies.offer(CustomerCopyDocument.idOf(envelope.tenantId(), e.customerId()), e.version(), update).then();
    }

    /**
     * Blanks the copy for good: nothing personal stays, later (replayed) profiles are ignored.
     *
     * @return how many copies were anonymised: 1, or 0 when there was none or it was blank already
     */
    public Mono<Integer> onErased(String tenantId, String customerId) {
        Update blank = new Update()
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("customerId", customerId)
                .setOnInsert("profileVersion", 0)
                .set("contactChannels", List.of())
                .set("preferredHours", List.of())
                .set("staffIds", List.of());
        for (String personal : List.of("salutation", "title", "maskedPhone", "category", "preferredChannel", "zoneId",
                "household", "changedAt")) {
            blank.unset(personal);
        }
        return copies.seal(CustomerCopyDocument.idOf(tenantId, customerId), blank)
                .map(before -> before.erased ? 0 : 1)
                .defaultIfEmpty(0);
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field); // as a saved document would: a null field is left out
        } else {
            update.set(field, value);
        }
    }

    public Mono<CustomerCopyDocument> copy(String tenantId, String customerId) {
        return mongo.findById(CustomerCopyDocument.idOf(tenantId, customerId), CustomerCopyDocument.class)
                .filter(d -> !d.erased);
    }

    /** The copies of several customers of one tenant, by customer id. */
    public Mono<Map<String, CustomerCopyDocument>> copies(String tenantId, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = customerIds.stream().distinct().map(c -> CustomerCopyDocument.idOf(tenantId, c)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and("tenantId").is(tenantId)), CustomerCopyDocument.class)
                .filter(d -> !d.erased)
                .collectMap(d -> d.customerId, Function.identity());
    }

    /** The customer's profile for planning; {@link Profile#NONE} without a copy. Unparseable hours are ignored (logged). */
    public Mono<Profile> profile(String tenantId, String customerId) {
        return copy(tenantId, customerId).map(CustomerCopies::profileOf).defaultIfEmpty(Profile.NONE);
    }

    public static Profile profileOf(CustomerCopyDocument d) {
        DailyWindows hours = null;
        if (d.preferredHours != null && !d.preferredHours.isEmpty()) {
            try {
                hours = DailyWindows.parse(String.join(",", d.preferredHours));
            } catch (RuntimeException bad) {
                log.warn("Customer {}: preferred hours {} unusable, plan windows apply: {}", d.customerId, d.preferredHours,
                        bad.getMessage());
            }
        }
        ZoneId zone = null;
        if (d.zoneId != null) {
            try {
                zone = ZoneId.of(d.zoneId);
            } catch (RuntimeException bad) {
                log.warn("Customer {}: unknown zone {}", d.customerId, d.zoneId);
            }
        }
        return new Profile(hours, zone, d.preferredChannel, copy(d.contactChannels), copy(d.staffIds), d.category,
                d.profileVersion);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? new ArrayList<>() : list.stream().filter(s -> s != null && !s.isBlank())
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
