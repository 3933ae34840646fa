package dev.grid.log.capture;

import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.MapChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Change capture ({@code grid.maps.<name>.changeCapture}): every write of a captured map, whatever the call and whoever
 * makes it (a member, a client, a transaction), is in the map's change topic once, in the key's order, with its value
 * and op; a rolled back transaction and a write that changes nothing append nothing; a map without capture appends
 * nothing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MapChangeCaptureTest {
    private static final String CAPTURED = "captured";
    private static final String TXN = "captured-txn";
    private static final String PLAIN = "plain";
    private static final String LARGE = "captured-large";
    private static final String CLEARED = "captured-cleared";
    /** Above the log's default largest record (1 MiB): the change topic is created with room for it. */
    private static final int LARGEST = 2 << 20;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).partitions(31).withClient().configure(config -> {
        config.getLog().setDirectory(tempDirectory());
        config.addMap(new GridMapConfig(CAPTURED).setChangeCapture(true));
        config.addMap(new GridMapConfig(TXN).setChangeCapture(true));
        config.addMap(new GridMapConfig(PLAIN));
        config.addMap(new GridMapConfig(CLEARED).setChangeCapture(true));
        config.addMap(new GridMapConfig(LARGE).setChangeCapture(true).setEntries(100).setAverageValueSize(LARGEST)
                .setMaxValueSize(LARGEST));
    });

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("grid-capture-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyWriteOfACapturedMapIsInItsChangeTopicInTheKeysOrder() {
        Grid member = CLUSTER.member(0);
        GridMap<String, String> fromMember = member.map(CAPTURED);
        GridMap<String, String> fromClient = CLUSTER.client().map(CAPTURED);
        Map<String, List<String>> expected = new TreeMap<>();

        fromMember.set("a", "a1");
        expect(expected, "a", "put a1 set");
        fromClient.put("a", "a2");
        expect(expected, "a", "put a2 put");
        fromClient.putIfAbsent("a", "ignored");                   // present: no change
        fromMember.putIfAbsent("b", "b1");
        expect(expected, "b", "put b1 putIfAbsent");
        fromClient.replace("b", "b2");
        expect(expected, "b", "put b2 replace");
        fromClient.replace("absent", "x");                        // absent: no change
        fromMember.replace("b", "wrong", "x");                    // not the expected value: no change
        fromMember.replace("b", "b2", "b3");
        expect(expected, "b", "put b3 replace");
        fromClient.remove("a");
        expect(expected, "a", "remove null remove");
        fromClient.remove("a");                                   // absent: no change
        fromMember.delete("b");
        expect(expected, "b", "remove null delete");
        fromClient.set("c", "c1");
        expect(expected, "c", "put c1 set");
        fromClient.remove("c", "wrong");                          // no change
        fromClient.remove("c", "c1");
        expect(expected, "c", "remove null remove");
        fromClient.setFenced("f", "f1", 3);
        expect(expected, "f", "put f1 putFenced");
        fromMember.removeFenced("f", 3);
        expect(expected, "f", "remove null removeFenced");

        Map<String, String> bulk = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            bulk.put("bulk-" + i, "v" + i);
            expect(expected, "bulk-" + i, "put v" + i + " putAll");
        }
        fromClient.putAll(bulk);

        fromClient.set("e", "e1");
        expect(expected, "e", "put e1 set");
        assertEquals("e1", fromClient.executeOnKey("e", entry -> {
            String before = entry.getValue();
            entry.setValue(before + "+");
            return before;
        }));
        expect(expected, "e", "put e1+ executeOnKey");
        fromMember.executeOnKey("e", entry -> entry.getValue());   // reads only: no change
        fromMember.executeOnKey("e", entry -> {
            entry.remove();
            return null;
        });
        expect(expected, "e", "remove null executeOnKey");

        for (int i = 0; i < 50; i++) {                             // one key's many writes keep their order
            fromMember.setAsync("seq", "s" + i);
            expect(expected, "seq", "put s" + i + " set");
        }
        fromMember.set("seq", "last");
        expect(expected, "seq", "put last set");

        List<MapChange<String, String>> changes = ChangeTopics.readAll(GridLog.of(member), CAPTURED);
        assertEquals(Map.of(), ChangeTopics.differences(expected, ChangeTopics.perKey(changes)), "each key's changes, in order");
        Map<String, String> content = new HashMap<>();
        for (String key : expected.keySet()) {
            String value = fromClient.get(key);
            if (value != null) {
                content.put(key, value);
            }
        }
        assertEquals(content, ChangeTopics.replay(changes), "the changes replayed give the map");
        assertTrue(changes.stream().allMatch(c -> c.map().equals(CAPTURED) && c.timestamp() > 0), "map and timestamps");
    }

    @Test
    void aCommittedTransactionsWritesAreCapturedAndARolledBackOnesAreNot() {
        Grid member = CLUSTER.member(1);
        member.<String, String>map(TXN).set("t1", "before");
        for (Grid grid : List.of(member, CLUSTER.client())) {
            TransactionContext rolledBack = grid.hazelcast().newTransactionContext(new TransactionOptions());
            rolledBack.beginTransaction();
            TransactionalGridMap<String, String> view = TransactionalGridMap.in(rolledBack, TXN);
            view.put("t1", "rolled-back");
            view.put("t2", "rolled-back");
            rolledBack.rollbackTransaction();
        }
        TransactionContext committed = member.hazelcast().newTransactionContext(new TransactionOptions());
        committed.beginTransaction();
        TransactionalGridMap<String, String> view = TransactionalGridMap.in(committed, TXN);
        view.put("t2", "committed");
        view.remove("t1");
        view.remove("never-there");                                 // removes nothing: no change
        committed.commitTransaction();

        List<MapChange<String, String>> changes = ChangeTopics.readAll(GridLog.of(member), TXN);
        Map<String, List<String>> expected = new TreeMap<>();
        expect(expected, "t1", "put before set");
        expect(expected, "t1", "remove null transaction");
        expect(expected, "t2", "put committed transaction");
        assertEquals(Map.of(), ChangeTopics.differences(expected, ChangeTopics.perKey(changes)));
    }

    @Test
    void aValueAsLargeAsTheMapAllowsFitsItsChangeRecord() {
        GridMap<String, String> map = CLUSTER.client().map(LARGE);
        String largest = "v".repeat(LARGEST - 64);                 // the map's maxValueSize, less serialization's framing
        map.set("large", largest);
        List<MapChange<String, String>> changes = ChangeTopics.readAll(GridLog.of(CLUSTER.member(0)), LARGE);
        assertTrue(changes.stream().anyMatch(c -> c.key().equals("large") && largest.equals(c.value())), "the large value's change");
    }

    @Test
    void clearRecordsARemovalOfEveryKeyTheMapHeld() {
        GridMap<String, String> map = CLUSTER.member(1).map(CLEARED);
        Map<String, List<String>> expected = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            map.set("k" + i, "v" + i);
            expect(expected, "k" + i, "put v" + i + " set");
            expect(expected, "k" + i, "remove null clear");
        }
        map.clear();
        map.clear();                                              // nothing left: no change
        assertEquals(Map.of(), ChangeTopics.differences(expected,
                ChangeTopics.perKey(ChangeTopics.<String, String>readAll(GridLog.of(CLUSTER.member(0)), CLEARED))));
    }

    @Test
    void aMapWithoutCaptureAppendsNothing() {
        GridMap<String, String> plain = CLUSTER.client().map(PLAIN);
        for (int i = 0; i < 100; i++) {
            plain.set("k" + i, "v" + i);
        }
        plain.remove("k1");
        GridLog log = GridLog.of(CLUSTER.member(0));
        assertFalse(log.topicNames().contains(MapChange.topicOf(PLAIN)), log.topicNames().toString());
        List<String> changeTopics = new ArrayList<>(log.topicNames());
        changeTopics.removeIf(t -> !t.startsWith(GridMapConfig.CHANGE_TOPIC_PREFIX));
        changeTopics.removeAll(List.of(MapChange.topicOf(CAPTURED), MapChange.topicOf(TXN), MapChange.topicOf(LARGE),
                MapChange.topicOf(CLEARED)));
        assertEquals(List.of(), changeTopics, "only captured maps have change topics");
    }

    @Test
    void aMapNameTooLongForItsChangeTopicIsRefusedNamingTheKey() {
        String name = "m".repeat(250);
        GridConfigException e = assertThrows(GridConfigException.class, () -> new GridMapConfig(name).setChangeCapture(true));
        assertTrue(e.getMessage().contains("grid.maps." + name + ".changeCapture") && e.getMessage().contains("at most 246"), e.getMessage());
        new GridMapConfig(name).setChangeCapture(false);
    }

    private static void expect(Map<String, List<String>> expected, String key, String change) {
        expected.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
    }
}
