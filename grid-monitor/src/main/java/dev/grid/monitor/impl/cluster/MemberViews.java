package dev.grid.monitor.impl.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.grid.core.GridClock;
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
import java.util.function.Supplier;

/**
 * Each member publishes its own view (heap, off-heap, partitions, maps with their statistics and
 * latency quantiles) into the cluster map {@code grid.monitor.members} every refresh interval, so any
 * member's API shows every member. A view not updated for five refresh intervals (at least 10 s) on the
 * member's clock is stale: its member is gone. Stale views are not shown, and reading them removes them.
 */
public final class MemberViews {
    private final IMap<String, String> views;
    private final GridMember self;
    private final GridMapService maps;
    private final MonitorInstruments instruments;
    private final Supplier<String> url;
    private final long staleAfterMillis;
    private final GridClock clock;
    private final long startedAt;

    public MemberViews(HazelcastInstance hazelcast, GridMember self, MonitorInstruments instruments, Supplier<String> url, long refreshMillis,
                       GridClock clock) {
        this.views = hazelcast.getMap(Structures.MEMBERS);
        this.self = self;
        this.maps = EmbeddedGrid.nodeEngine(hazelcast).getService(GridMapService.SERVICE_NAME);
        this.instruments = instruments;
        this.url = url;
        this.staleAfterMillis = Math.max(10_000, 5 * refreshMillis);
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    /** Publishes this member's view now. */
    public void publish(int partitionsOwned, boolean cpLeader) {
        // asynchronous: a write stuck while partitions are promoted must not hold up the monitor's refresh
        views.setAsync(self.id().toString(), Json.write(view(partitionsOwned, cpLeader)));
    }

    private boolean isStale(Map<String, Object> view, long now) {
        return now - Json.num(view, "updatedAt") >= staleAfterMillis;
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
                "updatedAt", clock.millis(), "heapUsed", heap.getUsed(), "heapMax", heap.getMax(),
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

    /** @return every live member's last published view (as parsed JSON); the stale views of members gone are removed */
    public List<Map<String, Object>> all() {
        long now = clock.millis();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map.Entry<String, String> entry : views.entrySet()) {
            Map<String, Object> view = Json.parseObject(entry.getValue());
            if (!isStale(view, now)) {
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
