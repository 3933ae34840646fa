package dev.grid.core.config;

import dev.grid.core.config.MemberAddresses;
import dev.grid.core.config.RequireDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration of a grid client: which cluster, which member addresses to try, how long to wait.
 * Defaults connect to a cluster named {@code grid} on this machine (127.0.0.1, ports 5701-5703).
 *
 * @since 0.1
 */
public final class GridClientConfig {
    private String clusterName = "grid";
    private List<String> addresses = List.of("127.0.0.1");
    private Duration connectTimeout = Duration.ofSeconds(30);
    private final Map<String, String> hazelcastProperties = new LinkedHashMap<>();
    private String secret = "";
    private GridClock clock = GridClock.SYSTEM;

    /**
     * A client config for the cluster a member config describes: same cluster name and secret, and the
     * member addresses of its TCP/IP join list (a bare host gets ports port..port+2).
     *
     * @param member a member's configuration
     * @return a client configuration reaching that cluster
     */
    public static GridClientConfig forCluster(GridConfig member) {
        GridNetworkConfig network = member.getNetwork();
        List<String> addresses = new ArrayList<>();
        for (String address : network.getMembers()) {
            boolean hasPort = address.lastIndexOf(':') > address.lastIndexOf(']');
            addresses.add(hasPort ? address : address + ":" + network.getPort() + "-" + Math.min(65535, network.getPort() + 2));
        }
        return new GridClientConfig().setClusterName(member.getClusterName()).setAddresses(addresses)
                .setSecret(member.getSecurity().getSecret());
    }

    /** @return the cluster to connect to (default {@code grid}) */
    public String getClusterName() {
        return clusterName;
    }

    public GridClientConfig setClusterName(String clusterName) {
        this.clusterName = Require.nonBlank("client.clusterName", clusterName);
        return this;
    }

    /** @return member addresses to try: {@code host}, {@code host:port} or {@code host:first-last} */
    public List<String> getAddresses() {
        return addresses;
    }

    public GridClientConfig setAddresses(List<String> addresses) {
        Require.nonNull("client.addresses", addresses);
        if (addresses.isEmpty()) {
            throw new GridConfigException("client.addresses", "client.addresses must list at least one address, was []");
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            checked.add(MemberAddresses.check("client.addresses[" + i + "]", addresses.get(i)));
        }
        this.addresses = List.copyOf(checked);
        return this;
    }

    /** @return how long to keep trying to reach a member before giving up (default 30 s) */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public GridClientConfig setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = RequireDuration.positive("client.connectTimeout", connectTimeout);
        return this;
    }

    /**
     * @return the cluster's shared secret (empty: none configured; the {@value GridSecurityConfig#SECRET_ENVIRONMENT_VARIABLE}
     *         environment variable is used when set)
     */
    public String getSecret() {
        return secret;
    }

    /**
     * Sets the secret the cluster's members share ({@code grid.security.secret}); the client proves it
     * knows it when it connects, and checks that each member does too.
     *
     * @param secret at least 16 characters; null or empty: none (then {@value GridSecurityConfig#SECRET_ENVIRONMENT_VARIABLE} applies)
     * @return this
     */
    public GridClientConfig setSecret(String secret) {
        this.secret = GridSecurityConfig.checkSecret("client.secret", secret);
        return this;
    }

    /**
     * Sets a raw Hazelcast client property (escape hatch), overriding grid's own setting of it
     * (grid sets {@code hazelcast.client.operation.fail.on.indeterminate.state=true} and
     * {@code hazelcast.client.io.write.through=false}; see docs/config.md).
     *
     * @param key   a property name starting with {@code hazelcast.}
     * @param value its value
     * @return this
     */
    public GridClientConfig setHazelcastProperty(String key, String value) {
        Require.hazelcastProperty("client.hazelcastProperties", hazelcastProperties, key, value);
        return this;
    }

    /** @return the raw Hazelcast client properties set, in order */
    public Map<String, String> getHazelcastProperties() {
        return Collections.unmodifiableMap(hazelcastProperties);
    }

    /** @return the clock the client's logic decides by (default {@link GridClock#SYSTEM}) */
    public GridClock getClock() {
        return clock;
    }

    /**
     * Sets the clock the client's logic decides by ({@link Grid#clock()}: event times, what
     * grid-txn and grid-monitor running in the client judge by time). Not a configuration file key:
     * tests pass a clock they advance by hand.
     *
     * @param clock the clock
     * @return this
     */
    public GridClientConfig setClock(GridClock clock) {
        this.clock = Require.nonNull("clock", clock);
        return this;
    }
}
