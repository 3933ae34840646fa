package dev.grid.server.impl.log;

import dev.grid.log.AppendResult;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code grid produce} sent and what came of it: records and bytes acknowledged, the first and last offset per
 * partition, and the failure of the earliest line that failed. Acknowledgements arrive on the client's threads.
 */
final class ProduceSummary {
    private final String topic;
    private long sent;
    private long acknowledged;
    private long bytes;
    private long failed;
    private long firstFailedLine = Long.MAX_VALUE;
    private Throwable firstFailure;
    /** partition to {first, last} offset acknowledged */
    private final Map<Integer, long[]> offsets = new TreeMap<>();

    ProduceSummary(String topic) {
        this.topic = topic;
    }

    synchronized void sent() {
        sent++;
    }

    synchronized void acknowledged(AppendResult result, long recordBytes) {
        acknowledged++;
        bytes += recordBytes;
        long[] range = offsets.computeIfAbsent(result.partition(), p -> new long[] {result.offset(), result.offset()});
        range[0] = Math.min(range[0], result.offset());
        range[1] = Math.max(range[1], result.offset());
        notifyAll();
    }

    synchronized void failed(long line, Throwable error) {
        failed++;
        if (line < firstFailedLine) {
            firstFailedLine = line;
            firstFailure = error;
        }
        notifyAll();
    }

    /**
     * Waits until every record sent was acknowledged or failed: the producer's futures may complete their callbacks
     * just after {@code close()} returned.
     *
     * @return whether all settled in time
     */
    synchronized boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged + failed < sent) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized boolean anyFailed() {
        return failed > 0;
    }

    /** @return whether every record sent was acknowledged */
    synchronized boolean allAcknowledged() {
        return acknowledged == sent;
    }

    /** @return the earliest line whose record failed, or -1 */
    synchronized long firstFailedLine() {
        return failed == 0 ? -1 : firstFailedLine;
    }

    /** @return the error of the earliest line whose record failed, or null */
    synchronized Throwable firstFailure() {
        return firstFailure;
    }

    /**
     * @return one line: {@code produced 1000 records, 23456 bytes, to orders in 0.84 s; first-last offset by partition: 0: 0-499, 1: 0-499}
     */
    synchronized String line(Duration elapsed) {
        StringBuilder line = new StringBuilder("produced ");
        line.append(acknowledged == sent ? "" : acknowledged + " of ").append(sent).append(sent == 1 ? " record, " : " records, ")
                .append(bytes).append(" bytes, to ").append(topic)
                .append(String.format(Locale.ROOT, " in %.2f s", elapsed.toNanos() / 1e9));
        if (failed > 0) {
            line.append(", ").append(failed).append(" failed");
        }
        long waiting = sent - acknowledged - failed;
        if (waiting > 0) {
            line.append(", ").append(waiting).append(" unacknowledged");
        }
        if (!offsets.isEmpty()) {
            line.append("; first-last offset by partition:");
            String separator = " ";
            for (Map.Entry<Integer, long[]> partition : offsets.entrySet()) {
                line.append(separator).append(partition.getKey()).append(": ").append(partition.getValue()[0]).append('-')
                        .append(partition.getValue()[1]);
                separator = ", ";
            }
        }
        return line.toString();
    }
}
