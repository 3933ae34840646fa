package dev.grid.core.tx;

import dev.grid.core.Grid;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The transactional contract on three embedded members: transactions begin on one member, an
 * outsider looks from another, and most keys live on the third or the second.
 */
class ThreeMemberTransactionTest extends TransactionalGridMapContractTest {
    private static final List<Grid> MEMBERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(3, 31);
        for (int i = 0; i < 3; i++) {
            MEMBERS.add(cluster.startMember());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> MEMBERS.get(0).members().size() == 3
                && MEMBERS.get(0).hazelcast().getPartitionService().isClusterSafe());
    }

    @AfterAll
    static void stop() {
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    @Override
    protected Grid grid() {
        return MEMBERS.get(0);
    }

    @Override
    protected Grid observer() {
        return MEMBERS.get(2);
    }
}
