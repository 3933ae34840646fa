package dev.grid.server.impl.chaos;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a chaos run.
 *
 * @param rounds       one per kill
 * @param acknowledged writes acknowledged in all
 * @param failures     writes not acknowledged, by exception
 * @param finalCheck   the read-back after the writers stopped
 */
public record ChaosReport(ChaosSettings settings, FirstUse firstUse, List<KillRound> rounds, long acknowledged,
                          Map<String, Long> failures, LedgerChecker.Result finalCheck) {

    /** @return whether every acknowledged write was found, after every kill and at the end */
    public boolean ok() {
        return finalCheck.ok() && rounds.stream().allMatch(round -> round.check().ok());
    }

    /** @return acknowledged writes found lost, over every check */
    public int lostWrites() {
        return finalCheck.lost() + rounds.stream().mapToInt(round -> round.check().lost()).sum();
    }

    public int kills() {
        return rounds.size();
    }

    public long notAcknowledged() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return the writers' stall after each kill, in ms, in order (see {@link KillRound#stallMillis()}) */
    public long[] stallsMillis() {
        return rounds.stream().mapToLong(KillRound::stallMillis).toArray();
    }
}
