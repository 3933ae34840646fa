package dev.grid.core.test;

import dev.grid.core.Grid;
import dev.grid.core.GridConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * A cluster of embedded members for a test class, started before its tests and always stopped
 * after them (members terminated, the client closed), whatever the tests did:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GridCluster CLUSTER = GridCluster.withMembers(3).partitions(31);
 *
 * @Test void works() { CLUSTER.member(1).map("m").set("k", "v"); CLUSTER.client().map("m").get("k"); }
 * }</pre>
 *
 * Members get a random cluster name and free ports on 127.0.0.1 ({@link TestClusters}); the start
 * returns once every member has joined and every partition is safe. Members started later with
 * {@link #startMember()} and the client ({@link #client()}, created on first use) are stopped too.
 */
public final class GridCluster implements BeforeAllCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final int initialMembers;
    private int partitionCount = 31;
    private int maxMembers;
    private Consumer<GridConfig> configuration = config -> { };
    private TestClusters cluster;
    private final List<Grid> members = new ArrayList<>();
    private Grid client;

    private GridCluster(int initialMembers) {
        this.initialMembers = initialMembers;
        this.maxMembers = initialMembers;
    }

    /** @return a cluster that starts with this many members */
    public static GridCluster withMembers(int members) {
        return new GridCluster(members);
    }

    /** Sets the partition count (default 31: small, so tests stay fast). */
    public GridCluster partitions(int count) {
        this.partitionCount = count;
        return this;
    }

    /** Leaves room for members the test starts itself with {@link #startMember()} (ports are set aside for them). */
    public GridCluster upTo(int members) {
        this.maxMembers = Math.max(initialMembers, members);
        return this;
    }

    /** Adjusts every member's configuration before it starts. */
    public GridCluster configure(Consumer<GridConfig> configuration) {
        this.configuration = configuration;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = TestClusters.of(maxMembers, partitionCount);
        for (int i = 0; i < initialMembers; i++) {
            startMember();
        }
        awaitSafe(initialMembers);
    }

    /** Starts one more member of this cluster (stopped with the others). */
    public Grid startMember() {
        GridConfig config = cluster.nextMemberConfig();
        configuration.accept(config);
        Grid member = Grid.embedded(config);
        members.add(member);
        return member;
    }

    /** Waits until the first live member sees {@code count} members and every partition is safe. */
    public void awaitSafe(int count) {
        await().atMost(START_TIMEOUT).until(() -> {
            Grid observer = members.stream().filter(Grid::isRunning).findFirst().orElseThrow();
            return observer.members().size() == count && observer.hazelcast().getPartitionService().isClusterSafe();
        });
    }

    /** @return the i-th member started */
    public Grid member(int index) {
        return members.get(index);
    }

    /** @return every member started, in order */
    public List<Grid> members() {
        return List.copyOf(members);
    }

    /** @return a client of this cluster, connected on first use */
    public Grid client() {
        if (client == null) {
            client = cluster.startClient();
        }
        return client;
    }

    /** @return the configuration factory, for tests that build a client or member of their own */
    public TestClusters configs() {
        return cluster;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            TestClusters.closeAll(client);
        } finally {
            for (Grid member : members) {
                if (member.isRunning()) {
                    member.hazelcast().getLifecycleService().terminate();
                }
            }
            members.clear();
            client = null;
        }
    }
}
