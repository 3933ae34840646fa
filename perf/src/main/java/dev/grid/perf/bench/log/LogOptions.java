package dev.grid.perf.bench.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The settings of {@code grid bench log}, checked ({@link LogArguments} reads them from the command line).
 *
 * @param systems     {@code --systems} grid, kafka, redis (default all three)
 * @param topologies  {@code --topologies} replicated, single (default both)
 * @param records     {@code --records}: records of each produce run (the 1-partition one is then read back by the consume run)
 * @param partitions  {@code --partitions}: partitions of the produce runs' topics (default 1,8)
 * @param rates       {@code --rates}: records/s of the latency runs (default 10000,50000)
 * @param warmup      {@code --warmup}: latency runs' warm-up, not counted
 * @param settle      {@code --settle}: before its first latency run, each deployment runs one at the lowest rate for this
 *                    long, not reported (zero: none)
 * @param duration    {@code --duration}: latency runs' measured time
 * @param runLimit    {@code --run-limit}: the most one produce or consume run may take (it then stops, and says so)
 * @param recordSize  {@code --record-size} bytes (default 100)
 * @param linger      {@code --linger}: how long a producer batch waits for more records, every system (default 5ms, Kafka's)
 * @param batchBytes  {@code --batch-bytes}: the most bytes of records one producer request to a partition carries, every system
 * @param serverHeap  {@code --server-heap}: -Xms/-Xmx of grid member and Kafka broker JVMs (default 1g)
 * @param out         {@code --out DIR}
 * @param quick       {@code --quick}: small numbers everywhere, the whole run under 2 minutes
 */
public record LogOptions(List<LogSystem> systems, List<Topology> topologies, long records, List<Integer> partitions, List<Integer> rates,
                         Duration warmup, Duration settle, Duration duration, Duration runLimit, int recordSize, Duration linger, int batchBytes,
                         String serverHeap, Path out, boolean quick) {

    /** Bytes one read asks for at most (Kafka's max.partition.fetch.bytes default; grid's read maxBytes default). */
    static final int READ_BYTES = 1 << 20;
    /** Bytes a producer may hold unacknowledged (grid's default, set on Kafka too). */
    static final long BUFFER_BYTES = 64L << 20;

    /** @return records produced and read back before the measured runs of each deployment (JIT, connections, files) */
    long warmupRecords() {
        return Math.min(records, Math.max(10_000, records / 5));
    }
}
