package dev.grid.monitor.impl.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.grid.core.GridMapStats;
import dev.grid.core.GridMember;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.monitor.impl.json.Json;
import dev.grid.monitor.impl.metrics.LatencyHistogram;
import dev.grid.monitor.impl.metrics.MonitorInstruments;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Each member publishes its own view (heap, off-heap, partitions, maps with their statistics and
 * latency quantiles) into the cluster map {@code grid.monitor.members} every refresh interval, with
 * a time to live, so any member's API shows every member.
 */
public final class MemberViews {
    private final IMap<String, String> views;
    private final GridMember self;
    private final GridMapService maps;
    private final MonitorInstruments instruments;
    private final Supplier<String> url;
    private final long ttlMillis;
    private final long startedAt = System.currentTimeMillis();

    public MemberViews(HazelcastInstance hazelcast, GridMember self, MonitorInstruments instruments, Supplier<String> url, long refreshMillis) {
        this.views = hazelcast.getMap(Structures.MEMBERS);
        this.self = self;
        this.maps = EmbeddedGrid.nodeEngine(hazelcast).getService(GridMapService.SERVICE_NAME);
        this.instruments = instruments;
        this.url = url;
        this.ttlMillis = Math.max(10_000, 5 * refreshMillis);
    }

    /** Publishes this member's view now. */
    public void publish(int partitionsOwned, boolean cpLeader) {
        // asynchronous: a write stuck while partitions are promoted must not hold up the monitor's refresh
        views.setAsync(self.id().toString(), Json.write(view(partitionsOwned, cpLeader)), ttlMillis, TimeUnit.MILLISECONDS);
    }

    /** @return this member's view */
    public Map<String, Object> view(int partitionsOwned, boolean cpLeader) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> mapViews = new LinkedHashMap<>();
        long entries = 0;
        long backups = 0;
        long used = 0;
        for (String name : maps.mapNames()) {
            GridMapStats s = maps.stats(name);
            entries += s.primaryEntries();
            backups += s.backupEntries();
            used += s.offHeapUsed();
            mapViews.put(name, Json.obj(
                    "entries", s.primaryEntries(), "backupEntries", s.backupEntries(),
                    "offHeapReserved", s.offHeapReserved(), "offHeapUsed", s.offHeapUsed(),
                    "gets", s.gets(), "hits", s.hits(), "misses", s.misses(), "puts", s.puts(), "removes", s.removes(),
                    "otherOperations", s.otherOperations(), "localReads", s.localReads(),
                    "meanGetMicros", mean(s.totalGetNanos(), s.gets()), "meanPutMicros", mean(s.totalPutNanos(), s.puts()),
                    "meanRemoveMicros", mean(s.totalRemoveNanos(), s.removes()),
                    "p99GetMicros", quantile(name, "get"), "p99PutMicros", quantile(name, "put")));
        }
        return Json.obj("id", self.id().toString(), "address", self.address(), "url", url.get(), "startedAt", startedAt,
                "updatedAt", System.currentTimeMillis(), "heapUsed", heap.getUsed(), "heapMax", heap.getMax(),
                "offHeapReserved", maps.offHeapReserved(), "offHeapUsed", used, "offHeapBudget", maps.offHeapBudget(),
                "partitionsOwned", partitionsOwned, "entries", entries, "backupEntries", backups, "cpLeader", cpLeader,
                "maps", mapViews);
    }

    private double quantile(String map, String op) {
        LatencyHistogram timer = instruments.timerOrNull("grid_map_operation_duration_seconds", Map.of("map", map, "op", op));
        return timer == null ? 0 : timer.quantileMicros(0.99);
    }

    private static double mean(long nanos, long count) {
        return count == 0 ? 0 : nanos / 1000.0 / count;
    }

    /** @return every member's last published view (as parsed JSON) */
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String json : views.values()) {
            all.add(Json.parseObject(json));
        }
        return all;
    }

    /** Removes this member's view (it is leaving). */
    public void withdraw() {
        try {
            views.delete(self.id().toString());
        } catch (RuntimeException memberStopping) {
            // the time to live removes it
        }
    }
}
