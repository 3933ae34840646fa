package dev.grid.query.impl.sql;

import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Historical queries while a member joins and log partitions migrate to it: every query returns every record exactly
 * once, with the offset it was stored at (a log partition whose cluster partition moves is read from its new owner).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GridLogSqlMigrationTest {
    private static final int RECORDS = 2_000;
    private static final int PARTITIONS = 12;

    @RegisterExtension
    static final GridCluster CLUSTER = cluster();

    private static GridCluster cluster() {
        Path dir;
        try {
            dir = Files.createTempDirectory("grid-log-sql-migration");
            dir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GridCluster.withMembers(2).upTo(3).partitions(71).configure(config -> config.getLog().setDirectory(dir));
    }

    @Test
    void shouldReturnEveryRecordOnceWhileAMemberJoins() {
        Grid member = CLUSTER.member(0);
        GridLog log = GridLog.of(member);
        log.createTopic("moving", PARTITIONS);
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int id = 0; id < RECORDS; id++) {
                sent.add(producer.send(ProducerRecord.of("moving", null, Integer.toString(id)).toPartition(id % PARTITIONS)));
            }
            sent.forEach(CompletableFuture::join);
        }
        try (SqlResult ignored = member.hazelcast().getSql().execute(
                "CREATE MAPPING moving TYPE GridLog OPTIONS ('valueFormat'='varchar')")) {
            ignored.isRowSet();
        }
        List<Integer> expected = IntStream.range(0, RECORDS).boxed().toList();
        assertEquals(expected, ids(member));

        long remote = LogScanCounters.REMOTE_PARTITIONS.sum();
        CompletableFuture<Grid> joining = CompletableFuture.supplyAsync(CLUSTER::startMember);
        int queries = 0;
        while (queries < 3 || !joining.isDone() || !member.hazelcast().getPartitionService().isClusterSafe()) {
            assertEquals(expected, ids(member), "query " + queries + " while a member joins");
            queries++;
        }
        joining.join();
        CLUSTER.awaitSafe(3);
        assertEquals(expected, ids(member));
        assertEquals(expected, ids(CLUSTER.member(2)));
        assertTrue(queries >= 3);
        System.out.println("GridLogSqlMigrationTest: " + queries + " queries while a member joined; log partitions read from a "
                + "member other than their owner: " + (LogScanCounters.REMOTE_PARTITIONS.sum() - remote));
    }

    /** @return the ids of every record, sorted; each checked to be at the offset it was stored at */
    private static List<Integer> ids(Grid grid) {
        List<Integer> ids = new ArrayList<>(RECORDS);
        try (SqlResult result = grid.hazelcast().getSql().execute("SELECT __partition, __offset, this FROM moving")) {
            for (SqlRow row : result) {
                int id = Integer.parseInt(row.getObject(2));
                assertEquals(id % PARTITIONS, (int) row.getObject(0), "partition of " + id);
                assertEquals((long) id / PARTITIONS, (long) row.getObject(1), "offset of " + id);
                ids.add(id);
            }
        }
        ids.sort(null);
        return ids;
    }
}
