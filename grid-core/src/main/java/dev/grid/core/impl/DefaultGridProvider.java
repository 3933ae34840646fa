package dev.grid.core.impl;

import com.hazelcast.transaction.TransactionContext;
import dev.grid.core.Grid;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.impl.map.tx.TransactionalGridMaps;

/** grid-core's {@link Grid.Provider}, registered in {@code META-INF/services}. */
public final class DefaultGridProvider implements Grid.Provider {
    @Override
    public Grid embedded(GridConfig config) {
        return EmbeddedGrid.start(config);
    }

    @Override
    public Grid client(GridClientConfig config) {
        return ClientGrid.connect(config);
    }

    @Override
    public <K, V> TransactionalGridMap<K, V> transactionalMap(TransactionContext context, String name) {
        return TransactionalGridMaps.in(context, name);
    }
}
