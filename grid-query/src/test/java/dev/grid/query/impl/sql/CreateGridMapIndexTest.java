package dev.grid.query.impl.sql;

import com.hazelcast.core.DistributedObject;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.query.GridSql;
import dev.grid.query.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code CREATE INDEX} on a GridMap mapping adds the index to the GridMap (Hazelcast's engine alone would put it on an
 * IMap of the same name, which no GridMap query reads), and SQL filters use it from then on; what a GridMap index cannot
 * be is refused, naming the mapping and the column.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CreateGridMapIndexTest {
    private static final int PARTITIONS = 7;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(PARTITIONS);

    @Test
    void shouldAddTheIndexToTheGridMapAndUseIt() {
        Grid member = CLUSTER.member(0);
        GridMap<Integer, Person> people = member.map("ci_people");
        Map<Integer, Person> entries = new HashMap<>();
        IntStream.range(0, 200).forEach(key -> entries.put(key, new Person("p" + key, key % 20)));
        people.putAll(entries);
        GridSql sql = GridSql.on(member, 1000);
        sql.query("CREATE OR REPLACE MAPPING ci_people TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='java', "
                + "'valueJavaClass'='" + Person.class.getName() + "')");

        long indexedBefore = ScanCounters.INDEXED.sum();
        QueryResult before = sql.query("SELECT __key FROM ci_people WHERE age = 7 ORDER BY __key");
        assertEquals(indexedBefore, ScanCounters.INDEXED.sum(), "no index yet: every partition is read whole");

        sql.query("CREATE INDEX IF NOT EXISTS ci_people_age ON ci_people (age) TYPE SORTED;");
        long readBefore = ScanCounters.ENTRIES_READ.sum();
        QueryResult after = sql.query("SELECT __key FROM ci_people WHERE age = 7 ORDER BY __key");
        assertEquals(before.rows(), after.rows());
        assertEquals(10, after.rows().size());
        assertEquals(PARTITIONS, ScanCounters.INDEXED.sum() - indexedBefore, "every partition read through the new index");
        assertEquals(10, ScanCounters.ENTRIES_READ.sum() - readBefore, "only the entries the index names are read");
        for (DistributedObject object : member.hazelcast().getDistributedObjects()) {
            assertFalse(object.getServiceName().equals("hz:impl:mapService") && object.getName().equals("ci_people"),
                    "no IMap was created for the GridMap's index");
        }
    }

    @Test
    void shouldRefuseWhatAGridMapIndexCannotBe() {
        Grid member = CLUSTER.member(0);
        member.<Integer, Person>map("ci_refused").put(1, new Person("a", 1));
        member.<Integer, String>map("ci_json").put(1, "{\"age\": 1}");
        GridSql sql = GridSql.on(member, 10);
        sql.query("CREATE OR REPLACE MAPPING ci_refused TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='java', "
                + "'valueJavaClass'='" + Person.class.getName() + "')");
        sql.query("CREATE OR REPLACE MAPPING ci_json (__key INT, age INT) TYPE GridMap OPTIONS ('keyFormat'='int', "
                + "'valueFormat'='json-flat')");

        assertRefused(sql, "CREATE INDEX i ON ci_refused (nope)", "ci_refused", "has no column nope");
        assertRefused(sql, "CREATE INDEX i ON ci_refused (age, name)", "ci_refused", "one column");
        assertRefused(sql, "CREATE INDEX i ON ci_refused (age) TYPE BITMAP", "ci_refused", "SORTED or HASH, not BITMAP");
        assertRefused(sql, "CREATE INDEX i ON ci_refused (__key)", "ci_refused", "attributes of the value");
        assertRefused(sql, "CREATE INDEX i ON ci_json (age)", "ci_json", "json-flat");
    }

    @Test
    void shouldLeaveAnIMapMappingsIndexToTheEngine() {
        Grid member = CLUSTER.member(0);
        member.hazelcast().getMap("ci_imap").put(1, new Person("a", 1));
        GridSql sql = GridSql.on(member, 10);
        sql.query("CREATE OR REPLACE MAPPING ci_imap TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='java', "
                + "'valueJavaClass'='" + Person.class.getName() + "')");
        sql.query("CREATE INDEX ci_imap_age ON ci_imap (age) TYPE HASH");
        assertTrue(member.hazelcast().getMap("ci_imap").getLocalMapStats().getIndexStats().containsKey("ci_imap_age"),
                "the IMap got its index from the engine");
    }

    private static void assertRefused(GridSql sql, String statement, String mapping, String reason) {
        GridException refused = assertThrows(GridException.class, () -> sql.query(statement), statement);
        assertTrue(refused.getMessage().contains(mapping) && refused.getMessage().contains(reason), refused.getMessage());
    }
}
