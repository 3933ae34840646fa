package dev.grid.query.impl.sql;

import com.hazelcast.jet.sql.impl.connector.SqlConnector;
import com.hazelcast.jet.sql.impl.schema.JetTable;
import com.hazelcast.sql.impl.optimizer.PlanObjectKey;
import com.hazelcast.sql.impl.schema.TableField;
import com.hazelcast.sql.impl.schema.TableStatistics;

import java.util.List;
import java.util.Map;

/**
 * A {@code GridLog} mapping as the SQL engine plans with it: the topic, what each column reads (its external name:
 * {@code __partition}, {@code __offset}, {@code __timestamp}, {@code __key}, {@code this} or {@code this.<field>}), and
 * whether it is a stream.
 */
final class GridLogTable extends JetTable {
    private final String topic;
    private final List<String> externalNames;
    private final Map<String, String> options;

    @SuppressWarnings("checkstyle:ParameterNumber")
    GridLogTable(SqlConnector connector, String schemaName, String mappingName, String topic, List<TableField> fields,
                 List<String> externalNames, TableStatistics statistics, String objectType, Map<String, String> options) {
        super(connector, fields, schemaName, mappingName, statistics, objectType, LogMapping.stream(options));
        this.topic = topic;
        this.externalNames = List.copyOf(externalNames);
        this.options = Map.copyOf(options);
    }

    String topic() {
        return topic;
    }

    List<String> externalNames() {
        return externalNames;
    }

    /** @return the index of the column reading {@code externalName}, or -1 */
    int column(String externalName) {
        return externalNames.indexOf(externalName);
    }

    boolean keyAsBytes() {
        return LogMapping.BYTES.equals(LogMapping.keyFormat(options));
    }

    boolean valueAsBytes() {
        return LogMapping.BYTES.equals(LogMapping.valueFormat(options));
    }

    boolean fromEarliest() {
        return LogMapping.fromEarliest(options);
    }

    @Override
    public PlanObjectKey getObjectKey() {
        return new Key(getSchemaName(), getSqlName(), topic, getFields(), externalNames, options);
    }

    /** What a cached plan depends on: a plan is reused only while the mapping is the same. */
    private record Key(String schema, String mapping, String topic, List<TableField> fields, List<String> externalNames,
                       Map<String, String> options) implements PlanObjectKey {
    }
}
