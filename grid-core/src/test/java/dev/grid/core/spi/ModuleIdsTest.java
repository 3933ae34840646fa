package dev.grid.core.spi;

import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.client.GridMapMessageType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleIdsTest {
    @Test
    void noTwoModulesShareAFactoryIdOrAServiceByte() {
        ModuleIds[] all = ModuleIds.values();
        assertEquals(all.length, Arrays.stream(all).mapToInt(ModuleIds::defaultFactoryId).distinct().count());
        assertEquals(all.length, Arrays.stream(all).mapToInt(ModuleIds::messageServiceByte).distinct().count());
        for (ModuleIds ids : all) {
            assertTrue(ids.defaultFactoryId() <= -7300, ids + ": below Hazelcast's own factory ids");
            assertTrue(ids.messageServiceByte() > 0x24 && ids.messageServiceByte() < 0xFD, ids + ": between Hazelcast 5.7.0's service bytes");
        }
    }

    @Test
    void gridCoreTakesItsOwn() {
        assertEquals(ModuleIds.CORE.factoryId(), GridCoreDataSerializerHook.F_ID);
        for (GridMapMessageType type : GridMapMessageType.values()) {
            assertEquals(ModuleIds.CORE.messageServiceByte(), type.request() >>> 16, type.name());
        }
    }

    @Test
    void aFactoryIdPropertyMovesTheIdAndABadOneIsNamed() {
        String property = ModuleIds.STREAM.factoryIdProperty();
        assertEquals("grid.serialization.stream.factory.id", property);
        try {
            System.setProperty(property, "-9100");
            assertEquals(-9100, ModuleIds.STREAM.factoryId());
            System.setProperty(property, "minus ten");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ModuleIds.STREAM::factoryId);
            assertTrue(e.getMessage().contains(property) && e.getMessage().contains("'minus ten'"), e.getMessage());
        } finally {
            System.clearProperty(property);
        }
        assertEquals(-7304, ModuleIds.STREAM.factoryId());
    }
}
