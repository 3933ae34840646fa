package dev.grid.monitor.impl.cluster;

import java.util.Map;

/**
 * What a member publishes about itself into the cluster map {@code grid.monitor.members} (as JSON, so any member,
 * tool or version can read it).
 *
 * @param id              the member's UUID
 * @param address         its {@code host:port}
 * @param url             its monitor's URL ("" without HTTP)
 * @param startedAt       when its monitor started (epoch ms)
 * @param updatedAt       when it published this view (epoch ms)
 * @param heapUsed        heap used, bytes
 * @param heapMax         heap limit, bytes
 * @param offHeapReserved off-heap reserved by its GridMap stores, bytes
 * @param offHeapUsed     off-heap used by them, bytes
 * @param offHeapBudget   {@code grid.offHeapBudget}, bytes (0: none)
 * @param partitionsOwned partitions it owns
 * @param entries         primary entries of all its maps
 * @param backupEntries   backup entries of all its maps
 * @param cpLeader        whether it leads the CP group
 * @param maps            per GridMap its statistics on this member
 * @param log             grid-log on this member ({@link LogView#NONE} in a view written before the log was monitored)
 */
public record MemberView(String id, String address, String url, long startedAt, long updatedAt, long heapUsed, long heapMax,
                         long offHeapReserved, long offHeapUsed, long offHeapBudget, int partitionsOwned, long entries, long backupEntries,
                         boolean cpLeader, Map<String, MapView> maps, LogView log) {

    public MemberView {
        log = log == null ? LogView.NONE : log;
    }
}
