package dev.grid.perf.bench.stream;

import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import dev.grid.core.Grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * imap-journal: a new IMap with its event journal on (configured from the client, capacity for every event of the run),
 * written by {@code setAsync(sequence number, long[]{product, amount, timestamp})} from one thread with up to
 * {@value #IN_FLIGHT} writes unacknowledged; the job {@link StreamPipelines#journal}; the sink a new IMap.
 */
final class JournalLane extends Lane {
    static final int IN_FLIGHT = 1_024;
    static final String WRITER = "IMap.setAsync(sequence number, long[]{product, amount, timestamp}) from one thread, up to "
            + IN_FLIGHT + " unacknowledged";

    private final IMap<Long, long[]> input;
    private final IMap<String, Long> sink;
    private final String inputName;
    private final String sinkName;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    /**
     * Runs the acknowledgement callbacks: Hazelcast runs a future's callbacks on its default async executor, which on a
     * machine of 2 cores (common pool parallelism 1) starts a thread per callback. (The sets still went at only
     * 435-990/s from this one thread on the loaded machine: each is a request, a backup and two answers.)
     */
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grid-bench-stream-imap-acks");
        t.setDaemon(true);
        return t;
    });
    private long sequence;

    /** @param capacity events the journal must hold: every event of the run, and the flush events */
    JournalLane(Grid client, String name, long capacity) {
        super(client, StreamSystem.IMAP_JOURNAL, name);
        this.inputName = name + "-events";
        this.sinkName = name + "-sums";
        int partitions = client.hazelcast().getPartitionService().getPartitions().size();
        client.hazelcast().getConfig().addMapConfig(new MapConfig(inputName).setEventJournalConfig(new EventJournalConfig().setEnabled(true)
                .setCapacity((int) Math.min(Integer.MAX_VALUE, 2 * capacity + 1_000L * partitions))));
        this.input = client.hazelcast().getMap(inputName);
        this.sink = client.hazelcast().getMap(sinkName);
    }

    @Override
    void send(int product, long amount, long timestampMillis, Consumer<Throwable> done) {
        inFlight.acquireUninterruptibly();
        input.setAsync(sequence++, new long[] {product, amount, timestampMillis}).whenCompleteAsync((v, error) -> {
            inFlight.release();
            done.accept(error);
        }, callbacks);
    }

    @Override
    void flushWindows(long timestampMillis) {
        PartitionService partitions = client().hazelcast().getPartitionService();
        int count = partitions.getPartitions().size();
        boolean[] covered = new boolean[count];
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (long key = -1, left = count; left > 0; key--) {
            int p = partitions.getPartition(key).getPartitionId();
            if (!covered[p]) {
                covered[p] = true;
                left--;
                sent.add(input.setAsync(key, new long[] {StreamPipelines.FLUSH_PRODUCT, 0, timestampMillis}).toCompletableFuture());
            }
        }
        sent.forEach(CompletableFuture::join);
    }

    @Override
    Map<String, Long> results(Set<String> keys) {
        return sink.getAll(keys);
    }

    @Override
    Map<String, Long> allResults() {
        return new HashMap<>(sink);
    }

    @Override
    Pipeline pipeline(long allowedLagMillis) {
        return StreamPipelines.journal(inputName, sinkName, allowedLagMillis);
    }

    @Override
    void destroy() {
        callbacks.shutdown();
        input.destroy();
        sink.destroy();
    }
}
