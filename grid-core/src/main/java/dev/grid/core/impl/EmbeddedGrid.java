package dev.grid.core.impl;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.GridConfig;
import dev.grid.core.GridConfigException;
import dev.grid.core.GridException;
import dev.grid.core.GridMember;
import dev.grid.core.GridMode;
import dev.grid.core.impl.backup.MemberLostBackupAckResolver;
import dev.grid.core.impl.map.GridMapMetrics;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.security.GuardedMembers;
import dev.grid.core.impl.security.SecretSocketInterceptor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * A grid member running in this JVM.
 */
public final class EmbeddedGrid extends HazelcastGrid {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGrid.class);
    private final GridConfig config;

    private EmbeddedGrid(HazelcastInstance hazelcast, GridConfig config) {
        super(hazelcast, eventsOf(hazelcast), config.getClock());
        this.config = config;
    }

    /**
     * Validates the configuration, starts a member and waits until it has joined.
     *
     * @param config the member's configuration
     * @return the running member
     */
    public static EmbeddedGrid start(GridConfig config) {
        Objects.requireNonNull(config, "config").validate();
        SystemDefaults.apply();
        Config hazelcastConfig = HazelcastConfigs.member(config);
        HazelcastInstance hazelcast;
        try {
            hazelcast = GuardedMembers.start(hazelcastConfig, config.getSecurity().getMaxMessageBytes());
        } catch (HazelcastException | IllegalStateException e) {
            throw new GridException("cannot start a grid member of cluster '" + config.getClusterName() + "' on "
                    + config.getNetwork().getHost() + ":" + config.getNetwork().getPort() + ": " + e.getMessage(), e);
        }
        refuseToRunAloneAfterASecretMismatch(hazelcast, hazelcastConfig, config);
        if (HazelcastConfigs.secretHandshake(hazelcastConfig).isEmpty() && !isLoopback(config.getNetwork().getHost())) {
            LOG.warn("grid.security.secret is not set and this member listens on {}: any process that reaches it and knows the "
                    + "cluster name can join the cluster or connect as a client (see docs/security.md)", config.getNetwork().getHost());
        }
        EmbeddedGrid grid = new EmbeddedGrid(hazelcast, config);
        GridMapService maps = nodeEngine(hazelcast).getService(GridMapService.SERVICE_NAME);
        MemberLostBackupAckResolver.start(hazelcast, nodeEngine(hazelcast));
        grid.metrics().register(new GridMapMetrics(maps));
        ((DefaultGridMetrics) grid.metrics()).onCounters(maps::useCounters);
        // Ask the master to assign partitions now, rather than on the first data operation,
        // so the partition view is complete as soon as the member is up.
        grid.partitions().ownerOf(0);
        return grid;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * A member whose secret another member refused, and that found no member to join, would run as
     * a cluster of its own beside the real one: it stops instead, saying why.
     */
    private static void refuseToRunAloneAfterASecretMismatch(HazelcastInstance hazelcast, Config hazelcastConfig, GridConfig config) {
        Optional<String> refusal = HazelcastConfigs.secretHandshake(hazelcastConfig).flatMap(SecretSocketInterceptor::lastRefusal);
        if (refusal.isPresent() && hazelcast.getCluster().getMembers().size() == 1) {
            hazelcast.getLifecycleService().terminate();
            throw new GridConfigException("grid.security.secret", "cannot join cluster '" + config.getClusterName() + "': "
                    + refusal.get() + "; this member stopped rather than run as a cluster of its own");
        }
    }

    /**
     * @param hazelcast a member started from {@link HazelcastConfigs#member(GridConfig)}
     * @return the member's event bus (kept in Hazelcast's user context, so grid's services reach it)
     */
    public static DefaultGridEvents eventsOf(HazelcastInstance hazelcast) {
        Object events = hazelcast.getConfig().getUserContext().get(DefaultGridEvents.USER_CONTEXT_KEY);
        if (events instanceof DefaultGridEvents gridEvents) {
            return gridEvents;
        }
        throw new IllegalStateException("member " + hazelcast.getName() + " was not started by grid: no event bus in its user context");
    }

    /** @return the member's node engine: the door to Hazelcast's internals, for grid's own services */
    public static NodeEngine nodeEngine(HazelcastInstance hazelcast) {
        return ((HazelcastInstanceProxy) hazelcast).getOriginal().node.getNodeEngine();
    }

    /** @return the configuration this member was started with */
    public GridConfig config() {
        return config;
    }

    @Override
    public GridMode mode() {
        return GridMode.EMBEDDED;
    }

    @Override
    public Optional<GridMember> localMember() {
        return Optional.of(toGridMember(hazelcast.getCluster().getLocalMember()));
    }
}
