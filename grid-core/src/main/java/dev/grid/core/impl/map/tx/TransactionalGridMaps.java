package dev.grid.core.impl.map.tx;

import com.hazelcast.client.impl.spi.ClientTransactionContext;
import com.hazelcast.transaction.TransactionContext;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.client.ClientTransactionalGridMapProxy;

import java.util.Objects;

/**
 * Behind {@link TransactionalGridMap#in}: on a member, Hazelcast's {@code TransactionContext} (of a
 * transaction or an XA branch) creates the view through {@link GridMapService}, which is a
 * {@code TransactionalService}, and keeps one per map for the transaction. Hazelcast's client-side
 * context only knows Hazelcast's own structures, so for a client (a {@code TransactionContextProxy},
 * or the {@code XATransactionContextProxy} of a client's XA resource) the view is grid's client proxy,
 * which sends grid's messages over the connection the transaction lives on.
 */
public final class TransactionalGridMaps {
    private TransactionalGridMaps() {
    }

    @SuppressWarnings("unchecked")
    public static <K, V> TransactionalGridMap<K, V> in(TransactionContext context, String name) {
        Objects.requireNonNull(context, "a TransactionalGridMap needs a transaction context, got null");
        new GridMapConfig(name); // validates the name
        if (context instanceof ClientTransactionContext) {
            return new ClientTransactionalGridMapProxy<>(name, (ClientTransactionContext) context);
        }
        return (TransactionalGridMap<K, V>) context.getTransactionalObject(GridMapService.SERVICE_NAME, name);
    }
}
