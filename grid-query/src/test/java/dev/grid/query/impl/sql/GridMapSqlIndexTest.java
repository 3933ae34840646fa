package dev.grid.query.impl.sql;

import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SQL filters answered from GridMap's indexes: the same queries over two maps holding the same entries, one with a
 * sorted index on {@code age} and a hash index on {@code name}, one without. The indexed map's answers must equal the
 * full scan's, and its scans must read exactly the entries the indexed terms match (counted by
 * {@link ScanCounters#ENTRIES_READ}), after loading, after puts and removes, and after a member joined and partitions
 * (with their indexes) migrated to it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GridMapSqlIndexTest {
    private static final int ENTRIES = 500;
    private static final int PARTITIONS = 13;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).upTo(3).partitions(PARTITIONS);

    /**
     * A filter, its arguments, and the filter of exactly the entries the indexes should name for it (the indexed terms
     * alone; the same filter when every term is indexed).
     */
    private record Case(String where, String indexedWhere, Object... arguments) {
    }

    private static final List<Case> CASES = List.of(
            new Case("age = 7", "age = 7"),
            new Case("age > 40", "age > 40"),
            new Case("age >= 40", "age >= 40"),
            new Case("age < 3", "age < 3"),
            new Case("age <= 3", "age <= 3"),
            new Case("45 < age", "age > 45"),
            new Case("age >= ? AND age < ?", "age >= 10 AND age < 12", 10, 12),
            new Case("name = ?", "name = 'p42'", "p42"),
            new Case("age = 7 AND name = 'p57'", "age = 7 AND name = 'p57'"),
            new Case("age > ? AND name LIKE 'p1%'", "age > 40", 40),
            new Case("age > 1000", "age > 1000"));

    @Test
    void shouldReadOnlyWhatTheIndexNamesAndAnswerAsAFullScan() {
        Grid member = CLUSTER.member(0);
        GridMap<Integer, Person> indexed = member.map("indexed_people");
        indexed.addIndex(GridIndexConfig.sorted("age"));
        indexed.addIndex(GridIndexConfig.hash("name"));
        GridMap<Integer, Person> plain = member.map("plain_people");
        Map<Integer, Person> people = new HashMap<>();
        IntStream.range(0, ENTRIES).forEach(key -> people.put(key, new Person("p" + key, key % 50)));
        indexed.putAll(people);
        plain.putAll(people);
        for (String map : List.of("indexed_people", "plain_people")) {
            execute(member, "CREATE OR REPLACE MAPPING " + map + " TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='java', "
                    + "'valueJavaClass'='" + Person.class.getName() + "')");
        }
        checkEveryCase(member, "after loading");

        for (GridMap<Integer, Person> map : List.of(indexed, plain)) {
            IntStream.range(0, 50).forEach(map::remove);
            IntStream.range(50, 100).forEach(key -> map.put(key, new Person("p" + key, 40 + key % 3)));
            IntStream.range(ENTRIES, ENTRIES + 50).forEach(key -> map.put(key, new Person("p" + key, key % 60)));
        }
        checkEveryCase(member, "after puts and removes");

        CLUSTER.startMember();
        CLUSTER.awaitSafe(3);
        checkEveryCase(CLUSTER.member(2), "after a member joined");
    }

    private static void checkEveryCase(Grid grid, String when) {
        long entries = count(grid, "SELECT COUNT(*) FROM plain_people");
        for (Case c : CASES) {
            String query = "SELECT __key, name, age FROM MAP WHERE " + c.where() + " ORDER BY __key";
            long readBefore = ScanCounters.ENTRIES_READ.sum();
            List<List<Object>> expected = rows(grid, query.replace("MAP", "plain_people"), c.arguments());
            assertEquals(entries, ScanCounters.ENTRIES_READ.sum() - readBefore, when + ": the unindexed map is read whole: " + c.where());

            long named = count(grid, "SELECT COUNT(*) FROM plain_people WHERE " + c.indexedWhere());
            readBefore = ScanCounters.ENTRIES_READ.sum();
            long indexedBefore = ScanCounters.INDEXED.sum();
            assertEquals(expected, rows(grid, query.replace("MAP", "indexed_people"), c.arguments()), when + ": " + c.where());
            assertEquals(named, ScanCounters.ENTRIES_READ.sum() - readBefore,
                    when + ": entries read for " + c.where() + " (the index names those matching " + c.indexedWhere() + ")");
            assertEquals(PARTITIONS, ScanCounters.INDEXED.sum() - indexedBefore, when + ": partitions read through the index");
        }
    }

    private static void execute(Grid grid, String statement) {
        try (SqlResult result = grid.hazelcast().getSql().execute(statement)) {
            assertEquals(false, result.isRowSet(), statement);
        }
    }

    private static long count(Grid grid, String query) {
        return (Long) rows(grid, query).get(0).get(0);
    }

    private static List<List<Object>> rows(Grid grid, String query, Object... arguments) {
        List<List<Object>> rows = new ArrayList<>();
        try (SqlResult result = grid.hazelcast().getSql().execute(query, arguments)) {
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
}
