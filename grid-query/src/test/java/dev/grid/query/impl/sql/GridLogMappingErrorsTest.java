package dev.grid.query.impl.sql;

import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad GridLog mappings are refused with a message naming the topic, option, value or column at fault; the member keeps serving. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class GridLogMappingErrorsTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridLogSqlContract.members(1);

    @BeforeAll
    static void createTopic() {
        GridLog.of(grid()).createTopic("events", 2);
    }

    private static Grid grid() {
        return CLUSTER.member(0);
    }

    private static String refusal(String statement) {
        HazelcastSqlException e = assertThrows(HazelcastSqlException.class, () -> {
            try (SqlResult result = grid().hazelcast().getSql().execute(statement)) {
                result.isRowSet();
                result.iterator().forEachRemaining(row -> { });
            }
        });
        return e.getMessage();
    }

    @Test
    void shouldNameAnUnknownTopic() {
        String message = refusal("CREATE MAPPING nowhere TYPE GridLog OPTIONS ('valueFormat'='varchar')");
        assertTrue(message.contains("topic 'nowhere'") && message.contains("does not exist"), message);
    }

    @Test
    void shouldNameAnUnknownOption() {
        String message = refusal("CREATE MAPPING e1 TYPE GridLog OPTIONS ('topic'='events', 'valueFormat'='varchar', 'valueFromat'='x')");
        assertTrue(message.contains("unknown option 'valueFromat'"), message);
    }

    @Test
    void shouldNameAnUnsupportedFormat() {
        String message = refusal("CREATE MAPPING e2 EXTERNAL NAME events TYPE GridLog OPTIONS ('valueFormat'='avro')");
        assertTrue(message.contains("option 'valueFormat' is 'avro'"), message);
        message = refusal("CREATE MAPPING e3 EXTERNAL NAME events TYPE GridLog OPTIONS ('keyFormat'='int', 'valueFormat'='varchar')");
        assertTrue(message.contains("option 'keyFormat' is 'int'"), message);
        message = refusal("CREATE MAPPING e4 EXTERNAL NAME events TYPE GridLog OPTIONS ('keyFormat'='varchar')");
        assertTrue(message.contains("option 'valueFormat' is missing"), message);
    }

    @Test
    void shouldNameAColumnThatDoesNotExist() {
        String message = refusal("CREATE MAPPING e5 EXTERNAL NAME events (amount INT) TYPE GridLog OPTIONS ('valueFormat'='varchar')");
        assertTrue(message.contains("column 'amount' does not exist"), message);
        message = refusal("CREATE MAPPING e6 EXTERNAL NAME events (__offset INT) TYPE GridLog OPTIONS ('valueFormat'='varchar')");
        assertTrue(message.contains("column '__offset'") && message.contains("BIGINT"), message);
        message = refusal("CREATE MAPPING e7 EXTERNAL NAME events TYPE GridLog OPTIONS ('valueFormat'='json-flat')");
        assertTrue(message.contains("list the columns"), message);
    }

    @Test
    void shouldRefuseStreamOptionsOnABatchMapping() {
        String message = refusal("CREATE MAPPING e8 EXTERNAL NAME events TYPE GridLog OPTIONS ('valueFormat'='varchar', 'startFrom'='earliest')");
        assertTrue(message.contains("option 'startFrom' applies to streams only"), message);
        message = refusal("CREATE MAPPING e9 EXTERNAL NAME events TYPE GridLog OPTIONS ('valueFormat'='varchar', 'stream'='yes')");
        assertTrue(message.contains("option 'stream' is 'yes'"), message);
    }

    @Test
    void shouldNameADeletedTopicWhenQueried() {
        GridLog.of(grid()).createTopic("gone", 1);
        try (SqlResult ignored = grid().hazelcast().getSql().execute(
                "CREATE MAPPING gone TYPE GridLog OPTIONS ('valueFormat'='varchar')")) {
            ignored.isRowSet();
        }
        GridLog.of(grid()).deleteTopic("gone");
        String message = refusal("SELECT * FROM gone");
        assertTrue(message.contains("gone"), message);
    }

    @Test
    void shouldRefuseWrites() {
        try (SqlResult ignored = grid().hazelcast().getSql().execute(
                "CREATE OR REPLACE MAPPING writes EXTERNAL NAME events TYPE GridLog OPTIONS ('valueFormat'='varchar')")) {
            ignored.isRowSet();
        }
        String message = refusal("INSERT INTO writes (__key, this) VALUES ('k', 'v')");
        assertTrue(message.contains("INSERT INTO not supported for GridLog"), message);
    }

    @Test
    void shouldRefuseEventTimeOnABatchMapping() {
        try (SqlResult ignored = grid().hazelcast().getSql().execute(
                "CREATE OR REPLACE MAPPING history EXTERNAL NAME events TYPE GridLog OPTIONS ('valueFormat'='varchar')")) {
            ignored.isRowSet();
        }
        String message = refusal("SELECT * FROM TABLE(IMPOSE_ORDER(TABLE history, DESCRIPTOR(__timestamp), INTERVAL '1' SECOND))");
        assertTrue(message.contains("ordering functions (event time) need a stream"), message);
    }

    @Test
    void shouldKeepServingAfterARefusal() {
        refusal("CREATE MAPPING e10 EXTERNAL NAME events TYPE GridLog OPTIONS ('valueFormat'='java')");
        try (SqlResult ignored = grid().hazelcast().getSql().execute(
                "CREATE OR REPLACE MAPPING events TYPE GridLog OPTIONS ('valueFormat'='varchar')")) {
            ignored.isRowSet();
        }
        try (SqlResult result = grid().hazelcast().getSql().execute("SELECT COUNT(*) FROM events")) {
            assertEquals(0L, result.iterator().next().<Long>getObject(0));
        }
    }
}
