package dev.grid.query.impl.sql;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.jet.core.EventTimePolicy;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.Vertex;
import com.hazelcast.jet.sql.impl.connector.HazelcastRexNode;
import com.hazelcast.jet.sql.impl.connector.SqlConnector;
import com.hazelcast.jet.sql.impl.connector.keyvalue.KvMetadata;
import com.hazelcast.jet.sql.impl.connector.keyvalue.KvMetadataJavaResolver;
import com.hazelcast.jet.sql.impl.connector.keyvalue.KvMetadataJsonResolver;
import com.hazelcast.jet.sql.impl.connector.keyvalue.KvMetadataResolvers;
import com.hazelcast.shaded.org.apache.calcite.rex.RexNode;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.sql.impl.QueryException;
import com.hazelcast.sql.impl.expression.Expression;
import com.hazelcast.sql.impl.expression.ExpressionEvalContext;
import com.hazelcast.sql.impl.row.JetSqlRow;
import com.hazelcast.sql.impl.schema.ConstantTableStatistics;
import com.hazelcast.sql.impl.schema.MappingField;
import com.hazelcast.sql.impl.schema.Table;
import com.hazelcast.sql.impl.schema.TableField;
import com.hazelcast.sql.impl.type.QueryDataType;
import dev.grid.core.GridMapStats;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code GridMap} SQL connector: {@code CREATE MAPPING name (...) TYPE GridMap OPTIONS ('keyFormat'=..., 'valueFormat'=...)}.
 *
 * <p>Columns and formats are resolved by Hazelcast's key-value resolvers (Java classes and primitives, flat JSON), after
 * {@link MappingOptions} has refused what GridMap does not support. A full scan is one vertex on every member
 * ({@link GridMapScanSupplier}): each member reads only the partitions Jet assigned it (the ones it owns when the query
 * starts) and applies the query's filter and projection to each entry as it reads it, so only matching rows, and only
 * the projected columns, leave the scan. A key lookup ({@code WHERE __key = ?} on a primitive key, {@link KeyLookup})
 * reads that one key, on the member that owns its partition only. Comparisons of a column with a constant
 * ({@link IndexTerms}) go to each partition's read, which visits only the entries a GridMap index names for them when
 * the map has an index on that column's attribute.
 */
public final class GridMapSqlConnector implements SqlConnector {
    /** The mapping type: {@code TYPE GridMap}. */
    public static final String TYPE_NAME = "GridMap";

    private static final KvMetadataResolvers RESOLVERS = new KvMetadataResolvers(KvMetadataJavaResolver.INSTANCE,
            KvMetadataJsonResolver.INSTANCE);

    @Override
    public String typeName() {
        return TYPE_NAME;
    }

    @Override
    public String defaultObjectType() {
        return TYPE_NAME;
    }

    @Override
    public List<MappingField> resolveAndValidateFields(NodeEngine nodeEngine, SqlExternalResource resource,
                                                       List<MappingField> userFields) {
        String mapName = mapName(resource);
        MappingOptions.check(mapName, resource.options(), nodeEngine.getConfigClassLoader());
        MemberMaps maps = MemberContext.of(nodeEngine.getConfig().getUserContext()).maps();
        if (!maps.exists(mapName)) {
            throw QueryException.error("GridMap '" + mapName + "' does not exist: create it first (grid.map(\"" + mapName
                    + "\") or grid.maps." + mapName + " in the members' configuration)");
        }
        return RESOLVERS.resolveAndValidateFields(userFields, resource.options(), nodeEngine);
    }

    @Override
    public Table createTable(NodeEngine nodeEngine, String schemaName, String mappingName,
                             SqlExternalResource resource, List<MappingField> resolvedFields) {
        String mapName = mapName(resource);
        InternalSerializationService serialization = (InternalSerializationService) nodeEngine.getSerializationService();
        KvMetadata key = RESOLVERS.resolveMetadata(true, resolvedFields, resource.options(), serialization);
        KvMetadata value = RESOLVERS.resolveMetadata(false, resolvedFields, resource.options(), serialization);
        List<TableField> fields = new ArrayList<>(key.getFields());
        fields.addAll(value.getFields());
        return new GridMapTable(this, schemaName, mappingName, mapName, fields,
                new ConstantTableStatistics(estimatedRows(nodeEngine, mapName)), resource.objectType(), resource.options(),
                key.getQueryTargetDescriptor(), value.getQueryTargetDescriptor());
    }

    /** The map's entries, estimated from this member's primaries times the member count (the planner's row estimate). */
    private static long estimatedRows(NodeEngine nodeEngine, String mapName) {
        GridMapStats local = MemberContext.of(nodeEngine.getConfig().getUserContext()).maps().stats(mapName);
        return local.primaryEntries() * nodeEngine.getClusterService().getSize();
    }

    private static String mapName(SqlExternalResource resource) {
        String[] externalName = resource.externalName();
        if (externalName.length != 1) {
            throw QueryException.error("GridMap mapping: the external name " + String.join(".", externalName)
                    + " must be one name, the GridMap's");
        }
        return externalName[0];
    }

    @Override
    public Vertex fullScanReader(DagBuildContext context, HazelcastRexNode predicate,
                                 List<HazelcastRexNode> projection,
                                 List<Map<String, Expression<?>>> partitionPruningCandidates,
                                 FunctionEx<ExpressionEvalContext, EventTimePolicy<JetSqlRow>> eventTimePolicyProvider) {
        if (eventTimePolicyProvider != null) {
            throw QueryException.error("ordering functions (event time) are not supported on GridMap mappings");
        }
        GridMapTable table = context.getTable();
        GridMapRowProjector.Supplier projector = new GridMapRowProjector.Supplier(table.paths(), table.types(), table.keyDescriptor(),
                table.valueDescriptor(), context.convertFilter(predicate), context.convertProjection(projection));
        Expression<?> key = null;
        QueryDataType keyType = table.keyType();
        if (table.hasPrimitiveKey() && keyType != null) {
            RexNode operand = KeyLookup.keyOperand(predicate, table.paths());
            if (operand != null) {
                key = context.convertProjection(List.of(HazelcastRexNode.wrap(operand))).get(0);
            }
        }
        IndexTerms indexTerms = IndexTerms.of(predicate, table,
                operand -> context.convertProjection(List.of(HazelcastRexNode.wrap(operand))).get(0));
        GridMapScanSupplier scan = new GridMapScanSupplier(table.mapName(), projector, table.isJson(true), table.isJson(false),
                key, keyType, indexTerms);
        return context.getDag().newUniqueVertex((key != null ? "KeyLookup" : "Scan") + "(GridMap[" + table.mapName() + "])",
                ProcessorMetaSupplier.of(GridMapScanSupplier.LOCAL_PARALLELISM, scan));
    }

    @Override
    public boolean supportsExpression(HazelcastRexNode expression) {
        return true;
    }
}
