package dev.grid.txn.test;

import com.arjuna.ats.jta.xa.XATxConverter;
import com.arjuna.ats.jta.xa.XidImple;
import dev.grid.core.Grid;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.RecoveryReport;

import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recovery driven by hand in a restarted transaction manager JVM: scans ({@link GridTransactions#recoverNow()}) until
 * nothing of this node is in doubt anywhere (the object store, the grid's prepared branches, the database's), printing
 * one {@code SCAN} line per scan and {@code RECOVERED <ms> SCANS <n>} at the end.
 */
public final class RecoveryScans {
    private RecoveryScans() {
    }

    /** What the scans did. */
    public record Outcome(long millis, int scans, List<String> committed, List<String> rolledBack) {
    }

    /**
     * @throws IllegalStateException naming what is left if something is still in doubt after {@code maxScans} scans
     */
    public static Outcome untilNothingInDoubt(Grid grid, GridTransactions txns, XADataSource database, int maxScans,
                                              PrintStream out) throws Exception {
        long start = System.nanoTime();
        String nodeId = txns.nodeIdentifier();
        List<String> committed = new ArrayList<>();
        List<String> rolledBack = new ArrayList<>();
        int scans = 0;
        while (true) {
            RecoveryReport report = txns.recoverNow();
            scans++;
            committed.addAll(report.committed());
            rolledBack.addAll(report.rolledBack());
            int gridBranches = branchesOf(grid.hazelcast().getXAResource(), nodeId);
            int databaseBranches;
            XAConnection connection = database.getXAConnection();
            try {
                databaseBranches = branchesOf(connection.getXAResource(), nodeId);
            } finally {
                connection.close();
            }
            out.println("SCAN " + scans + " after " + (System.nanoTime() - start) / 1_000_000 + " ms: committed "
                    + report.committed().size() + ", rolled back " + report.rolledBack().size() + "; left: log " + txns.inDoubt().size()
                    + ", grid " + gridBranches + ", database " + databaseBranches);
            if (txns.inDoubt().isEmpty() && gridBranches == 0 && databaseBranches == 0) {
                break;
            }
            if (scans == maxScans) {
                throw new IllegalStateException("still in doubt after " + scans + " scans: log " + txns.inDoubt()
                        + ", grid branches " + gridBranches + ", database branches " + databaseBranches);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println("COMMITTED " + committed + " ROLLED-BACK " + rolledBack);
        out.println("RECOVERED " + millis + " SCANS " + scans);
        out.flush();
        return new Outcome(millis, scans, committed, rolledBack);
    }

    /** @return the prepared branches the resource lists whose Xid carries this node identifier */
    public static int branchesOf(XAResource resource, String nodeId) throws Exception {
        int count = 0;
        Xid[] xids = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        for (Xid xid : xids == null ? new Xid[0] : xids) {
            if (xid.getFormatId() == XATxConverter.FORMAT_ID
                    && Objects.equals(nodeId, XATxConverter.getNodeName(new XidImple(xid).getXID()))) {
                count++;
            }
        }
        return count;
    }
}
