package com.huifang.customer.partner.domain;

import com.huifang.customer.customer.domain.FieldError;
import com.huifang.customer.customer.domain.InvalidInputException;
import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.customer.customer.domain.Validated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of up to 500 partner events, validated item by item: one bad item does not reject the
 * others. An item whose event id repeats an earlier item of the same batch is reported as a
 * duplicate of it (the adapter answers with the first item's result, as for a replay).
 */
public final class PartnerBatch {

    public static final int MAX_ITEMS = 500;

    public enum Status { ACCEPTED, REJECTED, DUPLICATE_IN_BATCH }

    /**
     * @param index       position in the batch, from 0
     * @param duplicateOf for {@link Status#DUPLICATE_IN_BATCH}: the index of the first item with the id
     * @param event       for {@link Status#ACCEPTED}
     * @param errors      for {@link Status#REJECTED}, paths relative to the item
     */
    public record ItemResult(int index, String partnerEventId, Status status, PartnerServiceEvent event,
                             List<FieldError> errors, Integer duplicateOf) {
        public ItemResult {
            errors = List.copyOf(errors);
        }
    }

    private PartnerBatch() {
    }

    /**
     * @throws InvalidInputException when the batch is empty or has more than {@value #MAX_ITEMS} items
     *                               (path {@code events}): then no item is looked at
     */
    public static List<ItemResult> validate(String partnerId, List<PartnerServiceEventDraft> items, TenantCodes codes,
                                            Instant now) {
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException(new FieldError("events", "required", "a batch needs at least one event"));
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInputException(new FieldError("events", "too-many",
                    "a batch has at most " + MAX_ITEMS + " events"));
        }
        List<ItemResult> results = new ArrayList<>(items.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            PartnerServiceEventDraft item = items.get(i);
            if (item == null) {
                results.add(new ItemResult(i, null, Status.REJECTED, null,
                        List.of(new FieldError("", "required", "is required")), null));
                continue;
            }
            String id = item.partnerEventId();
            Integer first = id == null ? null : firstIndex.putIfAbsent(id, i);
            if (first != null) {
                results.add(new ItemResult(i, id, Status.DUPLICATE_IN_BATCH, null, List.of(), first));
                continue;
            }
            Validated<PartnerServiceEvent> v = PartnerServiceEvent.validate(partnerId, item, codes, now);
            results.add(v.isValid()
                    ? new ItemResult(i, id, Status.ACCEPTED, v.orThrow(), List.of(), null)
                    : new ItemResult(i, id, Status.REJECTED, null, v.errors(), null));
        }
        return results;
    }
}
