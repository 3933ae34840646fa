package dev.grid.query.impl.sql;

import com.hazelcast.jet.sql.impl.connector.SqlConnector;
import com.hazelcast.sql.impl.QueryException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The options a {@code GridMap} mapping accepts, checked before Hazelcast's format resolvers see them, so that a wrong
 * option or format fails with a message naming it (Hazelcast's own IMap connector ignores unknown options).
 */
final class MappingOptions {
    /** Options of a GridMap mapping. */
    static final Set<String> KNOWN = Set.of(SqlConnector.OPTION_KEY_FORMAT, SqlConnector.OPTION_VALUE_FORMAT,
            SqlConnector.OPTION_KEY_CLASS, SqlConnector.OPTION_VALUE_CLASS);

    /** The primitive formats (a value of one SQL type, stored as the matching Java object). */
    static final List<String> PRIMITIVE_FORMATS = List.of("varchar", "character varying", "char varying", "boolean", "tinyint",
            "smallint", "integer", "int", "bigint", "decimal", "dec", "numeric", "real", "double", "double precision", "time",
            "date", "timestamp", "timestamp with time zone");

    /** Every format a GridMap mapping accepts: Java objects, flat JSON, and the primitives. */
    static final Set<String> FORMATS = Stream.concat(Stream.of(SqlConnector.JAVA_FORMAT, SqlConnector.JSON_FLAT_FORMAT),
            PRIMITIVE_FORMATS.stream()).collect(Collectors.toUnmodifiableSet());

    private MappingOptions() {
    }

    /**
     * @param map         the GridMap's name, for messages
     * @param options     the mapping's options
     * @param classLoader where the member loads classes named by the options
     * @throws QueryException naming the option or value at fault
     */
    static void check(String map, Map<String, String> options, ClassLoader classLoader) {
        for (String option : options.keySet()) {
            if (!KNOWN.contains(option)) {
                throw QueryException.error("mapping of GridMap '" + map + "': unknown option '" + option + "'; a GridMap mapping takes "
                        + new TreeSet<>(KNOWN));
            }
        }
        checkFormat(map, options, SqlConnector.OPTION_KEY_FORMAT, SqlConnector.OPTION_KEY_CLASS, classLoader);
        checkFormat(map, options, SqlConnector.OPTION_VALUE_FORMAT, SqlConnector.OPTION_VALUE_CLASS, classLoader);
    }

    private static void checkFormat(String map, Map<String, String> options, String formatOption, String classOption,
                                    ClassLoader classLoader) {
        String format = options.get(formatOption);
        if (format == null) {
            throw QueryException.error("mapping of GridMap '" + map + "': option '" + formatOption + "' is missing; give one of "
                    + new TreeSet<>(FORMATS));
        }
        if (!FORMATS.contains(format)) {
            throw QueryException.error("mapping of GridMap '" + map + "': option '" + formatOption + "' is '" + format
                    + "', which GridMap does not support; give one of " + new TreeSet<>(FORMATS));
        }
        String javaClass = options.get(classOption);
        if (SqlConnector.JAVA_FORMAT.equals(format) && (javaClass == null || javaClass.isBlank())) {
            throw QueryException.error("mapping of GridMap '" + map + "': option '" + formatOption + "' is 'java', so option '"
                    + classOption + "' must name the class");
        }
        if (javaClass != null && !SqlConnector.JAVA_FORMAT.equals(format)) {
            throw QueryException.error("mapping of GridMap '" + map + "': option '" + classOption + "' is given, but option '"
                    + formatOption + "' is '" + format + "', not 'java'");
        }
        if (javaClass != null) {
            try {
                Class.forName(javaClass, false, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw QueryException.error("mapping of GridMap '" + map + "': option '" + classOption + "' names class '" + javaClass
                        + "', which is not on the member's class path (" + e + ")");
            }
        }
    }
}
