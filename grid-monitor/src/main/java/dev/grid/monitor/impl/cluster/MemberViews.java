package dev.grid.monitor.impl.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.grid.core.GridMapStats;
import dev.grid.core.GridMember;
import dev.grid.core.config.GridClock;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;
import dev.grid.log.GroupPartitionLag;
import dev.grid.log.LocalLogStats;
import dev.grid.log.PartitionStats;
import dev.grid.monitor.impl.json.MonitorJson;
import dev.grid.monitor.impl.metrics.LatencyHistogram;
import dev.grid.monitor.impl.metrics.MonitorInstruments;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each member publishes its own view (heap, off-heap, partitions, maps with their statistics and
 * latency quantiles, the log partitions it owns with their append rates and the lag of the consumer groups it
 * coordinates) into the cluster map {@code grid.monitor.members} every refresh interval, so any
 * member's API shows every member. A view not updated for five refresh intervals (at least 10 s) on the
 * member's clock is stale: its member is gone. Stale views are not shown, and reading them removes them.
 */
public final class MemberViews {
    private final IMap<String, String> views;
    private final GridMember self;
    private final MemberMaps maps;
    private final MonitorInstruments instruments;
    private final Supplier<String> url;
    private final long staleAfterMillis;
    private final GridClock clock;
    private final long startedAt;
    private final Supplier<LocalLogStats> log;
    /** Per log partition ({@code topic#partition}) owned at the last view: {@code {appendedRecords, appendedBytes}}, for rates. */
    private Map<String, long[]> lastAppended = new HashMap<>();
    private long lastAppendedAt;

    /**
     * @param log this member's log statistics ({@code GridLog.localStats}), or null for none
     */
    public MemberViews(HazelcastInstance hazelcast, GridMember self, MonitorInstruments instruments, Supplier<String> url, long refreshMillis,
                       GridClock clock, Supplier<LocalLogStats> log) {
        this.log = log;
        this.views = hazelcast.getMap(Structures.MEMBERS);
        this.self = self;
        this.maps = MemberContext.of(hazelcast).maps();
        this.instruments = instruments;
        this.url = url;
        this.staleAfterMillis = Math.max(10_000, 5 * refreshMillis);
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    /** Publishes this member's view now. */
    public void publish(int partitionsOwned, boolean cpLeader) {
        // asynchronous: a write stuck while partitions are promoted must not hold up the monitor's refresh
        views.setAsync(self.id().toString(), MonitorJson.write(view(partitionsOwned, cpLeader)));
    }

    /** @return this member's view (append rates over the time since the last view) */
    public synchronized MemberView view(int partitionsOwned, boolean cpLeader) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, MapView> mapViews = new LinkedHashMap<>();
        long entries = 0;
        long backups = 0;
        long used = 0;
        for (String name : maps.mapNames()) {
            GridMapStats s = maps.stats(name);
            entries += s.primaryEntries();
            backups += s.backupEntries();
            used += s.offHeapUsed();
            mapViews.put(name, new MapView(s.primaryEntries(), s.backupEntries(), s.offHeapReserved(), s.offHeapUsed(), s.gets(), s.hits(),
                    s.misses(), s.puts(), s.removes(), s.otherOperations(), s.localReads(), mean(s.totalGetNanos(), s.gets()),
                    mean(s.totalPutNanos(), s.puts()), mean(s.totalRemoveNanos(), s.removes()), quantile(name, "get"), quantile(name, "put")));
        }
        return new MemberView(self.id().toString(), self.address(), url.get(), startedAt, clock.millis(), heap.getUsed(),
                heap.getMax(), maps.offHeapReserved(), used, maps.offHeapBudget(), partitionsOwned, entries, backups, cpLeader, mapViews,
                log == null ? LogView.NONE : logView(log.get()));
    }

    /** The log's statistics as a view; a partition's rate is over the time since the last view (0 the first time it is seen owned). */
    private LogView logView(LocalLogStats stats) {
        long now = clock.millis();
        double seconds = (now - lastAppendedAt) / 1000.0;
        Map<String, long[]> appended = new HashMap<>();
        List<LogView.Partition> partitions = new ArrayList<>(stats.partitions().size());
        for (PartitionStats p : stats.partitions()) {
            String key = p.topic() + "#" + p.partition();
            long[] before = lastAppended.get(key);
            appended.put(key, new long[] {p.appendedRecords(), p.appendedBytes()});
            boolean measurable = before != null && seconds > 0 && p.appendedRecords() >= before[0] && p.appendedBytes() >= before[1];
            partitions.add(new LogView.Partition(p.topic(), p.partition(), p.startOffset(), p.highWatermark(), p.endOffset(), p.sizeBytes(),
                    p.segments(), p.appendedRecords(), p.appendedBytes(), p.segmentsDeleted(),
                    measurable ? rate(p.appendedRecords() - before[0], seconds) : 0, measurable ? rate(p.appendedBytes() - before[1], seconds) : 0));
        }
        lastAppended = appended;
        lastAppendedAt = now;
        List<LogView.GroupLag> groups = new ArrayList<>(stats.groupLags().size());
        for (GroupPartitionLag lag : stats.groupLags()) {
            groups.add(new LogView.GroupLag(lag.group(), lag.topic(), lag.partition(), lag.committedOffset(), lag.highWatermark(), lag.lag()));
        }
        return new LogView(stats.ownedReplicas(), stats.backupReplicas(), stats.diskUsedBytes(), stats.diskBudgetBytes(), stats.appendedRecords(),
                stats.appendedBytes(), partitions, groups);
    }

    /** @return per second, to a thousandth */
    private static double rate(long delta, double seconds) {
        return Math.round(delta / seconds * 1000) / 1000.0;
    }

    private double quantile(String map, String op) {
        LatencyHistogram timer = instruments.timerOrNull("grid_map_operation_duration_seconds", Map.of("map", map, "op", op));
        return timer == null ? 0 : timer.quantileMicros(0.99);
    }

    private static double mean(long nanos, long count) {
        return count == 0 ? 0 : nanos / 1000.0 / count;
    }

    /** @return every live member's last published view; the stale views of members gone are removed */
    public List<MemberView> all() {
        long now = clock.millis();
        List<MemberView> all = new ArrayList<>();
        for (Map.Entry<String, String> entry : views.entrySet()) {
            MemberView view = MonitorJson.read(entry.getValue(), MemberView.class);
            if (now - view.updatedAt() < staleAfterMillis) {
                all.add(view);
            } else {
                views.remove(entry.getKey(), entry.getValue()); // unless its member published again meanwhile
            }
        }
        return all;
    }

    /** Removes this member's view (it is leaving). */
    public void withdraw() {
        try {
            views.delete(self.id().toString());
        } catch (RuntimeException memberStopping) {
            // the others remove it once it is stale
        }
    }
}
