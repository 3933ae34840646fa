package dev.grid.log.txn;

import com.hazelcast.transaction.HazelcastXAResource;
import com.hazelcast.transaction.impl.xa.SerializableXID;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.ReadOptions;

import javax.transaction.xa.Xid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Clusters and reads for the transactional log tests. */
final class TxnClusters {
    private TxnClusters() {
    }

    static GridCluster members(int count) {
        Path dir;
        try {
            dir = Files.createTempDirectory("grid-log-txn-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.toFile().deleteOnExit();
        return GridCluster.withMembers(count).partitions(31).configure(config -> config.getLog().setDirectory(dir));
    }

    /** @return the values of every record of the partition a reader at {@code isolation} sees, reading to its end */
    static List<String> values(Grid grid, String topic, int partition, IsolationLevel isolation) {
        GridLog log = GridLog.of(grid);
        List<String> values = new ArrayList<>();
        long next = 0;
        while (true) {
            FetchResult page = log.readAsync(topic, partition, next, 1000, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO, isolation).join();
            for (ConsumerRecord r : page.records()) {
                values.add(new String(r.value(), StandardCharsets.UTF_8));
            }
            long after = page.nextOffset(next);
            if (after == next || after >= page.highWatermark()) {
                return values;
            }
            next = after;
        }
    }

    static Xid xid() {
        UUID id = UUID.randomUUID();
        return new SerializableXID(42, id.toString().getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    static HazelcastXAResource xa(Grid member) {
        return member.hazelcast().getXAResource();
    }
}
