package dev.grid.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridModulesTest {
    /** A provider interface no jar registers. */
    interface Unprovided {
    }

    @Test
    void findsGridCoresProviderOnceAndForAll() {
        Grid.Provider provider = GridModules.provider(Grid.Provider.class);
        assertTrue(provider.getClass().getName().startsWith("dev.grid.core.impl."), provider.getClass().getName());
        assertSame(provider, GridModules.provider(Grid.Provider.class));
    }

    @Test
    void aMissingModuleIsNamedWithTheFileThatWouldRegisterIt() {
        GridException e = assertThrows(GridException.class, () -> GridModules.provider(Unprovided.class));
        assertTrue(e.getMessage().contains(Unprovided.class.getName()) && e.getMessage().contains("META-INF/services/"), e.getMessage());
    }
}
