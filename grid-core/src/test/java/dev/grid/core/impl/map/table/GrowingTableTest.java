package dev.grid.core.impl.map.table;

import dev.grid.core.GridMapFullException;
import dev.grid.core.spi.GrowthSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A growing table takes many times its first capacity, keeps every entry through each growth, lets
 * readers on other threads see every entry while entries move, and keeps its memory accounting exact.
 * The test thread plays the partition thread: it runs the queued partition work itself.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GrowingTableTest {
    private static final TableSpec SPEC = new TableSpec("test table", "test-table", 16, 24);
    private static final int CAPACITY = 128;

    private final CountingMemory memory = new CountingMemory(0);
    private final GrowthStats stats = new GrowthStats();
    private final List<GrowingTable> opened = new ArrayList<>();
    private final ExecutorService backgroundThread = Executors.newSingleThreadExecutor();
    private QueuedGrowthTasks tasks = new QueuedGrowthTasks(null);

    @AfterEach
    void closeAll() throws InterruptedException {
        opened.forEach(table -> {
            if (table.isOpen()) {
                table.close();
            }
        });
        tasks.runAll();
        backgroundThread.shutdown();
        assertTrue(backgroundThread.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(0, memory.reserved(), "every table closed gave its memory back");
    }

    private GrowingTable open(long capacity) {
        GrowingTable table = new GrowingTable(SPEC, capacity, memory, tasks, stats);
        opened.add(table);
        return table;
    }

    private static byte[] key(int i) {
        return ("key-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        return ("value-" + i + "-0123456789").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read spinning forever fails too
    void aTableClosedFromOutsideFailsReadsNamingTheStoreInsteadOfReadingAgainForever() throws Exception {
        GrowingTable table = open(CAPACITY);
        table.set(key(1), value(1));
        Field chain = GrowingTable.class.getDeclaredField("chain");
        chain.setAccessible(true);
        ((ByteTable[]) chain.get(table))[0].close(); // as Chronicle's close-on-exit hook did while the member left gracefully

        for (Runnable read : List.<Runnable>of(table::size, table::used, () -> table.get(key(1)), () -> table.containsKey(key(1)))) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, read::run);
            assertTrue(failure.getMessage().startsWith("test table: a table of its store was closed"), failure.getMessage());
        }
    }

    @Test
    void takesFiftyTimesItsFirstCapacityAndEndsWithOneTableHoldingEverything() throws InterruptedException {
        GrowingTable table = open(CAPACITY);
        int count = CAPACITY * 50;
        for (int i = 0; i < count; i++) {
            table.set(key(i), value(i));
            if (i % 64 == 0) {
                tasks.runAll();
            }
        }
        tasks.runAll();

        assertEquals(count, table.size());
        for (int i = 0; i < count; i++) {
            assertArrayEquals(value(i), table.get(key(i)), "key " + i);
        }
        assertEquals(1, table.tables(), "every growth finished: the older tables were emptied and freed");
        assertTrue(table.capacity() >= count, "capacity " + table.capacity());
        assertEquals(table.reserved(), memory.reserved(), "the budget holds exactly the one table left");
        GrowthSnapshot growth = stats.snapshot();
        assertTrue(growth.started() >= 5, "128 -> 8192 takes 6 doublings: " + growth);
        assertEquals(growth.started(), growth.finished(), growth.toString());
        assertEquals(0, growth.createdOnPartitionThread(), "the background thread created every table in time: " + growth);
        assertEquals(0, growth.waits(), "no write waited for a table: " + growth);
        assertTrue(growth.longestAdoptNanos() > 0 && growth.longestMoveNanos() > 0, growth.toString());
        assertTrue(growth.longestStepNanos() >= Math.max(growth.longestAdoptNanos(), growth.longestMoveNanos()), growth.toString());
        assertTrue(growth.slowSteps() <= growth.steps(), growth.toString());
    }

    @Test
    void growsWhenNoQueuedWorkEverRunsCreatingTheTableOnTheWritingThread() {
        GrowingTable table = open(CAPACITY);
        int count = CAPACITY * 20;
        for (int i = 0; i < count; i++) {
            table.set(key(i), value(i));
        }
        for (int i = 0; i < count; i++) {
            assertArrayEquals(value(i), table.get(key(i)), "key " + i);
        }
        assertEquals(count, table.size());
        GrowthSnapshot growth = stats.snapshot();
        assertTrue(growth.createdOnPartitionThread() >= 4, growth.toString());
        assertEquals(growth.createdOnPartitionThread(), growth.waits(), "each table a write created was a wait: " + growth);
        assertTrue(growth.longestWaitNanos() > 0 && growth.longestWaitNanos() <= growth.longestStepNanos(), growth.toString());
    }

    @Test
    void entriesLargerThanTheConfiguredAverageMakeLaterGrowthsStartEarlierSoNoWriteWaits() throws InterruptedException {
        GrowingTable table = open(CAPACITY);
        byte[] large = new byte[200]; // the tables are sized for 24-byte values: they fill long before their capacity
        for (int i = 0; i < 5_000; i++) {
            table.set(key(i), large);
            if (i % 16 == 0) {
                tasks.runAll();
            }
        }
        tasks.runAll();
        for (int i = 0; i < 5_000; i++) {
            assertArrayEquals(large, table.get(key(i)), "key " + i);
        }
        GrowthSnapshot growth = stats.snapshot();
        assertEquals(1, growth.createdOnPartitionThread(), "only the first table filled up before a larger one was ready: "
                + growth);
        assertEquals(growth.started(), growth.finished(), growth.toString());
    }

    @Test
    void readersOnOtherThreadsSeeEveryEntryWhileTablesGrowMoveAndClose() throws Exception {
        tasks = new QueuedGrowthTasks(backgroundThread);
        GrowingTable table = open(CAPACITY);
        int count = 8_000;
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            running.add(readers.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    int present = written.get();
                    if (present == 0) {
                        continue;
                    }
                    int k = random.nextInt(present);
                    if (!Arrays.equals(value(k), table.get(key(k))) || !table.containsKey(key(k))) {
                        wrong.incrementAndGet();
                    }
                    if (reads.incrementAndGet() % 64 == 0) {
                        Thread.yield(); // two spinning readers on a 2-core machine would starve the writer
                    }
                }
            }));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < count; i++) {
            table.set(key(i), value(i));
            written.set(i + 1);
            if (i % 4 == 0) {
                int older = random.nextInt(i + 1);
                table.set(key(older), value(older)); // into the newest table, out of the older ones
            }
            tasks.runPartitionOnce();
        }
        tasks.runAll();
        long readsAtEnd = reads.get();
        while (reads.get() < readsAtEnd + 1000) {
            Thread.onSpinWait();
        }
        stop.set(true);
        for (Future<?> reader : running) {
            reader.get(30, TimeUnit.SECONDS);
        }
        readers.shutdown();

        GrowthSnapshot growth = stats.snapshot();
        System.out.printf("growing table: %d reads on 2 threads during %d growths, %d entries moved, longest step %.3f ms (%s)%n",
                reads.get(), growth.finished(), growth.moved(), growth.longestStepNanos() / 1e6, growth);
        assertEquals(0, wrong.get(), "reads that missed an entry or saw a wrong value, of " + reads.get());
        assertTrue(growth.finished() >= 6, "128 -> 8192 takes 6 doublings: " + growth);
        assertEquals(1, table.tables());
    }

    @Test
    void writesAndRemovalsDuringMovesAgreeWithAModel() throws InterruptedException {
        GrowingTable table = open(CAPACITY);
        Map<Integer, byte[]> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        int growingSeen = 0;
        for (int step = 0; step < 15_000; step++) {
            int k = random.nextInt(2000);
            byte[] v = ("v" + step).getBytes(StandardCharsets.UTF_8);
            String what = "step " + step + " on key " + k;
            switch (random.nextInt(5)) {
                case 0 -> assertArrayEquals(model.put(k, v), table.put(key(k), v), what + ": put");
                case 1 -> assertArrayEquals(model.remove(k), table.remove(key(k)), what + ": remove");
                case 2 -> assertArrayEquals(model.get(k), table.get(key(k)), what + ": get");
                default -> {
                    table.set(key(k), v);
                    model.put(k, v);
                }
            }
            if (table.tables() > 1) {
                growingSeen++;
            }
            if (random.nextInt(100) == 0) {
                tasks.runBackground();
                tasks.runPartitionOnce();
            }
        }
        tasks.runAll();
        Map<Integer, byte[]> stored = new HashMap<>();
        table.forEachWhile(false, (key, value) -> {
            String text = new String(key, StandardCharsets.UTF_8);
            assertNull(stored.put(Integer.parseInt(text.substring("key-".length())), value), "a key in two tables: " + text);
            return true;
        });
        assertEquals(model.keySet(), stored.keySet());
        model.forEach((k, v) -> assertArrayEquals(v, stored.get(k), "key " + k));
        assertEquals(model.size(), table.size());
        assertTrue(growingSeen > 300, "operations ran while entries moved: " + growingSeen);
    }

    @Test
    void clearDuringAMoveEmptiesEveryTableAndFreesTheOlderOnes() throws InterruptedException {
        GrowingTable table = open(CAPACITY);
        for (int i = 0; i < CAPACITY + 10; i++) {
            table.set(key(i), value(i));
        }
        tasks.runBackground();
        tasks.runPartitionOnce(); // adopts the larger table; its first move step stays queued
        assertEquals(2, table.tables(), "a growth under way");

        table.clear();

        assertEquals(1, table.tables());
        assertEquals(0, table.size());
        assertNull(table.get(key(0)));
        tasks.runAll();
        assertEquals(table.reserved(), memory.reserved(), "the older table was freed");
        table.set(key(1), value(1));
        assertArrayEquals(value(1), table.get(key(1)));
    }

    @Test
    void aRefusedGrowthFailsOnlyTheWriteThatNeedsRoomAndKeepsEveryEntryReadable() throws InterruptedException {
        GrowingTable table = open(CAPACITY);
        memory.limit(memory.reserved() + 1024); // no room for a larger table
        GridMapFullException full = null;
        int stored = 0;
        for (int i = 0; i < CAPACITY * 10 && full == null; i++) {
            try {
                table.set(key(i), value(i));
                stored++;
            } catch (GridMapFullException e) {
                full = e;
            }
            tasks.runAll();
        }
        assertNotNull(full, "the table filled up");
        assertTrue(full.getMessage().startsWith("test budget of "), full.getMessage());
        assertTrue(stored >= CAPACITY, "the table took at least its capacity first: " + stored);
        assertEquals(stored, table.size());
        for (int i = 0; i < stored; i++) {
            assertArrayEquals(value(i), table.get(key(i)), "key " + i);
        }
        assertNull(table.get(key(stored)), "the refused entry");
        table.set(key(0), value(1));
        assertArrayEquals(value(1), table.get(key(0)), "an entry can still be overwritten");

        memory.limit(0);
        table.set(key(stored), value(stored));
        tasks.runAll();
        assertArrayEquals(value(stored), table.get(key(stored)), "with room in the budget again, the table grows");
        assertTrue(table.capacity() > CAPACITY);
    }

    @Test
    void closingWhileALargerTableIsBeingCreatedFreesItOnceItExists() throws InterruptedException {
        GrowingTable table = open(CAPACITY);
        for (int i = 0; i < CAPACITY; i++) {
            table.set(key(i), value(i));
        }
        assertEquals(1, stats.snapshot().started(), "the table reached its capacity: a larger one was requested");

        table.close();

        assertThrows(IllegalStateException.class, () -> table.get(key(0)));
        tasks.runAll(); // creates the requested table, which is then closed: closeAll checks the memory
    }

    @Test
    void expectingManyEntriesGrowsOnceToTheirSize() throws InterruptedException {
        GrowingTable table = open(CAPACITY);
        table.expect(10_000);
        tasks.runAll();
        for (int i = 0; i < 10_000; i++) {
            table.set(key(i), value(i));
        }
        tasks.runAll();
        assertTrue(table.capacity() >= 10_000);
        assertEquals(1, stats.snapshot().started(), stats.snapshot().toString());
        assertEquals(10_000, table.size());
    }
}
