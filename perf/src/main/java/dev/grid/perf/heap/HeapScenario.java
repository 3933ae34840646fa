package dev.grid.perf.heap;

import com.hazelcast.map.IMap;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.spi.FreePorts;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One case of the heap scenario, in this JVM: a single embedded member loads {@code entries} entries
 * of 100-byte values into a GridMap or an IMap, then serves random reads, and prints one result line
 * ({@code RESULT structure=... entries=... heapUsedMB=... gcPauseTotalMs=... gcPauseMaxMs=... readsPerSecond=...}).
 *
 * <pre>java -Xmx512m $(cat grid-server/target/jvm.options) -cp perf/target/grid-perf.jar dev.grid.perf.heap.HeapScenario gridmap 10000000</pre>
 */
public final class HeapScenario {
    static final int VALUE_BYTES = 100;
    private static final int BATCH = 10_000;
    private static final int READS = 1_000_000;

    private HeapScenario() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("gridmap") || args[0].equals("imap"))) {
            System.err.println("usage: HeapScenario gridmap|imap <entries>");
            System.exit(2);
        }
        String structure = args[0];
        int entries = Integer.parseInt(args[1]);
        PauseRecorder pauses = PauseRecorder.start();

        GridConfig config = new GridConfig().setClusterName("heap-" + UUID.randomUUID().toString().substring(0, 8))
                .setMonitorPort(0).addMap(new GridMapConfig("heap").setEntries(entries).setAverageKeySize(6)
                        .setAverageValueSize(VALUE_BYTES + 4));
        int port = FreePorts.loopback(1).get(0);
        config.getNetwork().setPort(port).setPortAutoIncrement(false).setMembers(java.util.List.of("127.0.0.1:" + port));
        try (Grid grid = Grid.embedded(config)) {
            Map<Integer, byte[]> batch = new HashMap<>();
            IntFunction<byte[]> reader;
            java.util.function.LongSupplier offHeap;
            Consumer<Map<Integer, byte[]>> loader;
            if (structure.equals("gridmap")) {
                GridMap<Integer, byte[]> map = grid.map("heap");
                loader = map::putAll;
                reader = map::get;
                offHeap = () -> map.localStats().offHeapUsed();
            } else {
                IMap<Integer, byte[]> map = grid.hazelcast().getMap("heap");
                loader = map::putAll;
                reader = map::get;
                offHeap = () -> 0;
            }
            SplittableRandom random = new SplittableRandom(42);
            long started = System.nanoTime();
            int reported = 0;
            for (int i = 0; i < entries; i++) {
                byte[] value = new byte[VALUE_BYTES];
                random.nextBytes(value);
                batch.put(i, value);
                if (batch.size() == BATCH || i == entries - 1) {
                    loader.accept(batch);
                    batch = new HashMap<>();
                }
                int percent = (int) ((i + 1L) * 100 / entries);
                if (percent >= reported + 10) {
                    reported = percent;
                    System.err.printf("%s: loaded %d%% (%d entries, %.0f s)%n", structure, percent, i + 1, (System.nanoTime() - started) / 1e9);
                }
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            long readStart = System.nanoTime();
            long found = 0;
            for (int i = 0; i < READS; i++) {
                if (reader.apply(random.nextInt(entries)) != null) {
                    found++;
                }
            }
            double readsPerSecond = READS / ((System.nanoTime() - readStart) / 1e9);
            if (found != READS) {
                throw new IllegalStateException(structure + " lost entries: " + (READS - found) + " of " + READS + " reads found nothing");
            }
            System.gc();
            long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("RESULT structure=%s entries=%d heapUsedMB=%.1f offHeapUsedMB=%.1f gcPauseTotalMs=%d gcPauseMaxMs=%d "
                            + "gcCount=%d loadSeconds=%.1f readsPerSecond=%.0f%n", structure, entries, heapUsed / 1048576.0,
                    offHeap.getAsLong() / 1048576.0, pauses.totalMillis(), pauses.maxMillis.get(), pauses.count.get(),
                    loadSeconds, readsPerSecond);
        }
        System.exit(0);
    }

    /** Sums and maxes the pauses every garbage collection reports. */
    static final class PauseRecorder {
        final AtomicLong total = new AtomicLong();
        final AtomicLong maxMillis = new AtomicLong();
        final AtomicLong count = new AtomicLong();

        static PauseRecorder start() {
            PauseRecorder recorder = new PauseRecorder();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Concurrent")) {
                            long duration = info.getGcInfo().getDuration();
                            recorder.total.addAndGet(duration);
                            recorder.count.incrementAndGet();
                            recorder.maxMillis.accumulateAndGet(duration, Math::max);
                        }
                    }
                }, null, null);
            }
            return recorder;
        }

        long totalMillis() {
            return total.get();
        }
    }
}
