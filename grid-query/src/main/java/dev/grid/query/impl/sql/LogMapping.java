package dev.grid.query.impl.sql;

import com.hazelcast.jet.sql.impl.connector.SqlConnector;
import com.hazelcast.sql.impl.QueryException;
import com.hazelcast.sql.impl.schema.MappingField;
import com.hazelcast.sql.impl.type.QueryDataType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options and columns of a {@code GridLog} mapping, checked so that a wrong option, format or column fails with a
 * message naming it. A column's external name says what it reads: {@code __partition}, {@code __offset},
 * {@code __timestamp}, {@code __key}, {@code this} (the whole value) or {@code this.<field>} (a field of a flat JSON
 * value).
 */
final class LogMapping {
    static final String OPTION_TOPIC = "topic";
    static final String OPTION_STREAM = "stream";
    static final String OPTION_START_FROM = "startFrom";
    static final Set<String> KNOWN = Set.of(OPTION_TOPIC, SqlConnector.OPTION_KEY_FORMAT, SqlConnector.OPTION_VALUE_FORMAT,
            OPTION_STREAM, OPTION_START_FROM);

    static final String PARTITION = "__partition";
    static final String OFFSET = "__offset";
    static final String TIMESTAMP = "__timestamp";
    static final String KEY = "__key";
    static final String VALUE = "this";
    static final String VALUE_PREFIX = "this.";

    static final String VARCHAR = "varchar";
    static final String BYTES = "bytes";
    static final Set<String> KEY_FORMATS = Set.of(VARCHAR, BYTES);
    static final Set<String> VALUE_FORMATS = Set.of(VARCHAR, BYTES, SqlConnector.JSON_FLAT_FORMAT);

    private LogMapping() {
    }

    /** @return the topic a mapping reads: option {@code topic}, else its external name (by default the mapping's name) */
    static String topic(String mappingName, String[] externalName, Map<String, String> options) {
        String topic = options.get(OPTION_TOPIC);
        if (topic != null) {
            if (topic.isBlank()) {
                throw QueryException.error("GridLog mapping '" + mappingName + "': option 'topic' is blank");
            }
            return topic;
        }
        if (externalName.length != 1) {
            throw QueryException.error("GridLog mapping '" + mappingName + "': the external name " + String.join(".", externalName)
                    + " must be one name, the topic's");
        }
        return externalName[0];
    }

    static String keyFormat(Map<String, String> options) {
        return options.getOrDefault(SqlConnector.OPTION_KEY_FORMAT, VARCHAR);
    }

    static String valueFormat(Map<String, String> options) {
        return options.get(SqlConnector.OPTION_VALUE_FORMAT);
    }

    static boolean stream(Map<String, String> options) {
        return "true".equals(options.get(OPTION_STREAM));
    }

    /** @return whether a stream starts at the partitions' start ({@code 'startFrom'='earliest'}) rather than their end */
    static boolean fromEarliest(Map<String, String> options) {
        return "earliest".equals(options.get(OPTION_START_FROM));
    }

    /** @throws QueryException naming the option or value at fault */
    static void check(String topic, Map<String, String> options) {
        for (String option : options.keySet()) {
            if (!KNOWN.contains(option)) {
                throw error(topic, "unknown option '" + option + "'; a GridLog mapping takes " + new TreeSet<>(KNOWN));
            }
        }
        String keyFormat = keyFormat(options);
        if (!KEY_FORMATS.contains(keyFormat)) {
            throw error(topic, "option 'keyFormat' is '" + keyFormat + "', which GridLog does not support; give one of "
                    + new TreeSet<>(KEY_FORMATS));
        }
        String valueFormat = valueFormat(options);
        if (valueFormat == null) {
            throw error(topic, "option 'valueFormat' is missing; give one of " + new TreeSet<>(VALUE_FORMATS));
        }
        if (!VALUE_FORMATS.contains(valueFormat)) {
            throw error(topic, "option 'valueFormat' is '" + valueFormat + "', which GridLog does not support; give one of "
                    + new TreeSet<>(VALUE_FORMATS));
        }
        String stream = options.get(OPTION_STREAM);
        if (stream != null && !stream.equals("true") && !stream.equals("false")) {
            throw error(topic, "option 'stream' is '" + stream + "'; give 'true' or 'false'");
        }
        String startFrom = options.get(OPTION_START_FROM);
        if (startFrom != null) {
            if (!startFrom.equals("earliest") && !startFrom.equals("latest")) {
                throw error(topic, "option 'startFrom' is '" + startFrom + "'; give 'earliest' or 'latest'");
            }
            if (!stream(options)) {
                throw error(topic, "option 'startFrom' applies to streams only ('stream'='true'); a batch query reads from the start");
            }
        }
    }

    static QueryException error(String topic, String what) {
        return QueryException.error("mapping of GridLog topic '" + topic + "': " + what);
    }

    /**
     * @return the mapping's columns: the user's, checked, each with its external name set, and the system columns the
     *         user did not list added in front
     */
    static List<MappingField> resolve(String topic, Map<String, String> options, List<MappingField> userFields) {
        String keyFormat = keyFormat(options);
        String valueFormat = valueFormat(options);
        boolean json = SqlConnector.JSON_FLAT_FORMAT.equals(valueFormat);
        Map<String, QueryDataType> system = new LinkedHashMap<>();
        system.put(PARTITION, QueryDataType.INT);
        system.put(OFFSET, QueryDataType.BIGINT);
        system.put(TIMESTAMP, QueryDataType.TIMESTAMP_WITH_TZ_OFFSET_DATE_TIME);
        system.put(KEY, BYTES.equals(keyFormat) ? QueryDataType.OBJECT : QueryDataType.VARCHAR);
        if (userFields.isEmpty()) {
            if (json) {
                throw error(topic, "list the columns of a 'json-flat' value: they are not derived");
            }
            system.put(VALUE, BYTES.equals(valueFormat) ? QueryDataType.OBJECT : QueryDataType.VARCHAR);
        }
        List<MappingField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MappingField field : userFields) {
            String external = field.externalName() == null ? field.name() : field.externalName();
            if (system.containsKey(external)) {
                QueryDataType type = system.get(external);
                if (!field.type().equals(type) && !(external.equals(TIMESTAMP) && field.type().getTypeFamily() == type.getTypeFamily())) {
                    throw error(topic, "column '" + field.name() + "' (" + external + ") is " + type.getTypeFamily()
                            + ", not " + field.type().getTypeFamily());
                }
                fields.add(new MappingField(field.name(), type, external));
            } else if (external.equals(VALUE)) {
                if (json) {
                    throw error(topic, "column '" + field.name() + "': a 'json-flat' value is read field by field; map its fields");
                }
                QueryDataType type = BYTES.equals(valueFormat) ? QueryDataType.OBJECT : QueryDataType.VARCHAR;
                if (field.type().getTypeFamily() != type.getTypeFamily()) {
                    throw error(topic, "column '" + field.name() + "' (this) of a '" + valueFormat + "' value is " + type.getTypeFamily()
                            + ", not " + field.type().getTypeFamily());
                }
                fields.add(new MappingField(field.name(), type, VALUE));
            } else if (json && !external.startsWith("__")) {
                String path = external.startsWith(VALUE_PREFIX) ? external.substring(VALUE_PREFIX.length()) : external;
                if (path.isEmpty() || path.contains(".")) {
                    throw error(topic, "column '" + field.name() + "': '" + external + "' is not a top-level field of the value");
                }
                fields.add(new MappingField(field.name(), field.type(), VALUE_PREFIX + path));
            } else {
                throw error(topic, "column '" + field.name() + "'" + (external.equals(field.name()) ? "" : " (" + external + ")")
                        + " does not exist: a GridLog mapping has " + system.keySet() + (json ? " and the value's fields"
                        : " and this (the " + valueFormat + " value)"));
            }
            if (!seen.add(fields.get(fields.size() - 1).externalName())) {
                throw error(topic, "column '" + field.name() + "' reads " + external + ", which another column reads already");
            }
        }
        List<MappingField> missing = new ArrayList<>();
        system.forEach((name, type) -> {
            if (!seen.contains(name)) {
                missing.add(new MappingField(name, type, name));
            }
        });
        missing.addAll(fields);
        return missing;
    }
}
