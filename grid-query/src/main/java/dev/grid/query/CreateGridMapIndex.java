package dev.grid.query;

import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.sql.SqlService;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.config.GridIndexConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CREATE INDEX [IF NOT EXISTS] name ON mapping (column) [TYPE SORTED|HASH]} on a GridMap mapping. Hazelcast's engine
 * creates an index on the IMap of that name whatever the mapping is, so a statement naming a GridMap mapping is answered
 * here instead: the column becomes the value attribute it reads ({@code this.age} → {@code age}) and the index is added to
 * the GridMap ({@link dev.grid.core.GridMap#addIndex}: on every replica, refused for an attribute the values lack). A
 * statement naming anything else is left to the engine.
 */
final class CreateGridMapIndex {
    /** The mapping type of grid's GridMap connector ({@code CREATE MAPPING ... TYPE GridMap}). */
    private static final String GRID_MAP_TYPE = "GridMap";
    private static final Pattern STATEMENT = Pattern.compile("(?is)\\s*CREATE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "(\"[^\"]+\"|[\\w$]+)\\s+ON\\s+(\"[^\"]+\"|[\\w$]+)\\s*\\(([^)]*)\\)\\s*(?:TYPE\\s+(\\w+))?\\s*(OPTIONS\\s*\\(.*\\))?\\s*;?\\s*");
    private static final String VALUE_PREFIX = "this.";

    private final String index;
    private final String mapping;
    private final List<String> columns;
    private final String type;
    private final boolean options;

    private CreateGridMapIndex(String index, String mapping, List<String> columns, String type, boolean options) {
        this.index = index;
        this.mapping = mapping;
        this.columns = columns;
        this.type = type;
        this.options = options;
    }

    /** @return the statement's parts if it is a {@code CREATE INDEX}; empty for any other statement */
    static Optional<CreateGridMapIndex> parse(String statement) {
        Matcher m = STATEMENT.matcher(statement);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> columns = Arrays.stream(m.group(3).split(",")).map(String::strip).map(CreateGridMapIndex::unquote).toList();
        return Optional.of(new CreateGridMapIndex(unquote(m.group(1)), unquote(m.group(2)), columns,
                m.group(4) == null ? "SORTED" : m.group(4).toUpperCase(Locale.ROOT), m.group(5) != null));
    }

    /**
     * Adds the index if the statement names a GridMap mapping.
     *
     * @return false, doing nothing, when {@code mapping} is not a GridMap mapping (the engine then runs the statement)
     * @throws GridException naming the mapping, column or type it cannot index
     */
    boolean runOn(Grid grid) {
        SqlService sql = grid.hazelcast().getSql();
        Optional<String[]> target;
        try {
            target = mapping(sql);
        } catch (HazelcastSqlException e) {
            throw new GridException("cannot create index " + index + " on " + mapping + ": " + e.getMessage(), e);
        }
        if (target.isEmpty()) {
            return false;
        }
        String map = target.get()[0];
        String mappingOptions = target.get()[1];
        if (mappingOptions.replace(" ", "").contains("\"valueFormat\":\"json-flat\"")) {
            throw new GridException("cannot create index " + index + " on " + mapping + ": GridMap indexes read Java attributes of the "
                    + "values and mapping " + mapping + " reads json-flat values");
        }
        if (columns.size() != 1 || columns.get(0).isEmpty()) {
            throw new GridException("cannot create index " + index + " on " + mapping + " " + columns + ": a GridMap index covers one "
                    + "column; create one index per column");
        }
        if (options) {
            throw new GridException("cannot create index " + index + " on " + mapping + ": GridMap indexes take no OPTIONS");
        }
        GridIndexConfig.Type indexType = switch (type) {
            case "SORTED" -> GridIndexConfig.Type.SORTED;
            case "HASH" -> GridIndexConfig.Type.HASH;
            default -> throw new GridException("cannot create index " + index + " on " + mapping + ": GridMap indexes are SORTED or HASH, "
                    + "not " + type);
        };
        try {
            String attribute = attribute(sql, columns.get(0));
            grid.map(map).addIndex(new GridIndexConfig(attribute, indexType));
        } catch (HazelcastSqlException | IllegalArgumentException e) {
            throw new GridException("cannot create index " + index + " on " + mapping + " (" + columns.get(0) + "): " + e.getMessage(), e);
        }
        return true;
    }

    /** @return the GridMap's name and the mapping's options, if {@code mapping} is a GridMap mapping */
    private Optional<String[]> mapping(SqlService sql) {
        try (SqlResult result = sql.execute("SELECT mapping_external_name, mapping_type, mapping_options "
                + "FROM information_schema.mappings WHERE table_name = ?", mapping)) {
            for (SqlRow row : result) {
                if (GRID_MAP_TYPE.equalsIgnoreCase(row.getObject(1))) {
                    String external = row.getObject(0);
                    return Optional.of(new String[] {unquote(external), row.getObject(2)});
                }
            }
        }
        return Optional.empty();
    }

    /** @return the value attribute a column reads: {@code age} for a column mapped to {@code this.age} */
    private String attribute(SqlService sql, String column) {
        String external = null;
        try (SqlResult result = sql.execute("SELECT column_external_name FROM information_schema.columns "
                + "WHERE table_name = ? AND column_name = ?", mapping, column)) {
            for (SqlRow row : result) {
                external = row.getObject(0);
            }
        }
        if (external == null) {
            throw new GridException("cannot create index " + index + " on " + mapping + ": the mapping has no column " + column);
        }
        if (!external.startsWith(VALUE_PREFIX)) {
            throw new GridException("cannot create index " + index + " on " + mapping + " (" + column + "): GridMap indexes cover "
                    + "attributes of the value, and " + column + " reads " + external);
        }
        return external.substring(VALUE_PREFIX.length());
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
