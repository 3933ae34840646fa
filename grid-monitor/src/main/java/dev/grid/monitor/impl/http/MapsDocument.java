package dev.grid.monitor.impl.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.grid.monitor.impl.cluster.MapView;
import dev.grid.monitor.impl.cluster.MemberView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/maps}: every GridMap by name, its statistics summed over the members (p99s: the worst member's;
 * means: weighted by each member's operations), and each member's own.
 *
 * @param maps the maps, by name
 */
record MapsDocument(List<MapTotal> maps) {

    static MapsDocument of(List<MemberView> views) {
        Map<String, Totals> totals = new TreeMap<>();
        for (MemberView view : views) {
            view.maps().forEach((name, stats) -> totals.computeIfAbsent(name, Totals::new).add(stats, view.address()));
        }
        return new MapsDocument(totals.values().stream().map(Totals::total).toList());
    }

    /** One map over the cluster. */
    record MapTotal(String name, long entries, long backupEntries, long offHeapReserved, long offHeapUsed, long gets, long hits, long misses,
                    long puts, long removes, long otherOperations, double p99GetMicros, double p99PutMicros, List<OnMember> members,
                    double hitRatio, double meanGetMicros, double meanPutMicros) {
    }

    /** One map on one member: its statistics, then the member's address. */
    record OnMember(@JsonUnwrapped MapView stats, String address) {
    }

    /** Sums one map's statistics member by member. */
    private static final class Totals {
        private final String name;
        private final List<OnMember> members = new ArrayList<>();
        private long entries;
        private long backupEntries;
        private long offHeapReserved;
        private long offHeapUsed;
        private long gets;
        private long hits;
        private long misses;
        private long puts;
        private long removes;
        private long otherOperations;
        private double p99GetMicros;
        private double p99PutMicros;
        private double getMicros;
        private double putMicros;

        Totals(String name) {
            this.name = name;
        }

        void add(MapView s, String address) {
            entries += s.entries();
            backupEntries += s.backupEntries();
            offHeapReserved += s.offHeapReserved();
            offHeapUsed += s.offHeapUsed();
            gets += s.gets();
            hits += s.hits();
            misses += s.misses();
            puts += s.puts();
            removes += s.removes();
            otherOperations += s.otherOperations();
            p99GetMicros = Math.max(p99GetMicros, s.p99GetMicros());
            p99PutMicros = Math.max(p99PutMicros, s.p99PutMicros());
            getMicros += s.meanGetMicros() * s.gets();
            putMicros += s.meanPutMicros() * s.puts();
            members.add(new OnMember(s, address));
        }

        MapTotal total() {
            return new MapTotal(name, entries, backupEntries, offHeapReserved, offHeapUsed, gets, hits, misses, puts, removes, otherOperations,
                    p99GetMicros, p99PutMicros, members, gets == 0 ? 0.0 : (double) hits / gets, gets == 0 ? 0 : getMicros / gets,
                    puts == 0 ? 0 : putMicros / puts);
        }
    }
}
