package dev.grid.monitor.impl.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.LogEvent;
import com.hazelcast.logging.LogListener;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import dev.grid.core.GridEvent;
import dev.grid.core.GridEventListener;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.impl.json.MonitorJson;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Collects WARN and ERROR entries of this JVM (Hazelcast's logging, and grid events of severity
 * WARN or ERROR) into the cluster's bounded log, the ringbuffer {@code grid.monitor.log}: the
 * oldest entries are overwritten first. Entries are shipped by one thread of this class, whose own
 * log lines are never collected (no feedback loop); a burst beyond the local queue is counted and
 * dropped.
 */
public final class DistributedLog implements GridEventListener, LogListener, AutoCloseable {
    private static final int QUEUE = 10_000;
    private static final int READ_BATCH = 1000;

    private final HazelcastInstance hazelcast;
    private final Ringbuffer<String> log;
    private final String member;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final LongAdder dropped = new LongAdder();
    private final Thread shipper;
    private final boolean listensToHazelcast;
    private volatile boolean running = true;

    /**
     * @param listenToHazelcast whether to collect Hazelcast's own WARNING and SEVERE log lines (members)
     */
    public DistributedLog(HazelcastInstance hazelcast, String member, boolean listenToHazelcast) {
        this.hazelcast = hazelcast;
        this.log = hazelcast.getRingbuffer(Structures.LOG);
        this.member = member;
        this.shipper = new Thread(this::ship, "grid-monitor-log");
        this.shipper.setDaemon(true);
        this.shipper.start();
        this.listensToHazelcast = listenToHazelcast;
        if (listenToHazelcast) {
            hazelcast.getLoggingService().addLogListener(Level.WARNING, this);
        }
    }

    @Override
    public void log(LogEvent event) {
        if (Thread.currentThread() == shipper || !running) {
            return;
        }
        LogRecord record = event.getLogRecord();
        String message = record.getMessage();
        if (record.getThrown() != null) {
            message = message + " (" + record.getThrown() + ")";
        }
        offer(record.getMillis(), record.getLevel().intValue() >= Level.SEVERE.intValue() ? "ERROR" : "WARN",
                record.getLoggerName() == null ? "hazelcast" : record.getLoggerName(), message);
    }

    @Override
    public void onEvent(GridEvent event) {
        if (event.severity() == GridEvent.Severity.INFO || Thread.currentThread() == shipper || !running) {
            return;
        }
        String message = event.message();
        if (!event.attributes().isEmpty()) {
            message = message + " " + event.attributes();
        }
        offer(event.timeMillis(), event.severity().name(), event.type(), message);
    }

    private void offer(long time, String severity, String source, String message) {
        String entry = MonitorJson.write(new Shipped(time, member, severity, source, message));
        if (!queue.offer(entry)) {
            dropped.increment();
        }
    }

    private void ship() {
        while (running) {
            try {
                String entry = queue.poll(200, TimeUnit.MILLISECONDS);
                if (entry != null && hazelcast.getLifecycleService().isRunning()) {
                    log.addAsync(entry, OverflowPolicy.OVERWRITE).toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                dropped.increment();
            }
        }
    }

    /** @return entries this JVM could not ship (queue full, or the cluster refused) */
    public long dropped() {
        return dropped.sum();
    }

    /**
     * @param limit  at most so many entries
     * @param filter which entries to return
     * @param scan   how many of the newest entries to look through
     * @return matching entries, newest first
     */
    public List<LogEntry> read(int limit, Predicate<LogEntry> filter, int scan) throws Exception {
        long tail = log.tailSequence();
        long head = log.headSequence();
        List<LogEntry> newestFirst = new ArrayList<>();
        if (tail < head) {
            return newestFirst;
        }
        long from = Math.max(head, tail - scan + 1);
        List<LogEntry> chronological = new ArrayList<>();
        for (long seq = from; seq <= tail; ) {
            int count = (int) Math.min(READ_BATCH, tail - seq + 1);
            ReadResultSet<String> batch;
            try {
                batch = log.readManyAsync(seq, 0, count, null).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // entries overwritten meanwhile: start again from the new head
                seq = log.headSequence();
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                chronological.add(MonitorJson.read(batch.get(i), Shipped.class).at(batch.getSequence(i)));
            }
            if (batch.readCount() == 0) {
                break;
            }
            seq = batch.getNextSequenceToReadFrom();
        }
        for (int i = chronological.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            if (filter.test(chronological.get(i))) {
                newestFirst.add(chronological.get(i));
            }
        }
        return newestFirst;
    }

    /** @return how many entries the cluster's log holds */
    public long size() {
        return log.size();
    }

    @Override
    public void close() {
        running = false;
        shipper.interrupt();
        if (listensToHazelcast) {
            try {
                hazelcast.getLoggingService().removeLogListener(this);
            } catch (RuntimeException memberGone) {
                // shutting down
            }
        }
    }

    /** An entry as it is kept in the ringbuffer: a {@link LogEntry} without its sequence, which is its position there. */
    private record Shipped(long time, String member, String severity, String source, String message) {
        LogEntry at(long sequence) {
            return new LogEntry(sequence, time, member, severity, source, message);
        }
    }
}
