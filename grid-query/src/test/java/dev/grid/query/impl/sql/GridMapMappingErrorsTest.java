package dev.grid.query.impl.sql;

import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad mappings are refused with a message naming the option, the value or the map at fault; the member keeps serving. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class GridMapMappingErrorsTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1);

    @BeforeAll
    static void createMap() {
        CLUSTER.member(0).<Integer, String>map("existing").put(1, "one");
    }

    private static Grid grid() {
        return CLUSTER.member(0);
    }

    private static String refusal(String statement) {
        HazelcastSqlException e = assertThrows(HazelcastSqlException.class, () -> {
            try (SqlResult ignored = grid().hazelcast().getSql().execute(statement)) {
                ignored.isRowSet();
            }
        });
        return e.getMessage();
    }

    @Test
    void shouldNameAnUnknownOption() {
        String message = refusal("CREATE MAPPING m1 EXTERNAL NAME existing TYPE GridMap "
                + "OPTIONS ('keyFormat'='int', 'valueFormat'='varchar', 'valueFromat'='java')");
        assertTrue(message.contains("unknown option 'valueFromat'"), message);
    }

    @Test
    void shouldNameAnUnsupportedFormat() {
        String message = refusal("CREATE MAPPING m2 EXTERNAL NAME existing TYPE GridMap "
                + "OPTIONS ('keyFormat'='int', 'valueFormat'='portable')");
        assertTrue(message.contains("option 'valueFormat' is 'portable'"), message);
    }

    @Test
    void shouldAskForAMissingFormat() {
        String message = refusal("CREATE MAPPING m3 EXTERNAL NAME existing TYPE GridMap OPTIONS ('valueFormat'='varchar')");
        assertTrue(message.contains("option 'keyFormat' is missing"), message);
    }

    @Test
    void shouldAskForTheJavaClass() {
        String message = refusal("CREATE MAPPING m4 EXTERNAL NAME existing TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='java')");
        assertTrue(message.contains("option 'valueJavaClass' must name the class"), message);
    }

    @Test
    void shouldNameAJavaClassNotOnTheClassPath() {
        String message = refusal("CREATE MAPPING m5 EXTERNAL NAME existing TYPE GridMap "
                + "OPTIONS ('keyFormat'='int', 'valueFormat'='java', 'valueJavaClass'='com.example.Missing')");
        assertTrue(message.contains("'com.example.Missing'"), message);
    }

    @Test
    void shouldNameAMissingMap() {
        String message = refusal("CREATE MAPPING nowhere TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='varchar')");
        assertTrue(message.contains("GridMap 'nowhere' does not exist"), message);
    }

    @Test
    void shouldKeepServingAfterARefusal() {
        refusal("CREATE MAPPING m6 EXTERNAL NAME existing TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='avro')");
        try (SqlResult ignored = grid().hazelcast().getSql().execute("CREATE OR REPLACE MAPPING existing TYPE GridMap "
                + "OPTIONS ('keyFormat'='int', 'valueFormat'='varchar')")) {
            ignored.isRowSet();
        }
        try (SqlResult result = grid().hazelcast().getSql().execute("SELECT this FROM existing WHERE __key = 1")) {
            assertEquals("one", result.iterator().next().getObject(0));
        }
    }
}
