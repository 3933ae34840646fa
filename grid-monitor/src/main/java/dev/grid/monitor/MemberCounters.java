package dev.grid.monitor;

import dev.grid.core.GridClock;
import dev.grid.monitor.impl.counters.CountersFileReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of one member on this machine, read from its counters file (in the member's
 * {@code grid.dataDirectory}) without any network: what {@code grid stat} shows.
 *
 * @param file           the counters file
 * @param description    who the member is: cluster, address, id, monitor URL
 * @param pid            the member's process id
 * @param startMillis    when its monitor started (epoch ms)
 * @param heartbeatMillis when it last said it was alive (epoch ms; every second while it runs)
 * @param live           whether the member still runs (heartbeat recent, process alive)
 * @param values         counter values by label, e.g. {@code grid_map_get_hits_total{map="orders"}}
 * @since 0.1
 */
public record MemberCounters(Path file, String description, long pid, long startMillis, long heartbeatMillis, boolean live,
                             Map<String, Long> values) {

    public MemberCounters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param dataDirectory a member's {@code grid.dataDirectory}
     * @return the counters of every member that keeps its file there, live members first
     * @throws IOException if the directory cannot be read
     */
    public static List<MemberCounters> readAll(Path dataDirectory) throws IOException {
        return CountersFileReader.readAll(dataDirectory, GridClock.SYSTEM);
    }
}
