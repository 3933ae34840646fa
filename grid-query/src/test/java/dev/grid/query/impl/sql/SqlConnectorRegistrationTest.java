package dev.grid.query.impl.sql;

import com.hazelcast.internal.util.ServiceLoader;
import com.hazelcast.jet.sql.impl.connector.SqlConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GridMap and GridLog connectors are found the way Hazelcast's SQL engine finds connectors (its {@code SqlConnectorCache}: the
 * {@code com.hazelcast.sql.Connectors} service file, read by Hazelcast's own service loader). A Hazelcast upgrade that
 * moves the SPI, renames the file, or stops loading it fails here (and the contract tests fail with "Unknown connector
 * type: GridMap").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SqlConnectorRegistrationTest {
    /** The factory id Hazelcast 5.7.0's {@code SqlConnectorCache} loads connectors under. */
    private static final String FACTORY_ID = "com.hazelcast.sql.Connectors";

    @Test
    void shouldRegisterTheGridMapConnectorBesideHazelcastsOwn() throws Exception {
        List<String> types = new ArrayList<>();
        List<SqlConnector> gridMap = new ArrayList<>();
        Iterator<SqlConnector> connectors = ServiceLoader.iterator(SqlConnector.class, FACTORY_ID, getClass().getClassLoader());
        connectors.forEachRemaining(connector -> {
            types.add(connector.typeName());
            if (connector instanceof GridMapSqlConnector) {
                gridMap.add(connector);
            }
        });
        assertTrue(types.contains("IMap"), "Hazelcast's own connectors are no longer loaded from " + FACTORY_ID + ": " + types);
        assertEquals(1, gridMap.size(), "the GridMap connector must be registered exactly once in " + FACTORY_ID + ": " + types);
        assertEquals("GridMap", gridMap.get(0).typeName());
        assertEquals("GridMap", gridMap.get(0).defaultObjectType());
        assertEquals(1, types.stream().filter(GridLogSqlConnector.TYPE_NAME::equals).count(),
                "the GridLog connector must be registered exactly once in " + FACTORY_ID + ": " + types);
    }
}
