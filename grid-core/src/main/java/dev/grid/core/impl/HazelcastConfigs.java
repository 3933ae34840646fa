package dev.grid.core.impl;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientNetworkConfig;
import com.hazelcast.client.config.ProxyFactoryConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SocketInterceptorConfig;
import com.hazelcast.config.TcpIpConfig;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridNetworkConfig;
import dev.grid.core.config.GridSecurityConfig;
import dev.grid.core.config.MemberAddresses;
import dev.grid.core.config.Secrets;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.client.ClientGridMapProxy;
import dev.grid.core.impl.security.DeserializationAllowlist;
import dev.grid.core.impl.security.SecretSocketInterceptor;
import dev.grid.core.spi.GridEventBus;
import dev.grid.core.spi.MemberContext;

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
    static final String CLIENT_BIND_ANY = "hazelcast.socket.client.bind.any";
    static final String LOCAL_ADDRESS = "hazelcast.local.localAddress";
    /** A member-side write whose backups did not acknowledge fails instead of reporting success. */
    static final String FAIL_ON_INDETERMINATE = "hazelcast.operation.fail.on.indeterminate.state";
    /** A client write whose backups did not acknowledge fails instead of reporting success. */
    static final String CLIENT_FAIL_ON_INDETERMINATE = "hazelcast.client.operation.fail.on.indeterminate.state";
    static final String CLIENT_WRITE_THROUGH = "hazelcast.client.io.write.through";
    /** How much partition data one migration carries per operation (Hazelcast's default, 250 MB, is sized for large heaps). */
    static final String MIGRATION_CHUNK_MB = "hazelcast.partition.migration.chunks.max.migrating.data.in.mb";
    static final String PARALLEL_MIGRATIONS = "hazelcast.partition.max.parallel.migrations";
    /** Hazelcast's default number of migrations a member runs at once. */
    static final int DEFAULT_PARALLEL_MIGRATIONS = 10;
    /** The share of the heap that the migrations a member receives at once may hold: a sixteenth. */
    static final int MIGRATION_HEAP_SHARE = 16;
    /** Hazelcast's default cap on one migration's operation, in MB. */
    static final int MAX_MIGRATION_CHUNK_MB = 250;
    /** A class of Hazelcast's SQL engine (the hazelcast-sql jar): its presence turns Jet on when grid.jetEnabled is auto. */
    static final String SQL_ENGINE_CLASS = "com.hazelcast.jet.sql.impl.JetSqlSerializerHook";
    /** A class of grid-stream (Jet sources and sinks over grid's data): its presence turns Jet on when grid.jetEnabled is auto. */
    static final String STREAM_CLASS = "dev.grid.stream.GridSources";

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
        // connections to other members start from this member's own address, as its listening socket does
        config.setProperty(CLIENT_BIND_ANY, "false");
        // never report a write as a success when its synchronous backups did not confirm it (Hazelcast's default does)
        config.setProperty(FAIL_ON_INDETERMINATE, "true");
        // a member that joins receives up to ten migrations at once, each of this size: bounded by the heap so that a
        // joining member with a small heap is not run out of memory by the partitions it takes over
        config.setProperty(MIGRATION_CHUNK_MB, Integer.toString(migrationChunkMegabytes(Runtime.getRuntime().maxMemory(),
                parallelMigrations(grid))));
        config.getUserContext().put(MemberContext.USER_CONTEXT_KEY, new MemberContext(grid, new GridEventBus()));

        GridNetworkConfig gridNetwork = grid.getNetwork();
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(gridNetwork.getPort()).setPortAutoIncrement(gridNetwork.isPortAutoIncrement());
        // Exactly the configured address, also one the machine has no interface for such as 127.0.0.2
        // (the whole 127/8 is local); interface matching would refuse it.
        config.setProperty(LOCAL_ADDRESS, gridNetwork.getHost());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(gridNetwork.isMulticast());
        join.getAutoDetectionConfig().setEnabled(false);
        TcpIpConfig tcpIp = join.getTcpIpConfig();
        tcpIp.setEnabled(!gridNetwork.getMembers().isEmpty());
        // Hazelcast takes host:port only: a range becomes one address per port.
        MemberAddresses.expandAll(gridNetwork.getMembers()).forEach(tcpIp::addMember);

        // Jet: SQL (grid-query) needs it; Hazelcast 5 leaves it off
        config.getJetConfig().setEnabled(jetEnabled(grid));
        // jobs bring their classes in jars ('grid job submit'); Hazelcast leaves it off
        config.getJetConfig().setResourceUploadEnabled(grid.isJetResourceUploadEnabled());

        // Hazelcast's own structures (reached through the hazelcast() escape hatch) follow grid's backup counts.
        MapConfig defaultMap = config.getMapConfig("default");
        defaultMap.setBackupCount(grid.getBackupCount()).setAsyncBackupCount(grid.getAsyncBackupCount());

        GridSecurityConfig security = grid.getSecurity();
        Secrets.resolve(security.getSecret()).ifPresent(secret -> network.setSocketInterceptorConfig(
                new SocketInterceptorConfig().setEnabled(true).setImplementation(SecretSocketInterceptor.forMember(secret))));
        JavaSerializationFilterConfig filter = DeserializationAllowlist.filterConfig(security);
        if (filter != null && config.getJetConfig().isEnabled() && grid.isJetResourceUploadEnabled()) {
            // a job's attached jar travels as a URL (Jet's ResourceConfig): who may upload a jar runs code anyway
            filter.getWhitelist().addClasses(DeserializationAllowlist.JOB_RESOURCE_CLASS);
        }
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        // the user's raw properties last: they override grid's
        grid.getHazelcastProperties().forEach(config::setProperty);
        return config;
    }

    /**
     * @param maxHeapBytes the member's heap bound
     * @param parallelMigrations how many migrations the member runs at once
     * @return the megabytes one migration's operation may carry: together the parallel migrations hold at most a
     *         {@value #MIGRATION_HEAP_SHARE}th of the heap, at least 1 MB each, at most Hazelcast's default
     */
    static int migrationChunkMegabytes(long maxHeapBytes, int parallelMigrations) {
        long perMigration = maxHeapBytes / MIGRATION_HEAP_SHARE / Math.max(1, parallelMigrations) / (1024 * 1024);
        return (int) Math.max(1, Math.min(MAX_MIGRATION_CHUNK_MB, perMigration));
    }

    private static int parallelMigrations(GridConfig grid) {
        String configured = grid.getHazelcastProperties().get(PARALLEL_MIGRATIONS);
        try {
            return configured == null ? DEFAULT_PARALLEL_MIGRATIONS : Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_PARALLEL_MIGRATIONS; // Hazelcast reports the bad value itself
        }
    }

    /**
     * @param grid a member configuration
     * @return whether the member runs Jet: {@code grid.jetEnabled}, or for {@code auto} whether Hazelcast's SQL engine
     *         ({@code hazelcast-sql}, which grid-query brings) or grid-stream is on the class path
     */
    static boolean jetEnabled(GridConfig grid) {
        if (grid.getJetEnabled() != null) {
            return grid.getJetEnabled();
        }
        return onClassPath(SQL_ENGINE_CLASS) || onClassPath(STREAM_CLASS);
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, HazelcastConfigs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
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
        config.setProperty(CLIENT_FAIL_ON_INDETERMINATE, "true");
        // The owner answers only once its synchronous backups confirmed the write. (Hazelcast's
        // default has the backups confirm to the client directly, which saves a hop but loses the
        // confirmation whenever the client is not yet connected to the backup member, or has not yet
        // registered its backup listener there: after the client starts, after a member joins. Such
        // a write then waits out the backup timeout and, with fail.on.indeterminate, fails.)
        config.setBackupAckToClientEnabled(false);
        // Requests go to the socket through the client's output thread. With Hazelcast's default "write through" (the
        // calling thread writes when it sees no concurrency), a client producing to a log at 50,000 records/s while
        // reading it sometimes stopped writing for 0.25-3.6 s, its requests queued and its output thread idle, until
        // something else woke the connection: in most single-member runs of grid bench log's latency scenario; none in
        // 9 runs without it (perf/RESULTS.md).
        config.setProperty(CLIENT_WRITE_THROUGH, "false");
        grid.getHazelcastProperties().forEach(config::setProperty);
        ClientNetworkConfig network = config.getNetworkConfig();
        MemberAddresses.expandAll(grid.getAddresses()).forEach(network::addAddress);
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(grid.getConnectTimeout().toMillis());
        Secrets.resolve(grid.getSecret()).ifPresent(secret -> network.setSocketInterceptorConfig(
                new SocketInterceptorConfig().setEnabled(true).setImplementation(SecretSocketInterceptor.forClient(secret))));
        // grid's structures on the client: hazelcast.getDistributedObject(service, name) creates these proxies.
        config.addProxyFactoryConfig(new ProxyFactoryConfig(GridMapService.SERVICE_NAME, ClientGridMapProxy.factory()));
        return config;
    }
}
