package dev.grid.core.impl;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.Grid;
import dev.grid.core.GridClock;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapConfig;
import dev.grid.core.GridEvents;
import dev.grid.core.GridMember;
import dev.grid.core.GridMetrics;
import dev.grid.core.GridPartitions;
import dev.grid.core.impl.map.GridMapService;

import java.util.ArrayList;
import java.util.List;

/**
 * What the embedded and the client grid share: both see the cluster through a
 * {@link HazelcastInstance}.
 */
abstract class HazelcastGrid implements Grid {
    protected final HazelcastInstance hazelcast;
    private final GridPartitions partitions;
    private final GridMetrics metrics = new DefaultGridMetrics();
    private final GridEvents events;
    private final GridClock clock;

    HazelcastGrid(HazelcastInstance hazelcast, GridEvents events, GridClock clock) {
        this.hazelcast = hazelcast;
        this.events = events;
        this.clock = clock;
        this.partitions = new HazelcastPartitionView(hazelcast);
    }

    static GridMember toGridMember(Member member) {
        return new GridMember(member.getUuid(), member.getAddress().getHost(), member.getAddress().getPort(), member.localMember());
    }

    @Override
    public String clusterName() {
        return hazelcast.getConfig().getClusterName();
    }

    @Override
    public List<GridMember> members() {
        List<GridMember> members = new ArrayList<>();
        for (Member member : hazelcast.getCluster().getMembers()) {
            members.add(toGridMember(member));
        }
        return members;
    }

    @Override
    public GridPartitions partitions() {
        return partitions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> GridMap<K, V> map(String name) {
        new GridMapConfig(name); // validates the name before anything is created
        return (GridMap<K, V>) hazelcast.getDistributedObject(GridMapService.SERVICE_NAME, name);
    }

    @Override
    public GridMetrics metrics() {
        return metrics;
    }

    @Override
    public GridEvents events() {
        return events;
    }

    @Override
    public GridClock clock() {
        return clock;
    }

    @Override
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    @Override
    public boolean isRunning() {
        return hazelcast.getLifecycleService().isRunning();
    }

    @Override
    public void close() {
        if (isRunning()) {
            hazelcast.shutdown();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[cluster=" + clusterName() + ", members=" + members().size() + "]";
    }
}
