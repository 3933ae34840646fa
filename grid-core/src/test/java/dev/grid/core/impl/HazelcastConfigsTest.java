package dev.grid.core.impl;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HazelcastConfigsTest {

    @Test
    void memberConfigUsesTcpIpJoinWithoutMulticastOrAutoDetection() {
        GridConfig grid = new GridConfig().setClusterName("c").setPartitionCount(17).setBackupCount(2)
                .setHazelcastProperty("hazelcast.heartbeat.interval.seconds", "3");
        grid.getNetwork().setPort(6100).setPortAutoIncrement(false).setMembers(List.of("127.0.0.1:6100-6102"));
        Config config = HazelcastConfigs.member(grid);
        assertEquals("c", config.getClusterName());
        assertEquals("17", config.getProperty("hazelcast.partition.count"));
        assertEquals("slf4j", config.getProperty("hazelcast.logging.type"));
        assertEquals("false", config.getProperty("hazelcast.phone.home.enabled"));
        assertEquals("3", config.getProperty("hazelcast.heartbeat.interval.seconds"));
        assertEquals(6100, config.getNetworkConfig().getPort());
        assertFalse(config.getNetworkConfig().isPortAutoIncrement());
        JoinConfig join = config.getNetworkConfig().getJoin();
        assertFalse(join.getMulticastConfig().isEnabled());
        assertFalse(join.getAutoDetectionConfig().isEnabled());
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(List.of("127.0.0.1:6100", "127.0.0.1:6101", "127.0.0.1:6102"), join.getTcpIpConfig().getMembers(),
                "Hazelcast takes host:port only: a range is expanded");
        assertEquals(2, config.getMapConfig("default").getBackupCount());
    }

    @Test
    void memberJoinListKeepsBareHostsAndIpv6AndExpandsEveryRange() {
        GridConfig grid = new GridConfig();
        grid.getNetwork().setMembers(List.of("10.0.0.5", "[::1]:5801-5802", "host-a:7000", "host-b:7000-7000"));
        assertEquals(List.of("10.0.0.5", "[::1]:5801", "[::1]:5802", "host-a:7000", "host-b:7000"),
                HazelcastConfigs.member(grid).getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    }

    @Test
    void clientConfigExpandsPortRangesAndBoundsTheConnectTime() {
        GridClientConfig grid = new GridClientConfig().setClusterName("c")
                .setAddresses(List.of("127.0.0.1:5701-5703", "[::1]:5801", "host-a"))
                .setConnectTimeout(Duration.ofSeconds(7));
        ClientConfig config = HazelcastConfigs.client(grid);
        assertEquals("c", config.getClusterName());
        assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703", "[::1]:5801", "host-a"),
                config.getNetworkConfig().getAddresses());
        assertEquals(7000, config.getConnectionStrategyConfig().getConnectionRetryConfig().getClusterConnectTimeoutMillis());
    }

    @Test
    void migrationsAJoiningMemberReceivesAtOnceHoldASixteenthOfItsHeap() {
        long mb = 1024 * 1024;
        // a 256 MB member received ten 45 MB migration operations at once under Hazelcast's 250 MB default and ran out of heap
        assertEquals(1, HazelcastConfigs.migrationChunkMegabytes(256 * mb, 10));
        assertEquals(6, HazelcastConfigs.migrationChunkMegabytes(1024 * mb, 10));
        assertEquals(64, HazelcastConfigs.migrationChunkMegabytes(1024 * mb, 1));
        assertEquals(250, HazelcastConfigs.migrationChunkMegabytes(64L * 1024 * mb, 10), "never above Hazelcast's own cap");
        assertEquals(1, HazelcastConfigs.migrationChunkMegabytes(16 * mb, 10), "never below 1 MB");
        Config member = HazelcastConfigs.member(new GridConfig().setHazelcastProperty("hazelcast.partition.max.parallel.migrations", "2"));
        assertEquals(Integer.toString(HazelcastConfigs.migrationChunkMegabytes(Runtime.getRuntime().maxMemory(), 2)),
                member.getProperty("hazelcast.partition.migration.chunks.max.migrating.data.in.mb"));
        assertEquals("40", HazelcastConfigs.member(new GridConfig()
                        .setHazelcastProperty("hazelcast.partition.migration.chunks.max.migrating.data.in.mb", "40"))
                .getProperty("hazelcast.partition.migration.chunks.max.migrating.data.in.mb"), "a raw property still overrides it");
    }

    @Test
    void writesWhoseBackupsDidNotConfirmFailOnMembersAndClients() {
        Config member = HazelcastConfigs.member(new GridConfig());
        assertEquals("true", member.getProperty("hazelcast.operation.fail.on.indeterminate.state"));
        ClientConfig client = HazelcastConfigs.client(new GridClientConfig());
        assertEquals("true", client.getProperty("hazelcast.client.operation.fail.on.indeterminate.state"));
        assertFalse(client.isBackupAckToClientEnabled(), "the owner collects the backups' confirmations, not the client");
    }

    @Test
    void clientsWriteToTheirConnectionsFromTheOutputThread() {
        assertEquals("false", HazelcastConfigs.client(new GridClientConfig()).getProperty("hazelcast.client.io.write.through"));
        assertEquals("true", HazelcastConfigs.client(new GridClientConfig().setHazelcastProperty("hazelcast.client.io.write.through", "true"))
                .getProperty("hazelcast.client.io.write.through"), "a raw property still overrides it");
    }

    @Test
    void rawPropertiesOverrideGridsOwnSettings() {
        Config member = HazelcastConfigs.member(new GridConfig()
                .setHazelcastProperty("hazelcast.operation.fail.on.indeterminate.state", "false"));
        assertEquals("false", member.getProperty("hazelcast.operation.fail.on.indeterminate.state"));
        ClientConfig client = HazelcastConfigs.client(new GridClientConfig()
                .setHazelcastProperty("hazelcast.client.operation.fail.on.indeterminate.state", "false"));
        assertEquals("false", client.getProperty("hazelcast.client.operation.fail.on.indeterminate.state"));
    }

    @Test
    void aMemberBindsAndConnectsFromExactlyItsConfiguredAddress() {
        GridConfig grid = new GridConfig();
        grid.getNetwork().setHost("127.0.0.2");
        Config config = HazelcastConfigs.member(grid);
        assertEquals("127.0.0.2", config.getProperty("hazelcast.local.localAddress"));
        assertEquals("false", config.getProperty("hazelcast.socket.bind.any"));
        assertEquals("false", config.getProperty("hazelcast.socket.client.bind.any"));
        assertFalse(config.getNetworkConfig().getInterfaces().isEnabled());
    }

    @Test
    void memberConfigRunsTheSecretHandshakeAndFiltersDeserializationWithTheAllowlist() {
        GridConfig grid = new GridConfig();
        grid.getSecurity().setSecret("a member's shared secret").allowClasses("com.example.Order").allowClasses("com.example.model.*")
                .allowClasses("org.acme.**");
        Config config = HazelcastConfigs.member(grid);
        assertTrue(config.getNetworkConfig().getSocketInterceptorConfig().isEnabled());
        assertTrue(HazelcastConfigs.secretHandshake(config).isPresent());
        JavaSerializationFilterConfig filter = config.getSerializationConfig().getJavaSerializationFilterConfig();
        assertTrue(filter.isDefaultsDisabled(), "Hazelcast's wider defaults (every java* class) are off");
        ClassFilter allowed = filter.getWhitelist();
        for (String name : List.of("com.example.Order", "com.example.model.Line", "org.acme.deep.Thing", "dev.grid.core.GridEntry",
                "com.hazelcast.core.HazelcastException", "java.lang.String", "java.util.ArrayList", "java.math.BigDecimal",
                "java.time.Ser", "java.lang.invoke.SerializedLambda", "[Ljava.lang.String;")) {
            assertTrue(allowed.isListed(name), name);
        }
        for (String name : List.of("com.example.model.sub.Line", "com.example.Other", "java.net.URL", "javax.management.BadAttributeValueExpException",
                "java.lang.reflect.Proxy", "org.apache.commons.collections.functors.InvokerTransformer")) {
            assertFalse(allowed.isListed(name), name);
        }
    }

    @Test
    void withoutSecretOrFilterTheMemberConfigHasNeither() {
        assumeTrue(System.getenv("GRID_SECRET") == null, "GRID_SECRET is set in this environment");
        GridConfig grid = new GridConfig();
        grid.getSecurity().setDeserializationFilter(false);
        Config config = HazelcastConfigs.member(grid);
        assertNull(config.getNetworkConfig().getSocketInterceptorConfig());
        assertTrue(HazelcastConfigs.secretHandshake(config).isEmpty());
        assertNull(config.getSerializationConfig().getJavaSerializationFilterConfig());
        assertTrue(HazelcastConfigs.secretHandshake(HazelcastConfigs.client(new GridClientConfig())).isEmpty());
    }

    @Test
    void clientConfigRunsTheSecretHandshake() {
        ClientConfig config = HazelcastConfigs.client(new GridClientConfig().setSecret("a member's shared secret"));
        assertTrue(config.getNetworkConfig().getSocketInterceptorConfig().isEnabled());
        assertTrue(HazelcastConfigs.secretHandshake(config).isPresent());
    }

    @Test
    void jetFollowsGridJetEnabledAndIsOffWithoutTheSqlEngineWhenAuto() {
        // grid-core's tests do not have hazelcast-sql on the class path
        assertFalse(HazelcastConfigs.member(new GridConfig()).getJetConfig().isEnabled());
        assertTrue(HazelcastConfigs.member(new GridConfig().setJetEnabled(true)).getJetConfig().isEnabled());
        assertFalse(HazelcastConfigs.member(new GridConfig().setJetEnabled(false)).getJetConfig().isEnabled());
        assertEquals(null, GridConfig.fromYaml("grid:\n  jetEnabled: auto\n").getJetEnabled());
        assertEquals(Boolean.TRUE, GridConfig.fromYaml("grid:\n  jetEnabled: true\n").getJetEnabled());
        GridConfigException e = assertThrows(GridConfigException.class, () -> GridConfig.fromYaml("grid:\n  jetEnabled: maybe\n"));
        assertTrue(e.getMessage().contains("grid.jetEnabled must be auto, true or false, was"), e.getMessage());
    }

    @Test
    void jobJarsAreAcceptedUnlessTurnedOffAndTheirUrlPassesTheAllowlistOnlyThen() {
        Config on = HazelcastConfigs.member(new GridConfig().setJetEnabled(true));
        assertTrue(on.getJetConfig().isResourceUploadEnabled());
        assertTrue(on.getSerializationConfig().getJavaSerializationFilterConfig().getWhitelist().getClasses().contains("java.net.URL"));
        Config off = HazelcastConfigs.member(GridConfig.fromYaml("grid:\n  jetEnabled: true\n  jetResourceUploadEnabled: false\n"));
        assertFalse(off.getJetConfig().isResourceUploadEnabled());
        assertFalse(off.getSerializationConfig().getJavaSerializationFilterConfig().getWhitelist().getClasses().contains("java.net.URL"));
        Config noJet = HazelcastConfigs.member(new GridConfig().setJetEnabled(false));
        assertFalse(noJet.getSerializationConfig().getJavaSerializationFilterConfig().getWhitelist().getClasses().contains("java.net.URL"));
    }
}
