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
 * @param answeredMillis   from the kill until every write in flight at the kill was answered
 * @param recoveredMillis  from the kill until all members, the restarted one included, reported every
 *                         partition safe
 * @param failures         writes not acknowledged during the round, by exception
 * @param check            the read-back after the kill
 */
record KillRound(int number, ChaosFault fault, String victim, int inFlightAtKill, long longestGapMillis, long slowestAckMillis,
                 long slowestFailureMillis, long answeredMillis, long recoveredMillis, Map<String, Long> failures, LedgerChecker.Result check) {

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
                        + "longest gap between acks %d ms); in-flight writes answered after %d ms, all members safe again after %d ms; "
                        + "%d not acknowledged %s; check: %s",
                number, victim, inFlightAtKill, stallMillis(), slowestAckMillis, slowestFailureMillis, longestGapMillis,
                answeredMillis, recoveredMillis,
                failureCount(), failures.isEmpty() ? "" : failures, check.ok()
                        ? check.keysRead() + " keys hold their acknowledged writes"
                        : check.lost() + " ACKNOWLEDGED WRITES LOST " + List.copyOf(check.examples()));
    }
}
