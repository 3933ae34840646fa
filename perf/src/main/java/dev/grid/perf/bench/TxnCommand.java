package dev.grid.perf.bench;

/**
 * {@code grid bench txn}: the transactions scenario waits for grid-txn (XA over GridMap and a
 * database) to land; until then it says so.
 */
final class TxnCommand {
    private TxnCommand() {
    }

    static int run() {
        System.out.println("txn scenario: not available yet");
        return 0;
    }
}
