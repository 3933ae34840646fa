package dev.grid.core;

import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridMapConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridConfigTest {

    private static GridConfigException rejectYaml(String yaml) {
        return assertThrows(GridConfigException.class, () -> GridConfig.fromYaml(yaml));
    }

    @Test
    void defaultsAreValidAndRunOnOneMachine() {
        GridConfig config = new GridConfig().validate();
        assertEquals("grid", config.getClusterName());
        assertEquals(271, config.getPartitionCount());
        assertEquals(1, config.getBackupCount());
        assertEquals(0, config.getAsyncBackupCount());
        assertEquals("127.0.0.1", config.getNetwork().getHost());
        assertEquals(5701, config.getNetwork().getPort());
        assertEquals(List.of("127.0.0.1"), config.getNetwork().getMembers());
        assertFalse(config.getNetwork().isMulticast());
        assertEquals(Path.of("grid-data"), config.getDataDirectory());
    }

    @Test
    void shouldRejectOutOfRangePartitionCountNamingKeyAndValue() {
        GridConfigException e = assertThrows(GridConfigException.class, () -> new GridConfig().setPartitionCount(0));
        assertEquals("grid.partitionCount must be between 1 and 65536, was 0", e.getMessage());
        assertEquals("grid.partitionCount", e.key());
    }

    @Test
    void loadsEveryKeyFromYaml(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, String.join("\n",
                "grid:",
                "  clusterName: orders-prod",
                "  partitionCount: 1021",
                "  backupCount: 2",
                "  asyncBackupCount: 1",
                "  dataDirectory: /var/lib/grid",
                "  monitor:",
                "    port: 9100",
                "  network:",
                "    host: 127.0.0.2",
                "    port: 6000",
                "    portAutoIncrement: false",
                "    members: [127.0.0.2, '127.0.0.3:6000', '127.0.0.4:6000-6002']",
                "    multicast: true",
                "  maps:",
                "    orders:",
                "      entries: 5_000_000",
                "      averageKeySize: 16",
                "      averageValueSize: 512",
                "      maxValueSize: 4096",
                "      backupCount: 1",
                "      asyncBackupCount: 0",
                "      changeCapture: true",
                "    sessions: {}",
                "  hazelcastProperties:",
                "    hazelcast.heartbeat.interval.seconds: 2",
                ""));
        GridConfig config = GridConfig.load(file);
        assertEquals("orders-prod", config.getClusterName());
        assertEquals(1021, config.getPartitionCount());
        assertEquals(2, config.getBackupCount());
        assertEquals(1, config.getAsyncBackupCount());
        assertEquals(Path.of("/var/lib/grid"), config.getDataDirectory());
        assertEquals(9100, config.getMonitorPort());
        assertEquals("127.0.0.2", config.getNetwork().getHost());
        assertEquals(6000, config.getNetwork().getPort());
        assertFalse(config.getNetwork().isPortAutoIncrement());
        assertEquals(List.of("127.0.0.2", "127.0.0.3:6000", "127.0.0.4:6000-6002"), config.getNetwork().getMembers());
        assertTrue(config.getNetwork().isMulticast());
        GridMapConfig orders = config.getMaps().get("orders");
        assertEquals(5_000_000L, orders.getEntries());
        assertEquals(16, orders.getAverageKeySize());
        assertEquals(512, orders.getAverageValueSize());
        assertEquals(4096, orders.getMaxValueSize());
        assertEquals(1, orders.getBackupCount().getAsInt());
        assertEquals(0, orders.getAsyncBackupCount().getAsInt());
        assertTrue(orders.isChangeCapture());
        assertEquals("__changes.orders", orders.getChangeTopic());
        assertFalse(config.getMaps().get("sessions").isChangeCapture());
        assertEquals(new GridMapConfig("sessions"), config.getMaps().get("sessions"));
        assertEquals(new GridMapConfig("unlisted"), config.mapConfig("unlisted"));
        assertEquals("2", config.getHazelcastProperties().get("hazelcast.heartbeat.interval.seconds"));
    }

    @Test
    void offHeapBudgetTakesByteCountsWithSuffixes() {
        assertEquals(512L << 20, GridConfig.fromYaml("grid:\n  offHeapBudget: 512m\n").getOffHeapBudget());
        assertEquals(4L << 30, GridConfig.fromYaml("grid:\n  offHeapBudget: 4g\n").getOffHeapBudget());
        assertEquals(1000L, GridConfig.fromYaml("grid:\n  offHeapBudget: 1000\n").getOffHeapBudget());
        assertEquals("grid.offHeapBudget must be a byte count such as 1073741824, 512m or 4g, was \"lots\"",
                rejectYaml("grid:\n  offHeapBudget: lots\n").getMessage());
        assertEquals("grid.offHeapBudget must be >= 0 (0 = no limit), was -1", rejectYaml("grid:\n  offHeapBudget: -1\n").getMessage());
    }

    @Test
    void cpSettingsTakeDurationsAndCheckTheirOrder() {
        GridConfig config = GridConfig.fromYaml("grid:\n  cp:\n    memberCount: 1\n    sessionTtl: 10s\n"
                + "    sessionHeartbeatInterval: 500ms\n    leaderHeartbeatTimeout: 3s\n    missingMemberRemovalTimeout: 2m\n");
        assertEquals(1, config.getCp().getMemberCount());
        assertEquals(java.time.Duration.ofSeconds(10), config.getCp().getSessionTtl());
        assertEquals(java.time.Duration.ofMillis(500), config.getCp().getSessionHeartbeatInterval());
        assertEquals(java.time.Duration.ofMinutes(2), config.getCp().getMissingMemberRemovalTimeout());
        assertEquals("grid.cp.sessionTtl must be a duration such as 500ms, 1.5s, 2m or 1h (a number and a unit: ms, s, m, h or d), was \"soon\"",
                rejectYaml("grid:\n  cp:\n    sessionTtl: soon\n").getMessage());
        assertEquals("grid.cp.sessionTtl must be > 0, was 0s", rejectYaml("grid:\n  cp:\n    sessionTtl: 0s\n").getMessage());
        assertEquals("grid.cp.sessionHeartbeatInterval must be below grid.cp.sessionTtl (5s), was 5s",
                rejectYaml("grid:\n  cp:\n    sessionTtl: 5s\n").getMessage());
        assertEquals("grid.cp.leaderHeartbeatTimeout must be a whole number of seconds, was 1.5s",
                rejectYaml("grid:\n  cp:\n    leaderHeartbeatTimeout: 1500ms\n").getMessage());
        assertEquals("grid.cp.memberCount must be between 0 and 7, was 9", rejectYaml("grid:\n  cp:\n    memberCount: 9\n").getMessage());
    }

    @Test
    void missingCpMembersAreRemovedAtOnceByDefaultAndTheDelayCannotBeNegative() {
        assertEquals(java.time.Duration.ZERO, new GridConfig().getCp().getMissingMemberRemovalTimeout());
        assertEquals(java.time.Duration.ZERO,
                GridConfig.fromYaml("grid:\n  cp:\n    missingMemberRemovalTimeout: 0s\n").getCp().getMissingMemberRemovalTimeout());
        GridConfigException e = assertThrows(GridConfigException.class,
                () -> new GridConfig().getCp().setMissingMemberRemovalTimeout(java.time.Duration.ofSeconds(-1)));
        assertEquals("grid.cp.missingMemberRemovalTimeout must be >= 0, was -1s", e.getMessage());
    }

    @Test
    void shouldRejectUnknownKeyListingTheKnownOnes() {
        GridConfigException e = rejectYaml("grid:\n  netwrok:\n    port: 5701\n");
        assertTrue(e.getMessage().startsWith("grid.netwrok is not a known key; known keys under grid: clusterName, partitionCount"),
                e.getMessage());
        assertEquals("grid.netwrok", e.key());
    }

    @Test
    void shouldRejectUnknownNestedKey() {
        GridConfigException e = rejectYaml("grid:\n  network:\n    prot: 5701\n");
        assertTrue(e.getMessage().startsWith("grid.network.prot is not a known key; known keys under grid.network: host, port"),
                e.getMessage());
    }

    @Test
    void shouldRejectUnknownMapKey() {
        GridConfigException e = rejectYaml("grid:\n  maps:\n    orders:\n      entires: 10\n");
        assertTrue(e.getMessage().startsWith("grid.maps.orders.entires is not a known key"), e.getMessage());
    }

    @Test
    void shouldRejectWrongTypeNamingKeyAndValue() {
        assertEquals("grid.backupCount must be an integer, was \"one\"", rejectYaml("grid:\n  backupCount: one\n").getMessage());
        assertEquals("grid.network.multicast must be true or false, was \"sometimes\"",
                rejectYaml("grid:\n  network:\n    multicast: sometimes\n").getMessage());
        assertEquals("grid.network.members must be a list, was \"127.0.0.1\"",
                rejectYaml("grid:\n  network:\n    members: 127.0.0.1\n").getMessage());
        assertEquals("grid.network must be a mapping of keys to values, was 5701",
                rejectYaml("grid:\n  network: 5701\n").getMessage());
    }

    @Test
    void shouldRejectOutOfRangeValuesFromYaml() {
        assertEquals("grid.partitionCount must be between 1 and 65536, was 0", rejectYaml("grid:\n  partitionCount: 0\n").getMessage());
        assertEquals("grid.backupCount must be between 0 and 6, was 7", rejectYaml("grid:\n  backupCount: 7\n").getMessage());
        assertEquals("grid.network.port must be between 1 and 65535, was 70000",
                rejectYaml("grid:\n  network:\n    port: 70000\n").getMessage());
        assertEquals("grid.maps.orders.entries must be > 0, was -5", rejectYaml("grid:\n  maps:\n    orders:\n      entries: -5\n").getMessage());
        assertEquals("grid.partitionCount must be an integer (32-bit), was 99999999999",
                rejectYaml("grid:\n  partitionCount: 99999999999\n").getMessage());
    }

    @Test
    void shouldRejectRulesSpanningKeys() {
        assertEquals("grid.backupCount plus asyncBackupCount must be at most 6, was 4 + 3",
                rejectYaml("grid:\n  backupCount: 4\n  asyncBackupCount: 3\n").getMessage());
        assertEquals("grid.maps.orders.maxValueSize must be >= grid.maps.orders.averageValueSize (512), was 100",
                rejectYaml("grid:\n  maps:\n    orders:\n      averageValueSize: 512\n      maxValueSize: 100\n").getMessage());
        assertEquals("grid.network.members must list at least one address when grid.network.multicast is false, was []",
                rejectYaml("grid:\n  network:\n    members: []\n").getMessage());
    }

    @Test
    void jvmHeapDefaultsToOneGigabyteAndIsAByteCountOfAtLeast64m() {
        assertEquals(1L << 30, new GridConfig().getJvm().getHeap());
        assertEquals("-Xmx1024m", new GridConfig().getJvm().heapOption());
        GridConfig config = GridConfig.fromYaml("grid:\n  jvm:\n    heap: 512m\n");
        assertEquals(512L << 20, config.getJvm().getHeap());
        assertEquals("-Xmx512m", config.getJvm().heapOption());
        assertEquals("-Xmx100000000", GridConfig.fromYaml("grid:\n  jvm:\n    heap: 100000000\n").getJvm().heapOption());
        assertEquals("grid.jvm.heap must be between 64m and 64t, was 33554432 bytes",
                rejectYaml("grid:\n  jvm:\n    heap: 32m\n").getMessage());
        assertEquals("grid.jvm.heap must be a byte count such as 1073741824, 512m or 4g, was \"lots\"",
                rejectYaml("grid:\n  jvm:\n    heap: lots\n").getMessage());
        assertEquals("grid.jvm.xmx is not a known key; known keys under grid.jvm: heap",
                rejectYaml("grid:\n  jvm:\n    xmx: 1g\n").getMessage());
    }

    @Test
    void shouldRejectMalformedMemberAddress() {
        assertEquals("grid.network.members[1] must be host, host:port or host:first-last, was \"bad host:x\"",
                rejectYaml("grid:\n  network:\n    members: [127.0.0.1, 'bad host:x']\n").getMessage());
        assertEquals("grid.network.members[0] must have ports between 1 and 65535 (first <= last), was \"h:6000-5000\"",
                rejectYaml("grid:\n  network:\n    members: ['h:6000-5000']\n").getMessage());
        assertEquals("grid.network.members[0] must have ports between 1 and 65535 (first <= last), was \"127.0.0.1:25364-25363\"",
                rejectYaml("grid:\n  network:\n    members: ['127.0.0.1:25364-25363']\n").getMessage());
        assertEquals("grid.network.members[0] must span at most 100 ports, was \"127.0.0.1:1-65535\" (65535 ports)",
                rejectYaml("grid:\n  network:\n    members: ['127.0.0.1:1-65535']\n").getMessage());
        assertEquals("grid.network.members[0] must be host, host:port or host:first-last, was \"127.0.0.1:5701-\"",
                rejectYaml("grid:\n  network:\n    members: ['127.0.0.1:5701-']\n").getMessage());
    }

    @Test
    void shouldRejectRepeatedKeys() {
        GridConfigException e = rejectYaml("grid:\n  backupCount: 1\n  backupCount: 2\n");
        assertTrue(e.getMessage().contains("duplicate key backupCount"), e.getMessage());
    }

    @Test
    void shouldRejectYamlWithoutGridRoot() {
        assertEquals("clusterName is not a known top-level key in <yaml>; the only one is grid",
                rejectYaml("clusterName: x\n").getMessage());
        assertEquals("<yaml> is empty: expected a top-level key \"grid:\"", rejectYaml("").getMessage());
        assertTrue(rejectYaml("grid: [unclosed\n").getMessage().startsWith("<yaml> is not valid YAML"));
    }

    @Test
    void shouldRejectEmptyValueInsteadOfSilentlyDefaulting() {
        assertEquals("grid.clusterName has no value; remove it to use the default, or give a value",
                rejectYaml("grid:\n  clusterName:\n").getMessage());
    }

    @Test
    void shouldRejectHazelcastPropertyOutsideItsNamespace() {
        assertEquals("grid.hazelcastProperties keys must start with \"hazelcast.\", was \"heartbeat\"",
                rejectYaml("grid:\n  hazelcastProperties:\n    heartbeat: 1\n").getMessage());
    }

    @Test
    void shouldNameTheFileThatCannotBeRead(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        GridConfigException e = assertThrows(GridConfigException.class, () -> GridConfig.load(missing));
        assertTrue(e.getMessage().startsWith("cannot read config file " + missing), e.getMessage());
    }

    @Test
    void clientConfigForClusterExpandsBareHostsToThePortRange() {
        GridConfig member = new GridConfig().setClusterName("c1");
        member.getNetwork().setPort(6000).setMembers(List.of("10.0.0.1", "10.0.0.2:7000"));
        GridClientConfig client = GridClientConfig.forCluster(member);
        assertEquals("c1", client.getClusterName());
        assertEquals(List.of("10.0.0.1:6000-6002", "10.0.0.2:7000"), client.getAddresses());
    }

    @Test
    void clientConfigRejectsBadValues() {
        assertEquals("client.addresses must list at least one address, was []",
                assertThrows(GridConfigException.class, () -> new GridClientConfig().setAddresses(List.of())).getMessage());
        assertEquals("client.connectTimeout must be > 0, was 0s",
                assertThrows(GridConfigException.class, () -> new GridClientConfig().setConnectTimeout(java.time.Duration.ZERO)).getMessage());
    }
}
