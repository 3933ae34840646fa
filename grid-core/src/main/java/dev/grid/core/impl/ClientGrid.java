package dev.grid.core.impl;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.GridClientConfig;
import dev.grid.core.GridException;
import dev.grid.core.GridMember;
import dev.grid.core.GridMode;

import java.util.Objects;
import java.util.Optional;

/**
 * A client connected to standalone grid members.
 */
public final class ClientGrid extends HazelcastGrid {
    private final String clusterName;

    private ClientGrid(HazelcastInstance hazelcast, String clusterName) {
        super(hazelcast, new DefaultGridEvents());
        this.clusterName = clusterName;
    }

    /**
     * Connects to the cluster, waiting at most the configured connect timeout.
     *
     * @param config the client's configuration
     * @return the connected client
     */
    public static ClientGrid connect(GridClientConfig config) {
        Objects.requireNonNull(config, "config");
        SystemDefaults.apply();
        HazelcastInstance hazelcast;
        try {
            hazelcast = HazelcastClient.newHazelcastClient(HazelcastConfigs.client(config));
        } catch (HazelcastException | IllegalStateException e) {
            throw new GridException("cannot connect to grid cluster '" + config.getClusterName() + "' at "
                    + config.getAddresses() + " within " + config.getConnectTimeout() + ": " + e.getMessage(), e);
        }
        return new ClientGrid(hazelcast, config.getClusterName());
    }

    @Override
    public String clusterName() {
        return clusterName;
    }

    @Override
    public GridMode mode() {
        return GridMode.CLIENT;
    }

    @Override
    public Optional<GridMember> localMember() {
        return Optional.empty();
    }
}
