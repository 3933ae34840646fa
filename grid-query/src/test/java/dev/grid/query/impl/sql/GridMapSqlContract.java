package dev.grid.query.impl.sql;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.sql.SqlService;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL over GridMap, written once and run on every topology (one member, three members, a client): mappings in each
 * value format, filters, projections, aggregates, ORDER BY / LIMIT, a join with an IMap mapping, and a scan that returns
 * every entry exactly once. Each subclass starts its own cluster; the data is loaded once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class GridMapSqlContract {
    static final int PEOPLE = 500;
    static final List<String> CITIES = List.of("Lyon", "Oslo", "Porto", "Riga", "Turin");

    /** @return the grid the test writes and queries through: a member or a client */
    protected abstract Grid grid();

    /**
     * @return whether the members run in this JVM, so their scan counters can be read here (false for {@code grid start}
     *         processes: the checks of what was read are then skipped, the results are still checked)
     */
    protected boolean membersInThisJvm() {
        return true;
    }

    private SqlService sql() {
        return grid().hazelcast().getSql();
    }

    static String name(int key) {
        return "p" + key;
    }

    static int age(int key) {
        return key % 50;
    }

    static String city(int key) {
        return CITIES.get(key % CITIES.size());
    }

    @BeforeAll
    void load() {
        GridMap<Integer, HazelcastJsonValue> people = grid().map("people");
        GridMap<Integer, Person> staff = grid().map("staff");
        GridMap<Long, String> labels = grid().map("labels");
        Map<Integer, HazelcastJsonValue> json = new HashMap<>();
        Map<Integer, Person> objects = new HashMap<>();
        Map<Long, String> strings = new HashMap<>();
        for (int key = 0; key < PEOPLE; key++) {
            json.put(key, new HazelcastJsonValue("{\"name\":\"" + name(key) + "\",\"age\":" + age(key) + ",\"city\":\"" + city(key) + "\"}"));
            objects.put(key, new Person(name(key), age(key)));
            strings.put((long) key, "label-" + key);
        }
        people.putAll(json);
        staff.putAll(objects);
        labels.putAll(strings);
        grid().hazelcast().<String, String>getMap("countries").putAll(Map.of("Lyon", "France", "Oslo", "Norway", "Porto", "Portugal",
                "Riga", "Latvia", "Turin", "Italy"));

        execute("CREATE OR REPLACE MAPPING people (__key INT, name VARCHAR, age INT, city VARCHAR) TYPE GridMap "
                + "OPTIONS ('keyFormat'='int', 'valueFormat'='json-flat')");
        execute("CREATE OR REPLACE MAPPING staff TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='java', "
                + "'valueJavaClass'='" + Person.class.getName() + "')");
        execute("CREATE OR REPLACE MAPPING labels TYPE GridMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='varchar')");
        GridMap<Integer, String> texts = grid().map("texts");
        texts.put(1, "{\"name\":\"Ada\",\"age\":36}");
        texts.put(2, "{\"name\":\"Alan\",\"age\":41}");
        execute("CREATE OR REPLACE MAPPING texts (__key INT, name VARCHAR, age INT) TYPE GridMap "
                + "OPTIONS ('keyFormat'='int', 'valueFormat'='json-flat')");
        execute("CREATE OR REPLACE MAPPING countries TYPE IMap OPTIONS ('keyFormat'='varchar', 'valueFormat'='varchar')");
    }

    private void execute(String statement) {
        try (SqlResult result = sql().execute(statement)) {
            assertEquals(false, result.isRowSet(), statement);
        }
    }

    List<List<Object>> rows(String query, Object... arguments) {
        List<List<Object>> rows = new ArrayList<>();
        try (SqlResult result = sql().execute(query, arguments)) {
            int columns = result.getRowMetadata().getColumnCount();
            for (SqlRow row : result) {
                List<Object> values = new ArrayList<>(columns);
                for (int i = 0; i < columns; i++) {
                    values.add(row.getObject(i));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** Checks the change of a members' scan counter, when the members run in this JVM ({@link #membersInThisJvm()}). */
    private void assertCounted(long expected, long actual, String message) {
        if (membersInThisJvm()) {
            assertEquals(expected, actual, message);
        }
    }

    @Test
    void shouldReturnEveryEntryExactlyOnceFromAFullScan() {
        List<Integer> keys = new ArrayList<>();
        rows("SELECT __key FROM people").forEach(row -> keys.add((Integer) row.get(0)));
        keys.sort(null);
        assertEquals(IntStream.range(0, PEOPLE).boxed().toList(), keys);
    }

    @Test
    void shouldReadEveryPartitionOnItsOwner() {
        int partitions = grid().hazelcast().getPartitionService().getPartitions().size();
        long owned = ScanCounters.OWNED.sum();
        long moved = ScanCounters.MOVED.sum();
        assertEquals(List.of(List.of((long) PEOPLE)), rows("SELECT COUNT(*) FROM people"));
        assertCounted(partitions, ScanCounters.OWNED.sum() - owned, "partitions read on their owner's partition thread");
        assertCounted(0, ScanCounters.MOVED.sum() - moved, "partitions read through an operation (none moved)");
    }

    @Test
    void shouldLookUpAKeyOnItsOwnerOnly() {
        long owned = ScanCounters.OWNED.sum();
        long moved = ScanCounters.MOVED.sum();
        long lookups = ScanCounters.LOOKUPS.sum();
        assertEquals(List.of(List.of("p42", 42)), rows("SELECT name, age FROM people WHERE __key = ?", 42));
        assertEquals(List.of(List.of("p7")), rows("SELECT name FROM people WHERE __key = 7 AND age = 7"));
        assertEquals(List.of(), rows("SELECT name FROM people WHERE age = 8 AND __key = 7"));
        assertEquals(List.of(), rows("SELECT name FROM people WHERE __key = ?", PEOPLE + 1));
        // an INT parameter for a BIGINT key: the key is looked up as the column's type
        assertEquals(List.of(List.of("label-42")), rows("SELECT this FROM labels WHERE __key = ?", 42));
        assertCounted(lookups + 5, ScanCounters.LOOKUPS.sum(), "each lookup read one key, once, in the cluster");
        assertCounted(owned, ScanCounters.OWNED.sum(), "no partition was scanned");
        assertCounted(moved, ScanCounters.MOVED.sum(), "no partition was scanned");
    }

    @Test
    void shouldFilterAndProject() {
        List<List<Object>> expected = IntStream.range(0, PEOPLE).filter(key -> age(key) > 45 && city(key).equals("Oslo"))
                .mapToObj(key -> List.<Object>of(key, name(key))).toList();
        assertEquals(expected, rows("SELECT __key, name FROM people WHERE age > ? AND city = 'Oslo' ORDER BY __key", 45));
    }

    @Test
    void shouldComputeExpressionsInTheProjection() {
        // INT + INT is a BIGINT in Hazelcast SQL
        assertEquals(List.of(List.of("P7", 17L)), rows("SELECT UPPER(name), age + 10 FROM people WHERE __key = 7"));
    }

    @Test
    void shouldAggregateWithGroupBy() {
        Map<String, long[]> expected = new TreeMap<>();
        for (int key = 0; key < PEOPLE; key++) {
            long[] countAndSum = expected.computeIfAbsent(city(key), c -> new long[2]);
            countAndSum[0]++;
            countAndSum[1] += age(key);
        }
        List<List<Object>> want = new ArrayList<>();
        expected.forEach((city, countAndSum) -> want.add(List.of(city, countAndSum[0], countAndSum[1])));
        assertEquals(want, rows("SELECT city, COUNT(*), SUM(age) FROM people GROUP BY city ORDER BY city"));
    }

    @Test
    void shouldAggregateTheWholeMap() {
        long sum = IntStream.range(0, PEOPLE).mapToLong(GridMapSqlContract::age).sum();
        assertEquals(List.of(List.of((long) PEOPLE, sum)), rows("SELECT COUNT(*), SUM(age) FROM people"));
    }

    @Test
    void shouldOrderAndLimit() {
        List<List<Object>> expected = IntStream.range(0, PEOPLE).boxed()
                .sorted((a, b) -> age(a) != age(b) ? Integer.compare(age(b), age(a)) : Integer.compare(a, b))
                .limit(5).map(key -> List.<Object>of(key, age(key))).toList();
        assertEquals(expected, rows("SELECT __key, age FROM people ORDER BY age DESC, __key LIMIT 5"));
    }

    @Test
    void shouldJoinWithAnIMapMapping() {
        List<List<Object>> expected = IntStream.range(0, PEOPLE).filter(key -> age(key) == 3)
                .mapToObj(key -> List.<Object>of(name(key), Map.of("Lyon", "France", "Oslo", "Norway", "Porto", "Portugal",
                        "Riga", "Latvia", "Turin", "Italy").get(city(key)))).toList();
        assertEquals(expected, rows("SELECT p.name, c.this FROM people p JOIN countries c ON p.city = c.__key "
                + "WHERE p.age = 3 ORDER BY p.__key"));
    }

    @Test
    void shouldJoinWithTheIMapOnTheLeft() {
        List<List<Object>> rows = rows("SELECT c.this, COUNT(*) FROM countries c JOIN people p ON p.city = c.__key "
                + "GROUP BY c.this ORDER BY c.this");
        assertEquals(List.of(List.of("France", 100L), List.of("Italy", 100L), List.of("Latvia", 100L), List.of("Norway", 100L),
                List.of("Portugal", 100L)), rows);
    }

    @Test
    void shouldRefuseWrites() {
        HazelcastSqlException e = assertThrows(HazelcastSqlException.class, () -> rows("INSERT INTO labels VALUES (100000, 'x')"));
        assertTrue(e.getMessage().contains("INSERT INTO not supported for GridMap"), e.getMessage());
    }

    @Test
    void shouldReadJsonHeldAsText() {
        assertEquals(List.of(List.of("Alan", 41)), rows("SELECT name, age FROM texts WHERE age > 40"));
    }

    @Test
    void shouldReadJavaObjects() {
        assertEquals(List.of(List.of(11, "p11", 11), List.of(61, "p61", 11)),
                rows("SELECT __key, name, age FROM staff WHERE age = 11 AND __key < 100 ORDER BY __key"));
    }

    @Test
    void shouldHandEachRowItsOwnEntry() {
        // values of one size (p10 ... p99) that Hazelcast deserializes (Java-serialized): the scan copies each out of the
        // store into an array it reuses, so an OBJECT column, which keeps the serialized value in the row, must get its own
        List<List<Object>> rows = rows("SELECT __key, this FROM staff WHERE __key >= 10 AND __key < 100");
        assertEquals(90, rows.size());
        for (List<Object> row : rows) {
            int key = (Integer) row.get(0);
            Person person = (Person) row.get(1);
            assertEquals(name(key), person.getName(), "key " + key);
            assertEquals(age(key), person.getAge(), "key " + key);
        }
    }

    @Test
    void shouldDeserializeOnlyWhatTheQueryReads() {
        Assumptions.assumeTrue(membersInThisJvm(), "the key's class is a test class, on this JVM's class path only");
        GridMap<SealedKey, Person> sealed = grid().map("sealed");
        for (int key = 0; key < 10; key++) {
            sealed.set(new SealedKey(key), new Person(name(key), key));
        }
        execute("CREATE OR REPLACE MAPPING sealed (__key OBJECT, name VARCHAR, age INT) TYPE GridMap OPTIONS ('keyFormat'='java', "
                + "'keyJavaClass'='" + SealedKey.class.getName() + "', 'valueFormat'='java', 'valueJavaClass'='" + Person.class.getName() + "')");
        assertEquals(List.of(List.of(45L)), rows("SELECT SUM(age) FROM sealed"), "no key column read: no key deserialized");
        // the key read: deserialized (on the member, or by the caller for an OBJECT column), and its failure reported
        RuntimeException e = assertThrows(RuntimeException.class, () -> rows("SELECT __key FROM sealed"));
        assertTrue(e.getMessage().contains("never deserialized"), e.getMessage());
    }

    @Test
    void shouldReadDataSerializableObjects() {
        Assumptions.assumeTrue(membersInThisJvm(), "the value's class is a test class, on this JVM's class path only");
        GridMap<Integer, Ticket> tickets = grid().map("tickets");
        Map<Integer, Ticket> values = new HashMap<>();
        for (int key = 0; key < 200; key++) {
            values.put(key, new Ticket(key, key % 2 == 0 ? "even" : "odd", key * 0.5));
        }
        tickets.putAll(values);
        execute("CREATE OR REPLACE MAPPING tickets TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='java', "
                + "'valueJavaClass'='" + Ticket.class.getName() + "')");
        assertEquals(List.of(List.of("even", 4950.0), List.of("odd", 5000.0)),
                rows("SELECT category, SUM(price) FROM tickets GROUP BY category ORDER BY category"));
        assertEquals(List.of(List.of(7, new Ticket(7, "odd", 3.5))), rows("SELECT __key, this FROM tickets WHERE id = 7"));
        // of one size, read by the scan itself from one reused array: each row still its own object
        List<List<Object>> odd = rows("SELECT __key, this FROM tickets WHERE category = 'odd' AND id < 20 ORDER BY __key");
        assertEquals(10, odd.size());
        for (List<Object> row : odd) {
            int key = (Integer) row.get(0);
            assertEquals(new Ticket(key, "odd", key * 0.5), row.get(1));
        }
    }

    @Test
    void shouldReadPrimitives() {
        assertEquals(List.of(List.of(42L, "label-42")), rows("SELECT __key, this FROM labels WHERE this = 'label-42'"));
        assertEquals(List.of(List.of((long) PEOPLE)), rows("SELECT COUNT(*) FROM labels"));
    }
}
