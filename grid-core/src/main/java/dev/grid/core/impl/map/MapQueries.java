package dev.grid.core.impl.map;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.operationservice.OperationService;
import dev.grid.core.GridException;
import dev.grid.core.config.GridIndexConfig;
import com.hazelcast.cluster.Member;
import dev.grid.core.impl.map.operations.IndexDefinitionsOperation;
import dev.grid.core.impl.map.operations.QueryOperationFactory;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResults;
import dev.grid.core.impl.map.query.QuerySpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Map-wide queries and index builds, as the member proxy and the client's message tasks run them: one
 * {@link QueryOperationFactory} call over every partition, the partitions' answers combined.
 */
public final class MapQueries {
    private MapQueries() {
    }

    /** @return every partition's answer to the query, combined */
    public static QueryResult run(OperationService operations, SerializationService serialization, String name, QuerySpec spec) {
        return QueryResults.combine(spec, partials(onAllPartitions(operations, name, QueryOperationFactory.query(name, spec), "query"),
                serialization));
    }

    /** @return each partition's answer, as Hazelcast returned it (objects or serialized) */
    static List<QueryResult> partials(Map<Integer, Object> results, SerializationService serialization) {
        List<QueryResult> partials = new ArrayList<>(results.size());
        for (Object result : results.values()) {
            partials.add(serialization.toObject(result));
        }
        return partials;
    }

    /**
     * Adds the index on every partition (owners and backups), after checking its attribute against the map's
     * declared value class and against a sample of the stored values.
     *
     * @throws IllegalArgumentException naming the map and the attribute if the check refuses it
     */
    public static void addIndex(OperationService operations, SerializationService serialization, Collection<Member> members,
                                MapContainer container, GridIndexConfig index) {
        String name = container.name();
        container.config().checkIndexAttribute(index);
        QueryResult check = run(operations, serialization, name, QuerySpec.attributeCheck(index.getAttribute()));
        refuseIfMissing(name, index, check);
        build(operations, members, container, index);
    }

    /**
     * Defines the index on every member (those that hold no replica of the map's partitions included), then
     * builds it on every partition's owner and backups.
     */
    public static void build(OperationService operations, Collection<Member> members, MapContainer container, GridIndexConfig index) {
        container.defineIndex(index);
        List<CompletableFuture<Object>> defined = new ArrayList<>();
        for (Member member : members) {
            if (!member.localMember()) {
                defined.add(operations.<Object>invokeOnTarget(GridMapService.SERVICE_NAME,
                        new IndexDefinitionsOperation(Map.of(container.name(), List.of(index))), member.getAddress()));
            }
        }
        defined.forEach(CompletableFuture::join);
        onAllPartitions(operations, container.name(), QueryOperationFactory.addIndex(container.name(), index), "addIndex");
    }

    /** @throws IllegalArgumentException if values were sampled and not one had the attribute */
    public static void refuseIfMissing(String name, GridIndexConfig index, QueryResult check) {
        if (check.count() == 0 && check.longSum() > 0) {
            throw new IllegalArgumentException("GridMap '" + name + "': cannot add the " + index + ": none of the "
                    + check.longSum() + " stored values sampled (up to 16 per partition) has an attribute '"
                    + index.getAttribute() + "' (a field, getter or accessor along the path); nothing was added");
        }
    }

    private static Map<Integer, Object> onAllPartitions(OperationService operations, String name, QueryOperationFactory factory,
                                                        String what) {
        try {
            return operations.invokeOnAllPartitions(GridMapService.SERVICE_NAME, factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e.getCause() instanceof RuntimeException cause) {
                // a partition's refusal (a sum over text, a bad index): the caller sees it as the member threw it
                throw cause;
            }
            throw new GridException("GridMap '" + name + "': " + what + " failed: " + e.getMessage(), e);
        }
    }
}
