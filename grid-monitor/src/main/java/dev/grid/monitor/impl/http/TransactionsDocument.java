package dev.grid.monitor.impl.http;

import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.MonitoredTransaction;

import java.util.List;

/**
 * {@code GET /api/transactions}: the transactions in flight cluster-wide, in doubt first, and the heuristic outcomes kept.
 *
 * @param inFlightCount transactions in flight
 * @param inDoubtCount  of which in doubt
 * @param inFlight      the transactions in flight, with their ages
 * @param heuristics    the heuristic outcomes, newest first
 */
record TransactionsDocument(int inFlightCount, int inDoubtCount, List<Transaction> inFlight, List<HeuristicOutcome> heuristics) {

    static TransactionsDocument of(List<MonitoredTransaction> inFlight, List<HeuristicOutcome> heuristics, long now) {
        List<Transaction> transactions = inFlight.stream().map(t -> Transaction.of(t, now)).toList();
        int inDoubt = (int) inFlight.stream().filter(MonitoredTransaction::inDoubt).count();
        return new TransactionsDocument(transactions.size(), inDoubt, transactions, heuristics);
    }

    /** A transaction in flight, with its age and how long it has been in doubt at the time of the answer. */
    record Transaction(String txId, String state, boolean inDoubt, String node, List<String> resources, long beganAt, long ageMillis,
                       long preparedAt, long inDoubtMillis, String publisher) {
        static Transaction of(MonitoredTransaction t, long now) {
            return new Transaction(t.txId(), t.state(), t.inDoubt(), t.node(), t.resources(), t.beganAtMillis(),
                    Math.max(0, now - t.beganAtMillis()), t.preparedAtMillis(), t.inDoubtMillis(now), t.publisher());
        }
    }
}
