package dev.grid.core.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One index of a GridMap: an attribute of the map's values (or of its keys) and the index's kind. Declared
 * in {@code grid.maps.<name>.indexes} ({@link GridMapConfig#addIndex(GridIndexConfig)}) or added to a live
 * map with {@code GridMap.addIndex}.
 *
 * <p>An attribute is a path of field or getter names separated by dots ({@code customer.address.city}):
 * each step reads a public or private field of that name, or the getter {@code getX()}/{@code isX()}, or
 * the record accessor {@code x()}, or, on a {@link java.util.Map}, the entry of that key. {@code __key}
 * names the entry's key ({@code __key.region} an attribute of it), {@code this} the whole value.
 *
 * @since 0.3
 */
public final class GridIndexConfig {
    /** The kinds of index. */
    public enum Type {
        /** Attribute value to keys in a sorted tree: equality, ranges ({@code >, >=, <, <=, between}), {@code in}. */
        SORTED,
        /** Attribute value to keys in a hash table: equality and {@code in} only (ranges scan). */
        HASH
    }

    private final String attribute;
    private final Type type;

    /**
     * @param attribute the attribute path, e.g. {@code amount}, {@code customer.id}, {@code __key}
     * @param type      the kind of index
     * @throws GridConfigException naming the attribute when it is not a dotted path of Java identifiers
     */
    public GridIndexConfig(String attribute, Type type) {
        this.attribute = checkAttribute(attribute);
        this.type = Objects.requireNonNull(type, "type must not be null");
    }

    /** @return a sorted index on the attribute */
    public static GridIndexConfig sorted(String attribute) {
        return new GridIndexConfig(attribute, Type.SORTED);
    }

    /** @return a hash index on the attribute */
    public static GridIndexConfig hash(String attribute) {
        return new GridIndexConfig(attribute, Type.HASH);
    }

    /**
     * @param text {@code sorted} or {@code hash} (any case)
     * @throws GridConfigException naming the key and the value otherwise
     */
    static Type parseType(String key, String text) {
        try {
            return Type.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GridConfigException(key, key + " must be sorted or hash, was '" + text + "'");
        }
    }

    /** @throws GridConfigException naming the attribute when it is not a dotted path of identifiers */
    static String checkAttribute(String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            throw new GridConfigException("attribute", "an index attribute must not be empty");
        }
        for (String step : attribute.split("\\.", -1)) {
            boolean ok = !step.isEmpty() && Character.isJavaIdentifierStart(step.charAt(0));
            for (int i = 1; ok && i < step.length(); i++) {
                ok = Character.isJavaIdentifierPart(step.charAt(i));
            }
            if (!ok) {
                throw new GridConfigException("attribute", "an index attribute must be field or getter names separated by dots"
                        + " (e.g. customer.id, __key), was '" + attribute + "'");
            }
        }
        return attribute;
    }

    /** @return the attribute path */
    public String getAttribute() {
        return attribute;
    }

    /** @return the kind of index */
    public Type getType() {
        return type;
    }

    /** @return {@code TYPE:attribute}, the form the index travels in between members */
    public String encode() {
        return type.name() + ":" + attribute;
    }

    /** @return the index {@link #encode()} wrote */
    public static GridIndexConfig decode(String encoded) {
        int colon = encoded.indexOf(':');
        return new GridIndexConfig(encoded.substring(colon + 1), Type.valueOf(encoded.substring(0, colon)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridIndexConfig that && attribute.equals(that.attribute) && type == that.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attribute, type);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + " index on " + attribute;
    }
}
