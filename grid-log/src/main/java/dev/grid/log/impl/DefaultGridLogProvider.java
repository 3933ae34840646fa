package dev.grid.log.impl;

import dev.grid.core.Grid;
import dev.grid.log.GridLog;

/** grid-log's {@link GridLog.Provider}, registered in {@code META-INF/services}. */
public final class DefaultGridLogProvider implements GridLog.Provider {
    @Override
    public GridLog log(Grid grid) {
        return DefaultGridLog.of(grid);
    }
}
