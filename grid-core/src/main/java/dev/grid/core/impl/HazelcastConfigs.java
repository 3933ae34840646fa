package dev.grid.core.impl;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientNetworkConfig;
import com.hazelcast.client.config.ProxyFactoryConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SocketInterceptorConfig;
import com.hazelcast.config.TcpIpConfig;
import dev.grid.core.GridClientConfig;
import dev.grid.core.GridConfig;
import dev.grid.core.GridNetworkConfig;
import dev.grid.core.GridSecurityConfig;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.client.ClientGridMapProxy;
import dev.grid.core.impl.security.DeserializationAllowlist;
import dev.grid.core.impl.security.SecretSocketInterceptor;
import dev.grid.core.impl.security.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates grid's configuration into Hazelcast's. This is the one place that knows which
 * Hazelcast settings grid's keys map to.
 */
public final class HazelcastConfigs {
    static final String LOGGING_TYPE = "hazelcast.logging.type";
    static final String PHONE_HOME = "hazelcast.phone.home.enabled";
    static final String PARTITION_COUNT = "hazelcast.partition.count";
    static final String BIND_ANY = "hazelcast.socket.bind.any";

    private HazelcastConfigs() {
    }

    /**
     * @param grid a validated member configuration
     * @return the Hazelcast member configuration it stands for
     */
    public static Config member(GridConfig grid) {
        Config config = new Config();
        config.setClusterName(grid.getClusterName());
        config.setProperty(LOGGING_TYPE, "slf4j");
        config.setProperty(PHONE_HOME, "false");
        config.setProperty(PARTITION_COUNT, Integer.toString(grid.getPartitionCount()));
        config.setProperty(BIND_ANY, "false");
        grid.getHazelcastProperties().forEach(config::setProperty);
        config.getUserContext().put(GridMapService.CONFIG_KEY, grid);
        config.getUserContext().put(DefaultGridEvents.USER_CONTEXT_KEY, new DefaultGridEvents());

        GridNetworkConfig gridNetwork = grid.getNetwork();
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(gridNetwork.getPort()).setPortAutoIncrement(gridNetwork.isPortAutoIncrement());
        network.getInterfaces().setEnabled(true).addInterface(gridNetwork.getHost());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(gridNetwork.isMulticast());
        join.getAutoDetectionConfig().setEnabled(false);
        TcpIpConfig tcpIp = join.getTcpIpConfig();
        tcpIp.setEnabled(!gridNetwork.getMembers().isEmpty());
        gridNetwork.getMembers().forEach(tcpIp::addMember);

        // Hazelcast's own structures (reached through the hazelcast() escape hatch) follow grid's backup counts.
        MapConfig defaultMap = config.getMapConfig("default");
        defaultMap.setBackupCount(grid.getBackupCount()).setAsyncBackupCount(grid.getAsyncBackupCount());

        GridSecurityConfig security = grid.getSecurity();
        Secrets.resolve(security.getSecret()).ifPresent(secret -> network.setSocketInterceptorConfig(
                new SocketInterceptorConfig().setEnabled(true).setImplementation(SecretSocketInterceptor.forMember(secret))));
        config.getSerializationConfig().setJavaSerializationFilterConfig(DeserializationAllowlist.filterConfig(security));
        return config;
    }

    /**
     * @param hazelcast a member or client configuration from this class
     * @return the secret handshake it runs on its connections, if it has a secret
     */
    public static Optional<SecretSocketInterceptor> secretHandshake(Object hazelcast) {
        SocketInterceptorConfig interceptor = hazelcast instanceof Config member ? member.getNetworkConfig().getSocketInterceptorConfig()
                : ((ClientConfig) hazelcast).getNetworkConfig().getSocketInterceptorConfig();
        return interceptor != null && interceptor.getImplementation() instanceof SecretSocketInterceptor handshake
                ? Optional.of(handshake) : Optional.empty();
    }

    /**
     * @param grid a client configuration
     * @return the Hazelcast client configuration it stands for
     */
    public static ClientConfig client(GridClientConfig grid) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(grid.getClusterName());
        config.setProperty(LOGGING_TYPE, "slf4j");
        config.setProperty(PHONE_HOME, "false");
        ClientNetworkConfig network = config.getNetworkConfig();
        grid.getAddresses().forEach(address -> expandPortRange(address).forEach(network::addAddress));
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(grid.getConnectTimeout().toMillis());
        Secrets.resolve(grid.getSecret()).ifPresent(secret -> network.setSocketInterceptorConfig(
                new SocketInterceptorConfig().setEnabled(true).setImplementation(SecretSocketInterceptor.forClient(secret))));
        // grid's structures on the client: hazelcast.getDistributedObject(service, name) creates these proxies.
        config.addProxyFactoryConfig(new ProxyFactoryConfig(GridMapService.SERVICE_NAME, ClientGridMapProxy.factory()));
        return config;
    }

    /** Hazelcast's client takes no port ranges: {@code host:5701-5703} becomes three addresses. */
    static List<String> expandPortRange(String address) {
        int colon = address.lastIndexOf(':');
        int dash = address.lastIndexOf('-');
        if (colon < 0 || dash < colon || address.endsWith("]")) {
            return List.of(address);
        }
        String host = address.substring(0, colon);
        int first = Integer.parseInt(address.substring(colon + 1, dash));
        int last = Integer.parseInt(address.substring(dash + 1));
        List<String> addresses = new ArrayList<>();
        for (int port = first; port <= last; port++) {
            addresses.add(host + ":" + port);
        }
        return addresses;
    }
}
