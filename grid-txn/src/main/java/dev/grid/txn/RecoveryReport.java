package dev.grid.txn;

import java.util.List;

/**
 * What one recovery scan did.
 *
 * @param committed      ids of transactions whose branches recovery committed
 * @param rolledBack     ids of transactions whose branches recovery rolled back (prepared, never decided)
 * @param inDoubt        transactions still in doubt after the scan
 * @param durationMillis how long the scan took
 * @since 0.1
 */
public record RecoveryReport(List<String> committed, List<String> rolledBack, List<InDoubtTransaction> inDoubt, long durationMillis) {

    /** Copies the lists. */
    public RecoveryReport {
        committed = List.copyOf(committed);
        rolledBack = List.copyOf(rolledBack);
        inDoubt = List.copyOf(inDoubt);
    }
}
