package dev.grid.core.config;

import dev.grid.core.config.GridAlertRule;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridCpConfig;
import dev.grid.core.config.GridJvmConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.core.config.GridNetworkConfig;
import dev.grid.core.config.GridSecurityConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code grid.yaml} into a {@link GridConfig}. Unknown keys, repeated keys, wrong types and
 * out-of-range values fail with a {@link GridConfigException} naming the key and the value.
 */
public final class GridConfigYaml {

    private static final Pattern BYTE_COUNT = Pattern.compile("(\\d+)\\s*([kmgt]?)b?");

    /** Keys under {@code grid} that hold further keys rather than a value. */
    private static final List<String> SECTIONS = List.of("network", "cp", "log", "monitor", "jvm", "security", "maps", "hazelcastProperties");
    /** Keys of one rule in {@code grid.monitor.alerts}. */
    private static final List<String> RULE_KEYS = List.of("name", "metric", "comparison", "threshold", "for", "severity", "summary");

    private GridConfigYaml() {
    }

    /**
     * @param text   the YAML text
     * @param source where the text came from, for messages
     * @return the validated configuration
     */
    public static GridConfig read(String text, String source) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new GridConfigException("grid", source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new GridConfigException("grid", source + " is empty: expected a top-level key \"grid:\"");
        }
        Map<String, Object> top = mapping("(top level)", root);
        for (String key : top.keySet()) {
            if (!key.equals("grid")) {
                throw new GridConfigException(key, key + " is not a known top-level key in " + source + "; the only one is grid");
            }
        }
        GridConfig config = new GridConfig();
        if (top.containsKey("grid")) {
            Object grid = top.get("grid");
            if (grid != null) {
                readSection("grid", mapping("grid", grid), gridKeys(config));
            }
        } else {
            throw new GridConfigException("grid", source + " has no top-level key \"grid:\"");
        }
        return config.validate();
    }

    /**
     * @return every key {@code grid.yaml} accepts that takes a value, in full ({@code grid.maps.<name>.entries} stands
     *         for every map name, {@code grid.hazelcastProperties.<property>} for every property)
     */
    public static List<String> knownKeys() {
        List<String> keys = new ArrayList<>();
        for (String key : gridKeys(new GridConfig()).keySet()) {
            if (!SECTIONS.contains(key)) {
                keys.add("grid." + key);
            }
        }
        networkKeys(new GridNetworkConfig()).keySet().forEach(key -> keys.add("grid.network." + key));
        cpKeys(new GridCpConfig()).keySet().forEach(key -> keys.add("grid.cp." + key));
        for (String key : logKeys(new GridLogConfig()).keySet()) {
            if (!key.equals("topics")) {
                keys.add("grid.log." + key);
            }
        }
        topicKeys(new GridTopicConfig("name")).keySet().forEach(key -> keys.add("grid.log.topics.<name>." + key));
        securityKeys(new GridSecurityConfig()).keySet().forEach(key -> keys.add("grid.security." + key));
        for (String key : monitorKeys(new GridMonitorConfig()).keySet()) {
            if (!key.equals("alerts")) {
                keys.add("grid.monitor." + key);
            }
        }
        RULE_KEYS.forEach(key -> keys.add("grid.monitor.alerts[]." + key));
        jvmKeys(new GridJvmConfig()).keySet().forEach(key -> keys.add("grid.jvm." + key));
        mapKeys(new GridMapConfig("name")).keySet().forEach(key -> keys.add("grid.maps.<name>." + key));
        keys.add("grid.hazelcastProperties.<property>");
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> gridKeys(GridConfig config) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("clusterName", (k, v) -> config.setClusterName(string(k, v)));
        keys.put("partitionCount", (k, v) -> config.setPartitionCount(integer(k, v)));
        keys.put("backupCount", (k, v) -> config.setBackupCount(integer(k, v)));
        keys.put("asyncBackupCount", (k, v) -> config.setAsyncBackupCount(integer(k, v)));
        keys.put("dataDirectory", (k, v) -> config.setDataDirectory(Path.of(string(k, v))));
        keys.put("offHeapBudget", (k, v) -> config.setOffHeapBudget(bytes(k, v)));
        keys.put("jetEnabled", (k, v) -> config.setJetEnabled(autoOrBool(k, v)));
        keys.put("jetResourceUploadEnabled", (k, v) -> config.setJetResourceUploadEnabled(bool(k, v)));
        keys.put("network", (k, v) -> readSection(k, mapping(k, v), networkKeys(config.getNetwork())));
        keys.put("cp", (k, v) -> readSection(k, mapping(k, v), cpKeys(config.getCp())));
        keys.put("log", (k, v) -> readSection(k, mapping(k, v), logKeys(config.getLog())));
        keys.put("monitor", (k, v) -> readSection(k, mapping(k, v), monitorKeys(config.getMonitor())));
        keys.put("jvm", (k, v) -> readSection(k, mapping(k, v), jvmKeys(config.getJvm())));
        keys.put("security", (k, v) -> readSection(k, mapping(k, v), securityKeys(config.getSecurity())));
        keys.put("maps", (k, v) -> mapping(k, v).forEach((name, settings) -> {
            String mapKey = k + "." + name;
            GridMapConfig map = new GridMapConfig(name);
            if (settings != null) {
                readSection(mapKey, mapping(mapKey, settings), mapKeys(map));
            }
            config.addMap(map);
        }));
        keys.put("hazelcastProperties", (k, v) -> mapping(k, v).forEach((name, value) -> {
            if (value instanceof Map || value instanceof List) {
                throw new GridConfigException(k + "." + name, k + "." + name + " must be a scalar, was " + value);
            }
            config.setHazelcastProperty(name, String.valueOf(value));
        }));
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> logKeys(GridLogConfig log) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("directory", (k, v) -> log.setDirectory(Path.of(string(k, v))));
        keys.put("diskBudget", (k, v) -> log.setDiskBudget(bytes(k, v)));
        keys.put("autoCreateTopics", (k, v) -> log.setAutoCreateTopics(bool(k, v)));
        keys.put("defaultPartitions", (k, v) -> log.setDefaultPartitions(integer(k, v)));
        keys.put("retentionCheckInterval", (k, v) -> log.setRetentionCheckInterval(duration(k, v)));
        keys.put("scrubInterval", (k, v) -> log.setScrubInterval(duration(k, v)));
        keys.put("topics", (k, v) -> mapping(k, v).forEach((name, settings) -> {
            String topicKey = k + "." + name;
            GridTopicConfig topic = new GridTopicConfig(name);
            if (settings != null) {
                readSection(topicKey, mapping(topicKey, settings), topicKeys(topic));
            }
            log.addTopic(topic);
        }));
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> topicKeys(GridTopicConfig topic) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("partitions", (k, v) -> topic.setPartitions(integer(k, v)));
        keys.put("retention", (k, v) -> topic.setRetention(duration(k, v)));
        keys.put("retentionBytes", (k, v) -> topic.setRetentionBytes("-1".equals(String.valueOf(v)) ? -1 : bytes(k, v)));
        keys.put("segmentBytes", (k, v) -> topic.setSegmentBytes((int) Math.min(bytes(k, v), Integer.MAX_VALUE)));
        keys.put("maxRecordBytes", (k, v) -> topic.setMaxRecordBytes((int) Math.min(bytes(k, v), Integer.MAX_VALUE)));
        keys.put("timestampType", (k, v) -> {
            try {
                topic.setTimestampType(GridTopicConfig.TimestampType.valueOf(string(k, v).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new GridConfigException(k, k + " must be CREATE_TIME or LOG_APPEND_TIME, was " + v);
            }
        });
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> networkKeys(GridNetworkConfig network) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("host", (k, v) -> network.setHost(string(k, v)));
        keys.put("port", (k, v) -> network.setPort(integer(k, v)));
        keys.put("portAutoIncrement", (k, v) -> network.setPortAutoIncrement(bool(k, v)));
        keys.put("members", (k, v) -> network.setMembers(strings(k, v)));
        keys.put("multicast", (k, v) -> network.setMulticast(bool(k, v)));
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> cpKeys(GridCpConfig cp) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("memberCount", (k, v) -> cp.setMemberCount(integer(k, v)));
        keys.put("sessionTtl", (k, v) -> cp.setSessionTtl(duration(k, v)));
        keys.put("sessionHeartbeatInterval", (k, v) -> cp.setSessionHeartbeatInterval(duration(k, v)));
        keys.put("leaderElectionTimeout", (k, v) -> cp.setLeaderElectionTimeout(duration(k, v)));
        keys.put("leaderHeartbeatPeriod", (k, v) -> cp.setLeaderHeartbeatPeriod(duration(k, v)));
        keys.put("leaderHeartbeatTimeout", (k, v) -> cp.setLeaderHeartbeatTimeout(duration(k, v)));
        keys.put("missingMemberRemovalTimeout", (k, v) -> cp.setMissingMemberRemovalTimeout(duration(k, v)));
        keys.put("lockReentrancyLimit", (k, v) -> cp.setLockReentrancyLimit(integer(k, v)));
        keys.put("commitCountToTakeSnapshot", (k, v) -> cp.setCommitCountToTakeSnapshot(integer(k, v)));
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> securityKeys(GridSecurityConfig security) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("secret", (k, v) -> security.setSecret(string(k, v)));
        keys.put("maxMessageBytes", (k, v) -> security.setMaxMessageBytes(bytes(k, v)));
        keys.put("deserializationFilter", (k, v) -> security.setDeserializationFilter(bool(k, v)));
        keys.put("allowedClasses", (k, v) -> security.setAllowedClasses(strings(k, v)));
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> monitorKeys(GridMonitorConfig monitor) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("enabled", (k, v) -> monitor.setEnabled(bool(k, v)));
        keys.put("host", (k, v) -> monitor.setHost(string(k, v)));
        keys.put("port", (k, v) -> monitor.setPort(integer(k, v)));
        keys.put("portAutoIncrement", (k, v) -> monitor.setPortAutoIncrement(bool(k, v)));
        keys.put("token", (k, v) -> monitor.setToken(string(k, v)));
        keys.put("webhook", (k, v) -> monitor.setWebhook(string(k, v)));
        keys.put("requestTimeout", (k, v) -> monitor.setRequestTimeout(duration(k, v)));
        keys.put("idleTimeout", (k, v) -> monitor.setIdleTimeout(duration(k, v)));
        keys.put("maxConnections", (k, v) -> monitor.setMaxConnections(integer(k, v)));
        keys.put("refreshInterval", (k, v) -> monitor.setRefreshInterval(duration(k, v)));
        keys.put("evaluationInterval", (k, v) -> monitor.setEvaluationInterval(duration(k, v)));
        keys.put("defaultRules", (k, v) -> monitor.setDefaultRules(bool(k, v)));
        keys.put("expectedMembers", (k, v) -> monitor.setExpectedMembers(integer(k, v)));
        keys.put("lockHoldLimit", (k, v) -> monitor.setLockHoldLimit(duration(k, v)));
        keys.put("inDoubtLimit", (k, v) -> monitor.setInDoubtLimit(duration(k, v)));
        keys.put("lagGrowthWindow", (k, v) -> monitor.setLagGrowthWindow(duration(k, v)));
        keys.put("lagGrowthMinimum", (k, v) -> monitor.setLagGrowthMinimum(longValue(k, v)));
        keys.put("resolvedAlertRetention", (k, v) -> monitor.setResolvedAlertRetention(duration(k, v)));
        keys.put("logCapacity", (k, v) -> monitor.setLogCapacity(integer(k, v)));
        keys.put("alerts", (k, v) -> {
            if (!(v instanceof List)) {
                throw new GridConfigException(k, k + " must be a list of rules (each a mapping with " + String.join(", ", RULE_KEYS)
                        + "), was " + describe(v));
            }
            List<?> rules = (List<?>) v;
            for (int i = 0; i < rules.size(); i++) {
                monitor.addAlert(rule(k + "[" + i + "]", rules.get(i)));
            }
        });
        return keys;
    }

    /** One alert rule; errors name the rule's position, its name when known, and the problem. */
    private static GridAlertRule rule(String key, Object value) {
        Map<String, Object> fields = mapping(key, value);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!RULE_KEYS.contains(field.getKey())) {
                throw new GridConfigException(key + "." + field.getKey(), key + "." + field.getKey() + " is not a known key; known keys of a rule: "
                        + String.join(", ", RULE_KEYS));
            }
            if (field.getValue() == null) {
                throw new GridConfigException(key + "." + field.getKey(), key + "." + field.getKey() + " has no value");
            }
        }
        String where = key + (fields.get("name") != null ? " (\"" + fields.get("name") + "\")" : "");
        for (String required : List.of("name", "metric", "comparison", "threshold")) {
            if (!fields.containsKey(required)) {
                throw new GridConfigException(key + "." + required, where + " has no " + required + "; a rule needs name, metric, comparison "
                        + "and threshold");
            }
        }
        Object threshold = fields.get("threshold");
        if (!(threshold instanceof Number)) {
            throw new GridConfigException(key + ".threshold", where + ": threshold must be a number, was " + describe(threshold));
        }
        try {
            GridAlertRule rule = new GridAlertRule(string(key + ".name", fields.get("name")), string(key + ".metric", fields.get("metric")),
                    string(key + ".comparison", fields.get("comparison")), ((Number) threshold).doubleValue());
            if (fields.containsKey("for")) {
                rule.setFor(duration(key + ".for", fields.get("for")));
            }
            if (fields.containsKey("severity")) {
                rule.setSeverity(string(key + ".severity", fields.get("severity")));
            }
            if (fields.containsKey("summary")) {
                rule.setSummary(string(key + ".summary", fields.get("summary")));
            }
            return rule;
        } catch (GridConfigException e) {
            throw new GridConfigException(e.key(), where + ": " + e.getMessage().replaceFirst("^grid\\.monitor\\.alerts (rule \"[^\"]*\": )?", ""), e);
        }
    }

    private static Map<String, BiConsumer<String, Object>> jvmKeys(GridJvmConfig jvm) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("heap", (k, v) -> jvm.setHeap(bytes(k, v)));
        return keys;
    }

    private static Map<String, BiConsumer<String, Object>> mapKeys(GridMapConfig map) {
        Map<String, BiConsumer<String, Object>> keys = new LinkedHashMap<>();
        keys.put("entries", (k, v) -> map.setEntries(longValue(k, v)));
        keys.put("averageKeySize", (k, v) -> map.setAverageKeySize(integer(k, v)));
        keys.put("averageValueSize", (k, v) -> map.setAverageValueSize(integer(k, v)));
        keys.put("maxValueSize", (k, v) -> map.setMaxValueSize(integer(k, v)));
        keys.put("backupCount", (k, v) -> map.setBackupCount(integer(k, v)));
        keys.put("asyncBackupCount", (k, v) -> map.setAsyncBackupCount(integer(k, v)));
        keys.put("valueClass", (k, v) -> map.setValueClass(string(k, v)));
        keys.put("changeCapture", (k, v) -> map.setChangeCapture(bool(k, v)));
        keys.put("indexes", (k, v) -> mapping(k, v).forEach((attribute, type) -> {
            String indexKey = k + "." + attribute;
            try {
                map.addIndex(new GridIndexConfig(attribute, GridIndexConfig.parseType(indexKey, string(indexKey, type))));
            } catch (GridConfigException e) {
                throw e.key().startsWith("grid.") ? e : new GridConfigException(indexKey, indexKey + ": " + e.getMessage(), e);
            }
        }));
        return keys;
    }

    private static void readSection(String path, Map<String, Object> values, Map<String, BiConsumer<String, Object>> known) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String key = path + "." + entry.getKey();
            BiConsumer<String, Object> setter = known.get(entry.getKey());
            if (setter == null) {
                throw new GridConfigException(key, key + " is not a known key; known keys under " + path + ": "
                        + String.join(", ", known.keySet()));
            }
            if (entry.getValue() == null) {
                throw new GridConfigException(key, key + " has no value; remove it to use the default, or give a value");
            }
            setter.accept(key, entry.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(String key, Object value) {
        if (!(value instanceof Map)) {
            throw new GridConfigException(key, key + " must be a mapping of keys to values, was " + describe(value));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) value).entrySet()) {
            result.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return result;
    }

    private static String string(String key, Object value) {
        if (value instanceof Map || value instanceof List) {
            throw new GridConfigException(key, key + " must be a string, was " + describe(value));
        }
        return String.valueOf(value);
    }

    private static int integer(String key, Object value) {
        long v = longValue(key, value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new GridConfigException(key, key + " must be an integer (32-bit), was " + value);
        }
        return (int) v;
    }

    private static long longValue(String key, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new GridConfigException(key, key + " must be an integer, was " + describe(value));
    }

    /** A byte count: a whole number, or a string with a k, m, g or t suffix ({@code 512m}, {@code 4g}). */
    private static long bytes(String key, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        Matcher matcher = value instanceof String ? BYTE_COUNT.matcher(((String) value).trim().toLowerCase(Locale.ROOT)) : null;
        if (matcher != null && matcher.matches() && matcher.group(1).length() <= 12) {
            long number = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2);
            return unit.isEmpty() ? number : number << (10 * ("kmgt".indexOf(unit) + 1));
        }
        throw new GridConfigException(key, key + " must be a byte count such as 1073741824, 512m or 4g, was " + describe(value));
    }

    /** A duration in {@link DurationText}'s syntax: {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
    private static Duration duration(String key, Object value) {
        if (!(value instanceof String)) {
            throw new GridConfigException(key, key + " " + DurationText.EXPECTED + ", was " + describe(value));
        }
        try {
            return DurationText.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new GridConfigException(key, key + " " + e.getMessage(), e);
        }
    }

    private static Boolean autoOrBool(String key, Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if ("auto".equals(value)) {
            return null;
        }
        throw new GridConfigException(key, key + " must be auto, true or false, was " + describe(value));
    }

    private static boolean bool(String key, Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new GridConfigException(key, key + " must be true or false, was " + describe(value));
    }

    private static List<String> strings(String key, Object value) {
        if (!(value instanceof List)) {
            throw new GridConfigException(key, key + " must be a list, was " + describe(value));
        }
        List<String> result = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            result.add(string(key + "[" + i + "]", list.get(i)));
        }
        return result;
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof Map) {
            return "a mapping " + value;
        }
        if (value instanceof List) {
            return "a list " + value;
        }
        return String.valueOf(value);
    }
}
