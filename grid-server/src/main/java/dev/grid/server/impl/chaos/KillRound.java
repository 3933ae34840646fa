package dev.grid.server.impl.chaos;

import java.util.List;
import java.util.Map;

/**
 * What one kill did.
 *
 * @param number           1 for the first kill
 * @param fault            how the member was taken down
 * @param victim           the killed member, described
 * @param inFlightAtKill   writes in flight when it died (their keys were frozen until the check)
 * @param longestGapMillis longest time without any acknowledged write, from the kill until the
 *                         survivors were safe
 * @param slowestAckMillis slowest write acknowledged in that time
 * @param slowestFailureMillis slowest write that failed in that time
 * @param settleMillis     from the kill until the survivors reported every partition safe
 * @param rejoinMillis     from the restart until all members reported every partition safe
 * @param failures         writes not acknowledged during the round, by exception
 * @param check            the read-back after the kill
 */
record KillRound(int number, ChaosFault fault, String victim, int inFlightAtKill, long longestGapMillis, long slowestAckMillis,
                 long slowestFailureMillis, long settleMillis, long rejoinMillis, Map<String, Long> failures, LedgerChecker.Result check) {

    /**
     * @return the writers' stall: the longest a caller waited for the answer to one write (acknowledged
     *         or failed), as a writer that waits for each write in turn would stall
     */
    long stallMillis() {
        return Math.max(slowestAckMillis, slowestFailureMillis);
    }

    long failureCount() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    String describe() {
        return String.format("kill %d: %s; %d writes in flight; stall %d ms (slowest ack %d ms, slowest error %d ms, "
                        + "longest gap between acks %d ms); safe again after %d ms, rejoined in %d ms; %d not acknowledged %s; check: %s",
                number, victim, inFlightAtKill, stallMillis(), slowestAckMillis, slowestFailureMillis, longestGapMillis,
                settleMillis, rejoinMillis,
                failureCount(), failures.isEmpty() ? "" : failures, check.ok()
                        ? check.keysRead() + " keys hold their acknowledged writes"
                        : check.lost() + " ACKNOWLEDGED WRITES LOST " + List.copyOf(check.examples()));
    }
}
