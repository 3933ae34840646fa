package dev.grid.lock.impl;

import dev.grid.core.Grid;
import dev.grid.lock.GridLocks;

/** grid-lock's {@link GridLocks.Provider}, registered in {@code META-INF/services}. */
public final class DefaultGridLocksProvider implements GridLocks.Provider {
    @Override
    public GridLocks locks(Grid grid) {
        return DefaultGridLocks.of(grid);
    }
}
