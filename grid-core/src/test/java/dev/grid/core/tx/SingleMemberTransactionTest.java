package dev.grid.core.tx;

import dev.grid.core.Grid;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transactional contract on one embedded member. */
class SingleMemberTransactionTest extends TransactionalGridMapContractTest {
    private static Grid member;

    @BeforeAll
    static void start() {
        member = TestClusters.of(1, 7).startMember();
    }

    @AfterAll
    static void stop() {
        member.hazelcast().getLifecycleService().terminate();
    }

    @Override
    protected Grid grid() {
        return member;
    }

    @Override
    protected Grid observer() {
        return member;
    }
}
