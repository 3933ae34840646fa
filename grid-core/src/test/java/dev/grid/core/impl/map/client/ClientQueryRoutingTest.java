package dev.grid.core.impl.map.client;

import com.hazelcast.cluster.Member;
import dev.grid.core.GridMap;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QuerySpec;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client's query goes to each member for the partitions its table says the member owns; a member sent partitions it
 * does not own asks their owners, and partitions of a member that is not there go to any member: with a table saying
 * one member owns everything, or naming a member that does not exist, every entry comes back once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientQueryRoutingTest {
    private static final String MAP = "routed";

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).partitions(23)
            .configure(config -> config.addMap(new GridMapConfig(MAP).setEntries(1000).addIndex(GridIndexConfig.sorted("this"))))
            .withClient();

    @Test
    void staleOrWrongOwnersShouldStillGiveEveryEntryOnce() {
        GridMap<Integer, Integer> map = CLUSTER.client().map(MAP);
        Map<Integer, Integer> entries = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            entries.put(i, i % 100);
        }
        map.putAll(entries);
        ClientGridMapProxy<Integer, Integer> proxy = (ClientGridMapProxy<Integer, Integer>) map;
        List<UUID> members = new ArrayList<>();
        for (Member m : CLUSTER.client().hazelcast().getCluster().getMembers()) {
            members.add(m.getUuid());
        }
        UUID nobody = new UUID(42, 42);
        GridPredicate tenth = GridPredicate.between("this", 10, 19);

        assertEquals(50, keysOf(proxy, tenth, p -> members.get(0)), "one member asked for every partition: it asks the others");
        assertEquals(500, keysOf(proxy, GridPredicate.alwaysTrue(), p -> p % 2 == 0 ? nobody : members.get(p % 3)),
                "half the partitions sent to a member that does not exist");
        assertEquals(500, keysOf(proxy, GridPredicate.alwaysTrue(), p -> null), "no owner known: any member");
        assertEquals(50, keysOf(proxy, tenth, p -> members.get(p % 3)), "owners that are members, mostly wrong");
        assertEquals(50, map.query(tenth).size(), "the client's own table");
    }

    /** @return how many keys the query returned, checking that none came twice */
    private static int keysOf(ClientGridMapProxy<Integer, Integer> proxy, GridPredicate predicate, IntFunction<UUID> owners) {
        QueryResult result = proxy.execute(QuerySpec.keys(predicate), owners);
        Set<String> keys = new HashSet<>();
        for (byte[] key : result.keys()) {
            keys.add(Arrays.toString(key));
        }
        assertEquals(result.keys().size(), keys.size(), "each key once");
        return keys.size();
    }
}
