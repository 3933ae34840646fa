package dev.grid.query.impl.sql;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.EventTimePolicy;
import com.hazelcast.jet.core.Vertex;
import com.hazelcast.jet.sql.impl.connector.HazelcastRexNode;
import com.hazelcast.jet.sql.impl.connector.SqlConnector;
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
import dev.grid.log.LogException;
import dev.grid.log.spi.MemberLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * The {@code GridLog} SQL connector: {@code CREATE MAPPING orders (...) TYPE GridLog OPTIONS ('valueFormat'='json-flat')}
 * makes a grid-log topic a table with columns {@code __partition}, {@code __offset}, {@code __timestamp}, {@code __key}
 * and the value's ({@link LogMapping}). A query reads each log partition on the member that owns it
 * ({@link GridLogScanP}), from where the filter's bounds on {@code __partition}, {@code __offset} and
 * {@code __timestamp} let it start ({@link LogBounds}) to the high watermark at the query's start; with
 * {@code 'stream'='true'} the mapping is a stream that emits records as they are appended.
 */
public final class GridLogSqlConnector implements SqlConnector {
    /** The mapping type: {@code TYPE GridLog}. */
    public static final String TYPE_NAME = "GridLog";

    @Override
    public String typeName() {
        return TYPE_NAME;
    }

    @Override
    public String defaultObjectType() {
        return "Topic";
    }

    @Override
    public List<MappingField> resolveAndValidateFields(NodeEngine nodeEngine, SqlExternalResource resource,
                                                       List<MappingField> userFields) {
        String topic = LogMapping.topic(resource.externalName()[resource.externalName().length - 1], resource.externalName(),
                resource.options());
        LogMapping.check(topic, resource.options());
        try {
            MemberLog.of(nodeEngine.getHazelcastInstance()).partitions(topic);
        } catch (LogException e) {
            throw LogMapping.error(topic, e.getMessage());
        }
        return LogMapping.resolve(topic, resource.options(), userFields);
    }

    @Override
    public Table createTable(NodeEngine nodeEngine, String schemaName, String mappingName,
                             SqlExternalResource resource, List<MappingField> resolvedFields) {
        String topic = LogMapping.topic(mappingName, resource.externalName(), resource.options());
        List<TableField> fields = new ArrayList<>();
        List<String> externalNames = new ArrayList<>();
        for (MappingField field : resolvedFields) {
            fields.add(new TableField(field.name(), field.type(), false));
            externalNames.add(field.externalName());
        }
        return new GridLogTable(this, schemaName, mappingName, topic, fields, externalNames,
                new ConstantTableStatistics(estimatedRows(nodeEngine, topic)), resource.objectType(), resource.options());
    }

    /** The records the topic keeps, asked of the partitions' owners when the mapping is planned with (0 if that fails). */
    private static long estimatedRows(NodeEngine nodeEngine, String topic) {
        try {
            MemberLog log = MemberLog.of(nodeEngine.getHazelcastInstance());
            long rows = 0;
            for (int p = 0, n = log.partitions(topic); p < n; p++) {
                long[] marks = log.startAndHighWatermark(topic, p).join();
                rows += marks[1] - marks[0];
            }
            return rows;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public Vertex fullScanReader(DagBuildContext context, HazelcastRexNode predicate,
                                 List<HazelcastRexNode> projection,
                                 List<Map<String, Expression<?>>> partitionPruningCandidates,
                                 FunctionEx<ExpressionEvalContext, EventTimePolicy<JetSqlRow>> eventTimePolicyProvider) {
        GridLogTable table = context.getTable();
        List<LogBounds.Bound> bounds = LogBounds.find(predicate, table);
        int[] boundColumns = new int[bounds.size()];
        String[] boundKinds = new String[bounds.size()];
        List<Expression<?>> boundValues = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            LogBounds.Bound bound = bounds.get(i);
            boundColumns[i] = bound.column();
            boundKinds[i] = bound.comparison().name();
            boundValues.add(context.convertProjection(List.of(HazelcastRexNode.wrap(bound.constant()))).get(0));
        }
        List<QueryDataType> types = new ArrayList<>();
        for (TableField field : table.getFields()) {
            types.add(field.getType());
        }
        if (eventTimePolicyProvider != null && !table.isStreaming()) {
            throw QueryException.error("ordering functions (event time) need a stream: map topic '" + table.topic()
                    + "' with 'stream'='true'");
        }
        GridLogScanSupplier scan = new GridLogScanSupplier(table.topic(), table.externalNames(), types, table.keyAsBytes(),
                table.valueAsBytes(), table.isStreaming(), table.fromEarliest(), context.convertFilter(predicate),
                context.convertProjection(projection), boundColumns, boundKinds, boundValues, eventTimePolicyProvider);
        Vertex vertex = context.getDag().newUniqueVertex((table.isStreaming() ? "Stream" : "Scan") + "(GridLog[" + table.topic() + "])",
                new GridLogScanMetaSupplier(scan));
        return vertex;
    }

    @Override
    public boolean supportsExpression(HazelcastRexNode expression) {
        return true;
    }
}
