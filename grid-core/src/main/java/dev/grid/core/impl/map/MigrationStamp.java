package dev.grid.core.impl.map;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the migrations and promotions this member takes part in, as {@link GridMapService} hears of them: one start
 * ({@code beforeMigration}) and one end (commit or rollback) each. A read done off the partition threads trusts the
 * partition table it checked at its start only if no migration was under way then ({@link #quiet}) and none started or
 * ended before it finished ({@link #unchangedSince}): a replica leaves a member only at the end of a migration that
 * started on it, and after the partition table says so.
 */
final class MigrationStamp {
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();

    void started() {
        started.incrementAndGet();
    }

    void ended() {
        ended.incrementAndGet();
    }

    /** @return the stamp to check after the read, or -1 if a migration of this member is under way */
    long quiet() {
        long end = ended.get();
        long start = started.get();
        return start == end ? start : -1;
    }

    /** @return whether no migration started or ended since {@link #quiet} gave the stamp */
    boolean unchangedSince(long stamp) {
        return stamp >= 0 && started.get() == stamp && ended.get() == stamp;
    }
}
