package dev.grid.core.security;

import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.GridMap;
import dev.grid.core.GridMember;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.RawClientConnection;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid.security.secret}: members sharing it form a cluster and serve clients that know it;
 * a member or client with another secret, or none, is refused, and the cluster is unaffected.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterSecretTest {
    private static final String SECRET = "the cluster's secret, 16+ chars";
    private static final String WRONG = "somebody else's secret value";

    /** Two members with the secret and a client that knows it; room for two intruders, all listing the same addresses. */
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).upTo(4).partitions(7)
            .configure(config -> config.getSecurity().setSecret(SECRET))
            .configureClients(config -> config.setAddresses(config.getAddresses().subList(0, 2)).setSecret(SECRET))
            .withClient();

    private static TestClusters cluster() {
        return CLUSTER.configs();
    }

    private static GridClientConfig clientConfig() {
        return new GridClientConfig().setClusterName(cluster().clusterName()).setAddresses(cluster().memberAddresses().subList(0, 2));
    }

    @AfterEach
    void clusterUnaffected() {
        assertEquals(2, CLUSTER.member(0).members().size());
        assertEquals(2, CLUSTER.member(1).members().size());
        GridMap<String, String> map = CLUSTER.client().map("ordinary");
        map.set("k", "v");
        assertEquals("v", map.get("k"));
    }

    @Test
    void aMemberWithAnotherSecretCannotJoinAndStopsSayingWhy() {
        GridConfig config = cluster().nextMemberConfig();
        config.getSecurity().setSecret(WRONG);
        GridConfigException e = assertThrows(GridConfigException.class, () -> Grid.embedded(config));
        assertEquals("grid.security.secret", e.key());
        assertTrue(e.getMessage().startsWith("cannot join cluster '" + cluster().clusterName() + "': member at "), e.getMessage());
        assertTrue(e.getMessage().endsWith("does not know this member's grid.security.secret: the secrets differ; "
                + "this member stopped rather than run as a cluster of its own"), e.getMessage());
    }

    @Test
    void aMemberWithoutASecretCannotJoin() {
        try (Grid intruder = Grid.embedded(cluster().nextMemberConfig())) {
            assertEquals(1, intruder.members().size(), "the intruder joined: " + intruder.members());
        }
    }

    @Test
    void aClientWithAnotherSecretIsRefusedAtOnceWithTheReason() {
        long start = System.nanoTime();
        GridException e = assertThrows(GridException.class, () -> Grid.client(clientConfig().setSecret(WRONG)
                .setConnectTimeout(Duration.ofSeconds(60))));
        assertTrue(e.getMessage().endsWith("does not know this client's grid.security.secret: the secrets differ)"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the client kept retrying instead of stopping");
    }

    @Test
    void aClientWithoutASecretIsRefusedAndToldSo() {
        GridException e = assertThrows(GridException.class, () -> Grid.client(clientConfig().setConnectTimeout(Duration.ofSeconds(3))));
        assertTrue(e.getMessage().endsWith("(this client has no secret: a cluster with grid.security.secret refuses it; "
                + "set GridClientConfig.setSecret or GRID_SECRET)"), e.getMessage());
    }

    @Test
    void aConnectionWithoutTheHandshakeIsClosedBeforeHazelcastReadsIt() throws IOException {
        GridMember member = CLUSTER.member(0).localMember().orElseThrow();
        try (RawClientConnection raw = RawClientConnection.open(member.host(), member.port(), null)) {
            assertTrue(closedAfterSending(raw, new byte[64]), "the member kept a connection that skipped the handshake");
        }
        try (RawClientConnection raw = RawClientConnection.open(member.host(), member.port(), SECRET)) {
            assertEquals(0, raw.authenticate(cluster().clusterName()), "authentication status with the secret");
        }
    }

    /** @return whether the member closed the connection: while the bytes were sent (a reset), or within 10 s after */
    private static boolean closedAfterSending(RawClientConnection raw, byte[] bytes) throws IOException {
        try {
            raw.sendBytes(bytes);
        } catch (SocketException reset) {
            return true;
        }
        return raw.closedByMemberWithin(Duration.ofSeconds(10));
    }
}
