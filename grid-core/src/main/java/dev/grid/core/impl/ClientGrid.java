package dev.grid.core.impl;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.GridClientConfig;
import dev.grid.core.GridException;
import dev.grid.core.GridMember;
import dev.grid.core.GridMode;
import dev.grid.core.GridSecurityConfig;
import dev.grid.core.impl.security.SecretSocketInterceptor;

import java.util.Objects;
import java.util.Optional;

/**
 * A client connected to standalone grid members.
 */
public final class ClientGrid extends HazelcastGrid {
    private final String clusterName;

    private ClientGrid(HazelcastInstance hazelcast, GridClientConfig config) {
        super(hazelcast, new DefaultGridEvents(), config.getClock());
        this.clusterName = config.getClusterName();
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
        ClientConfig hazelcastConfig = HazelcastConfigs.client(config);
        try {
            return new ClientGrid(HazelcastClient.newHazelcastClient(hazelcastConfig), config);
        } catch (HazelcastException | IllegalStateException e) {
            throw new GridException("cannot connect to grid cluster '" + config.getClusterName() + "' at "
                    + config.getAddresses() + " within " + config.getConnectTimeout() + ": " + e.getMessage() + handshakeReason(hazelcastConfig), e);
        }
    }

    /** @return why the secret handshake failed, or a hint that this client has no secret, for a connect failure's message */
    private static String handshakeReason(ClientConfig hazelcastConfig) {
        Optional<SecretSocketInterceptor> handshake = HazelcastConfigs.secretHandshake(hazelcastConfig);
        if (handshake.isEmpty()) {
            return " (this client has no secret: a cluster with grid.security.secret refuses it; set GridClientConfig.setSecret or "
                    + GridSecurityConfig.SECRET_ENVIRONMENT_VARIABLE + ")";
        }
        return handshake.get().lastRefusal().or(() -> handshake.get().lastFailure()).map(reason -> " (" + reason + ")").orElse("");
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
