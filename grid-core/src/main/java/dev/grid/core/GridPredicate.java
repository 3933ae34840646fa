package dev.grid.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A condition on a GridMap entry's value attributes or key, for {@link GridMap#query(GridPredicate)},
 * {@link GridMap#keySet(GridPredicate)}, {@link GridMap#count(GridPredicate)} and
 * {@link GridMap#aggregate(GridPredicate, GridAggregation)}. Immutable; build with the static methods and
 * combine with {@link #and(GridPredicate)}, {@link #or(GridPredicate)} and {@link #negate()}:
 *
 * <pre>{@code
 * GridPredicate big = GridPredicate.greaterThan("amount", 100).and(GridPredicate.equal("status", "OPEN"));
 * Map<String, Order> orders = map.query(big);
 * }</pre>
 *
 * <p>An attribute is a path of field or getter names ({@code customer.id}), {@code this} for the whole
 * value, {@code __key} for the key ({@code __key.region} for an attribute of it); see
 * {@link dev.grid.core.config.GridIndexConfig}. Comparisons follow these rules, the same with and without
 * an index: numbers compare by numeric value whatever their type ({@code 1}, {@code 1L} and {@code 1.0} are
 * equal), enums as their names, characters as one-character strings, other values with their own
 * {@code compareTo}/{@code equals}; a value of another kind than the operand (a string against a number)
 * is neither greater nor less. An attribute that is missing or null equals only {@code null}: it matches
 * {@code equal(a, null)}, {@code in(a, ..., null)} and {@code notEqual(a, x)}, never a range.
 *
 * @since 0.3
 */
public final class GridPredicate {
    /** The kinds of predicate. */
    public enum Kind {
        EQUAL, NOT_EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, BETWEEN, IN, LIKE, AND, OR, NOT, TRUE
    }

    private static final GridPredicate ALWAYS = new GridPredicate(Kind.TRUE, null, List.of(), List.of());

    private final Kind kind;
    private final String attribute;
    private final List<Object> operands;
    private final List<GridPredicate> children;

    private GridPredicate(Kind kind, String attribute, List<Object> operands, List<GridPredicate> children) {
        this.kind = kind;
        this.attribute = attribute;
        this.operands = operands;
        this.children = children;
    }

    /**
     * Rebuilds a predicate from its parts, as {@link #kind()}, {@link #attribute()}, {@link #operands()}
     * and {@link #children()} give them (for grid's wire format).
     *
     * @throws IllegalArgumentException if the parts do not make a predicate of that kind
     */
    public static GridPredicate of(Kind kind, String attribute, List<Object> operands, List<GridPredicate> children) {
        switch (kind) {
            case TRUE:
                return ALWAYS;
            case AND:
            case OR:
                return new GridPredicate(kind, null, List.of(), checkedChildren(kind, children, 2));
            case NOT:
                return new GridPredicate(kind, null, List.of(), checkedChildren(kind, children, 1));
            default:
                return comparison(kind, attribute, operands.toArray());
        }
    }

    private static List<GridPredicate> checkedChildren(Kind kind, List<GridPredicate> children, int least) {
        if (children.size() < least || (kind == Kind.NOT && children.size() != 1)) {
            throw new IllegalArgumentException(kind + " needs " + (kind == Kind.NOT ? "one predicate" : "at least two predicates")
                    + ", got " + children.size());
        }
        children.forEach(child -> Objects.requireNonNull(child, "predicate must not be null"));
        return List.copyOf(children);
    }

    private static GridPredicate comparison(Kind kind, String attribute, Object... operands) {
        if (attribute == null || attribute.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs an attribute (a field or getter path, this or __key), was '"
                    + attribute + "'");
        }
        int expected = switch (kind) {
            case BETWEEN -> 2;
            case IN -> -1;
            default -> 1;
        };
        if (expected >= 0 && operands.length != expected) {
            throw new IllegalArgumentException(kind + " on '" + attribute + "' takes " + expected + " value(s), got " + operands.length);
        }
        boolean nullAllowed = kind == Kind.EQUAL || kind == Kind.NOT_EQUAL || kind == Kind.IN;
        for (Object operand : operands) {
            if (operand == null && !nullAllowed) {
                throw new IllegalArgumentException(kind + " on '" + attribute + "': null is neither greater nor less than"
                        + " anything; use equal(attribute, null) for a missing or null attribute");
            }
        }
        if (kind == Kind.LIKE && !(operands[0] instanceof String)) {
            throw new IllegalArgumentException("LIKE on '" + attribute + "' takes a string pattern, was " + operands[0]);
        }
        return new GridPredicate(kind, attribute, Arrays.stream(operands).toList(), List.of());
    }

    /** @return a predicate every entry matches */
    public static GridPredicate alwaysTrue() {
        return ALWAYS;
    }

    /** @return attribute equals value (null: the attribute is missing or null) */
    public static GridPredicate equal(String attribute, Object value) {
        return comparison(Kind.EQUAL, attribute, value);
    }

    /** @return attribute does not equal value (a missing or null attribute matches unless value is null) */
    public static GridPredicate notEqual(String attribute, Object value) {
        return comparison(Kind.NOT_EQUAL, attribute, value);
    }

    /** @return attribute {@code >} value */
    public static GridPredicate greaterThan(String attribute, Object value) {
        return comparison(Kind.GREATER, attribute, value);
    }

    /** @return attribute {@code >=} value */
    public static GridPredicate greaterEqual(String attribute, Object value) {
        return comparison(Kind.GREATER_OR_EQUAL, attribute, value);
    }

    /** @return attribute {@code <} value */
    public static GridPredicate lessThan(String attribute, Object value) {
        return comparison(Kind.LESS, attribute, value);
    }

    /** @return attribute {@code <=} value */
    public static GridPredicate lessEqual(String attribute, Object value) {
        return comparison(Kind.LESS_OR_EQUAL, attribute, value);
    }

    /** @return {@code from <= attribute <= to} */
    public static GridPredicate between(String attribute, Object from, Object to) {
        return comparison(Kind.BETWEEN, attribute, from, to);
    }

    /** @return attribute equals one of the values */
    public static GridPredicate in(String attribute, Object... values) {
        return comparison(Kind.IN, attribute, values == null ? new Object[] {null} : values);
    }

    /**
     * @param pattern SQL LIKE: {@code %} any run of characters, {@code _} one character, {@code \} escapes
     * @return the attribute (a string) matches the pattern
     */
    public static GridPredicate like(String attribute, String pattern) {
        return comparison(Kind.LIKE, attribute, pattern);
    }

    /** @return both this and other */
    public GridPredicate and(GridPredicate other) {
        return new GridPredicate(Kind.AND, null, List.of(), List.of(this, Objects.requireNonNull(other, "other")));
    }

    /** @return this or other */
    public GridPredicate or(GridPredicate other) {
        return new GridPredicate(Kind.OR, null, List.of(), List.of(this, Objects.requireNonNull(other, "other")));
    }

    /** @return not this */
    public GridPredicate negate() {
        return new GridPredicate(Kind.NOT, null, List.of(), List.of(this));
    }

    /** @return every one of the predicates */
    public static GridPredicate and(GridPredicate... predicates) {
        return of(Kind.AND, null, List.of(), Arrays.asList(predicates));
    }

    /** @return any of the predicates */
    public static GridPredicate or(GridPredicate... predicates) {
        return of(Kind.OR, null, List.of(), Arrays.asList(predicates));
    }

    /** @return not the predicate */
    public static GridPredicate not(GridPredicate predicate) {
        return Objects.requireNonNull(predicate, "predicate").negate();
    }

    public Kind kind() {
        return kind;
    }

    /** @return the attribute path of a comparison, or null for and/or/not/true */
    public String attribute() {
        return attribute;
    }

    /** @return the values of a comparison (may hold null for equal, notEqual and in) */
    public List<Object> operands() {
        return operands;
    }

    /** @return the predicates an and/or/not combines */
    public List<GridPredicate> children() {
        return children;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridPredicate that && kind == that.kind && Objects.equals(attribute, that.attribute)
                && operands.equals(that.operands) && children.equals(that.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, attribute, operands, children);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TRUE -> "true";
            case AND, OR -> "(" + String.join(" " + kind + " ", children.stream().map(String::valueOf).toList()) + ")";
            case NOT -> "NOT " + children.get(0);
            default -> attribute + " " + kind + " " + (operands.size() == 1 ? String.valueOf(operands.get(0)) : operands);
        };
    }
}
