package dev.grid.core;

import java.util.Objects;

/**
 * An aggregate over the entries a predicate matches, computed on the partition owners (each reduces its
 * partitions, the caller combines): {@link #count()}, and {@link #sum(String)}, {@link #min(String)},
 * {@link #max(String)}, {@link #avg(String)} of an attribute. Missing or null attribute values are left out
 * of sum, min, max and avg (as SQL does); sum and avg take numbers only.
 *
 * @since 0.3
 */
public final class GridAggregation {
    /** The aggregates. */
    public enum Kind {
        /** a Long: the matching entries */
        COUNT,
        /** a Long when every value is an integer type (overflow throws), else a Double; null if no value */
        SUM,
        /** the least value (numbers come back as Long or Double), null if none */
        MIN,
        /** the greatest value (numbers come back as Long or Double), null if none */
        MAX,
        /** a Double, null if no value */
        AVG
    }

    private final Kind kind;
    private final String attribute;

    private GridAggregation(Kind kind, String attribute) {
        this.kind = kind;
        this.attribute = attribute;
    }

    /** @return the aggregate of that kind over the attribute (null for COUNT) */
    public static GridAggregation of(Kind kind, String attribute) {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.COUNT && (attribute == null || attribute.isEmpty())) {
            throw new IllegalArgumentException(kind + " needs an attribute, was '" + attribute + "'");
        }
        return new GridAggregation(kind, kind == Kind.COUNT ? null : attribute);
    }

    public static GridAggregation count() {
        return of(Kind.COUNT, null);
    }

    public static GridAggregation sum(String attribute) {
        return of(Kind.SUM, attribute);
    }

    public static GridAggregation min(String attribute) {
        return of(Kind.MIN, attribute);
    }

    public static GridAggregation max(String attribute) {
        return of(Kind.MAX, attribute);
    }

    public static GridAggregation avg(String attribute) {
        return of(Kind.AVG, attribute);
    }

    public Kind kind() {
        return kind;
    }

    /** @return the attribute aggregated, null for COUNT */
    public String attribute() {
        return attribute;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridAggregation that && kind == that.kind && Objects.equals(attribute, that.attribute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, attribute);
    }

    @Override
    public String toString() {
        return kind + (attribute == null ? "" : "(" + attribute + ")");
    }
}
