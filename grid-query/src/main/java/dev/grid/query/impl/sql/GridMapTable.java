package dev.grid.query.impl.sql;

import com.hazelcast.jet.sql.impl.connector.SqlConnector;
import com.hazelcast.jet.sql.impl.schema.JetTable;
import com.hazelcast.sql.impl.extract.QueryPath;
import com.hazelcast.sql.impl.extract.QueryTargetDescriptor;
import com.hazelcast.sql.impl.optimizer.PlanObjectKey;
import com.hazelcast.sql.impl.schema.TableField;
import com.hazelcast.sql.impl.schema.TableStatistics;
import com.hazelcast.sql.impl.schema.map.MapTableField;
import com.hazelcast.sql.impl.type.QueryDataType;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A {@code GridMap} mapping as the SQL engine plans with it: the map, its columns and how key and value are read. */
final class GridMapTable extends JetTable {
    private final String mapName;
    private final Map<String, String> options;
    private final QueryTargetDescriptor keyDescriptor;
    private final QueryTargetDescriptor valueDescriptor;

    @SuppressWarnings("checkstyle:ParameterNumber")
    GridMapTable(SqlConnector connector, String schemaName, String mappingName, String mapName, List<TableField> fields,
                 TableStatistics statistics, String objectType, Map<String, String> options,
                 QueryTargetDescriptor keyDescriptor, QueryTargetDescriptor valueDescriptor) {
        super(connector, fields, schemaName, mappingName, statistics, objectType, false);
        this.mapName = mapName;
        this.options = Map.copyOf(options);
        this.keyDescriptor = keyDescriptor;
        this.valueDescriptor = valueDescriptor;
    }

    String mapName() {
        return mapName;
    }

    QueryTargetDescriptor keyDescriptor() {
        return keyDescriptor;
    }

    QueryTargetDescriptor valueDescriptor() {
        return valueDescriptor;
    }

    /** @return whether keys ({@code key}) or values are flat JSON */
    boolean isJson(boolean key) {
        return SqlConnector.JSON_FLAT_FORMAT.equals(options.get(key ? SqlConnector.OPTION_KEY_FORMAT : SqlConnector.OPTION_VALUE_FORMAT));
    }

    /** @return whether keys are of a primitive format ({@code int}, {@code varchar}, ...): key lookups apply */
    boolean hasPrimitiveKey() {
        return MappingOptions.PRIMITIVE_FORMATS.contains(options.get(SqlConnector.OPTION_KEY_FORMAT));
    }

    /** @return the type of the {@code __key} column, or null if the mapping has none */
    QueryDataType keyType() {
        QueryPath[] paths = paths();
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].isKey() && paths[i].isTopLevel()) {
                return getField(i).getType();
            }
        }
        return null;
    }

    QueryPath[] paths() {
        return getFields().stream().map(field -> ((MapTableField) field).getPath()).toArray(QueryPath[]::new);
    }

    QueryDataType[] types() {
        return getFields().stream().map(TableField::getType).toArray(QueryDataType[]::new);
    }

    @Override
    public PlanObjectKey getObjectKey() {
        return new Key(getSchemaName(), getSqlName(), mapName, getFields(), options);
    }

    /** What a cached plan depends on: a plan is reused only while the mapping is the same. */
    private record Key(String schema, String mapping, String mapName, List<TableField> fields, Map<String, String> options)
            implements PlanObjectKey {
        Key {
            Objects.requireNonNull(mapName, "mapName");
        }
    }
}
