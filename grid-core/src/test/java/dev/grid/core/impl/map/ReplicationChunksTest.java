package dev.grid.core.impl.map;

import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.ReplicationOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicationChunksTest {
    private final List<PartitionStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(PartitionStore::close);
    }

    private PartitionStore store(long capacity) {
        PartitionStore store = new PartitionStore("m", 3, capacity, 16, 4096);
        stores.add(store);
        return store;
    }

    @Test
    void aLargePartitionTravelsInChunksOfAboutAMegabyte() {
        PartitionStore source = store(4000);
        for (int i = 0; i < 2500; i++) {
            source.put(("key-" + i).getBytes(), new byte[4000]);
            source.setFence(("key-" + i).getBytes(), 1000 + i);
        }
        source.setFence("removed-key".getBytes(), 77);
        ReplicationChunks chunks = new ReplicationChunks("m", 3, 1, null, source);
        PartitionStore target = store(4000);
        target.put("stale".getBytes(), new byte[1]);
        int count = 0;
        int entries = 0;
        int fences = 0;
        while (chunks.hasNext()) {
            Operation op = chunks.next();
            ReplicationOperation chunk = (ReplicationOperation) op;
            assertEquals(3, op.getPartitionId());
            assertEquals(1, op.getReplicaIndex());
            assertEquals(count == 0, chunk.first());
            assertTrue(chunk.entryCount() * 4000L <= ReplicationChunks.CHUNK_BYTES + 4100, "chunk of " + chunk.entryCount());
            fences += chunk.fenceCount();
            entries += chunk.entryCount();
            chunk.applyTo(target);
            count++;
        }
        assertEquals(2500, entries);
        assertEquals(1077, target.fence("key-77".getBytes()), "fences travel with the entries");
        assertEquals(77, target.fence("removed-key".getBytes()), "and fences of removed keys too");
        assertEquals(2501, fences);
        assertTrue(count >= 9, "10 MB should take about 10 chunks, took " + count);
        assertEquals(2500, target.size());
        assertFalse(target.containsKey("stale".getBytes()), "the first chunk replaces what the receiver held");
    }

    @Test
    void anEmptyPartitionStillSendsOneChunkThatClearsTheReceiver() {
        ReplicationChunks chunks = new ReplicationChunks("m", 3, 1, null, null);
        assertTrue(chunks.hasNext());
        ReplicationOperation chunk = (ReplicationOperation) chunks.next();
        assertTrue(chunk.first());
        assertEquals(0, chunk.entryCount());
        assertFalse(chunks.hasNext());
    }
}
