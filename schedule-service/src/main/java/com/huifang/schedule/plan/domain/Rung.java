package com.huifang.schedule.plan.domain;

/**
 * One rung of the channel ladder.
 *
 * @param channel        the channel
 * @param attempts       counted tries before falling to the next rung ("at least 3 tries", seed 004)
 * @param spacing        when the next try falls
 * @param minRingSeconds a phone try that rang shorter does not count (≥ 20 s, seed 004); 0 for other channels
 */
public record Rung(Channel channel, int attempts, Spacing spacing, int minRingSeconds) {

    public static final int MIN_RING_SECONDS = 20;

    public static Rung phone(Channel channel, int attempts) {
        return new Rung(channel, attempts, Spacing.ANOTHER_TIME_OF_DAY, MIN_RING_SECONDS);
    }

    public static Rung once(Channel channel) {
        return new Rung(channel, 1, Spacing.NEXT_WINDOW, 0);
    }
}
