package dev.grid.txn.impl;

import com.arjuna.ats.arjuna.recovery.RecoveryModule;
import dev.grid.txn.RecoveryReport;
import dev.grid.txn.TxnEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs last in every recovery scan: turns what the scan completed into a {@link RecoveryReport} and, when it
 * completed anything, a {@link TxnEvent.RecoveryCompleted} event.
 */
final class ReportingRecoveryModule implements RecoveryModule {
    private static final Logger LOG = LoggerFactory.getLogger(ReportingRecoveryModule.class);
    private final RecoveryTracker tracker;
    private final TxnEventPublisher publisher;
    private final Supplier<List<dev.grid.txn.InDoubtTransaction>> inDoubt;
    private long scanStartNanos = System.nanoTime();
    private volatile RecoveryReport lastReport = new RecoveryReport(List.of(), List.of(), List.of(), 0);

    ReportingRecoveryModule(RecoveryTracker tracker, TxnEventPublisher publisher, Supplier<List<dev.grid.txn.InDoubtTransaction>> inDoubt) {
        this.tracker = tracker;
        this.publisher = publisher;
        this.inDoubt = inDoubt;
    }

    @Override
    public synchronized void periodicWorkFirstPass() {
        scanStartNanos = System.nanoTime();
    }

    @Override
    public synchronized void periodicWorkSecondPass() {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - scanStartNanos);
        List<List<String>> drained = tracker.drain();
        List<String> committed = drained.get(0);
        List<String> rolledBack = drained.get(1);
        RecoveryReport report = new RecoveryReport(committed, rolledBack, inDoubt.get(), millis);
        lastReport = report;
        if (!committed.isEmpty() || !rolledBack.isEmpty()) {
            LOG.info("recovery scan completed transactions in {} ms: committed {}, rolled back {}, still in doubt {}", millis,
                    committed, rolledBack, report.inDoubt().size());
            publisher.publish(new TxnEvent.RecoveryCompleted(publisher.now(), publisher.node(), drained.get(2), committed, rolledBack,
                    millis));
        }
    }

    RecoveryReport lastReport() {
        return lastReport;
    }
}
