package dev.grid.core.query;

import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridConfigYaml;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.GridMapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indexes declared in grid.yaml and GridMapConfig: parsed, and refused when the declared value class lacks the attribute. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IndexConfigTest {

    @Test
    void yamlDeclaresIndexesAndTheValueClass() {
        GridConfig config = GridConfigYaml.read("""
                grid:
                  maps:
                    orders:
                      valueClass: dev.grid.core.query.Order
                      indexes:
                        amount: sorted
                        customer.region: HASH
                        __key: sorted
                """, "test");
        GridMapConfig orders = config.mapConfig("orders");
        assertEquals(List.of(GridIndexConfig.sorted("amount"), GridIndexConfig.hash("customer.region"), GridIndexConfig.sorted("__key")),
                orders.getIndexes());
        assertEquals("dev.grid.core.query.Order", orders.getValueClass().orElseThrow());
        config.validate();
    }

    @Test
    void anIndexTheValueClassLacksIsRefusedWhenValidated() {
        GridConfigException refused = assertThrows(GridConfigException.class, () -> GridConfigYaml.read("""
                grid:
                  maps:
                    orders:
                      valueClass: dev.grid.core.query.Order
                      indexes:
                        customer.zip: hash
                """, "test"));
        assertEquals("grid.maps.orders.indexes", refused.key());
        assertTrue(refused.getMessage().contains("customer.zip") && refused.getMessage().contains("'zip'"), refused.getMessage());
    }

    @Test
    void badIndexesAreRefusedNamingTheKey() {
        GridConfigException type = assertThrows(GridConfigException.class, () -> GridConfigYaml.read("""
                grid:
                  maps:
                    orders:
                      indexes:
                        amount: btree
                """, "test"));
        assertEquals("grid.maps.orders.indexes.amount", type.key());
        assertTrue(type.getMessage().contains("sorted or hash"), type.getMessage());
        GridConfigException path = assertThrows(GridConfigException.class, () -> GridConfigYaml.read("""
                grid:
                  maps:
                    orders:
                      indexes:
                        "amount..x": sorted
                """, "test"));
        assertTrue(path.getMessage().contains("amount..x"), path.getMessage());
        GridMapConfig map = new GridMapConfig("m").addIndex(GridIndexConfig.hash("a"));
        assertThrows(GridConfigException.class, () -> map.addIndex(GridIndexConfig.hash("a")), "declared twice");
        GridConfigException missingClass = assertThrows(GridConfigException.class,
                () -> new GridConfig().addMap(new GridMapConfig("m").setValueClass("com.example.Nope").addIndex(GridIndexConfig.hash("a")))
                        .validate());
        assertEquals("grid.maps.m.valueClass", missingClass.key());
    }
}
