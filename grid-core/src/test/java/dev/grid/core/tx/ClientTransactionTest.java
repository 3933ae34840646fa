package dev.grid.core.tx;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The transactional contract through a client of three embedded members: ONE_PHASE and TWO_PHASE
 * through the client's {@code TransactionContext}, XA through the client's XA resource, each
 * routed over grid's own messages to the member that runs the transaction.
 */
class ClientTransactionTest extends TransactionalGridMapContractTest {
    private static final List<Grid> MEMBERS = new ArrayList<>();
    private static Grid client;

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(3, 31);
        for (int i = 0; i < 3; i++) {
            MEMBERS.add(cluster.startMember());
        }
        client = Grid.client(new GridClientConfig().setClusterName(cluster.clusterName())
                .setAddresses(cluster.memberAddresses()));
        await().atMost(Duration.ofSeconds(60)).until(() -> client.members().size() == 3
                && MEMBERS.get(0).hazelcast().getPartitionService().isClusterSafe()
                && client.partitions().distribution().unassigned() == 0);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    @Override
    protected Grid grid() {
        return client;
    }

    @Override
    protected Grid observer() {
        return MEMBERS.get(1);
    }
}
