package dev.grid.core.impl.map.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How attribute values compare, the same in indexes and in scans: values are first made canonical (integer
 * types to Long, floating types to Long when integral else Double, big numbers likewise when they fit, enums
 * to their names, characters to strings, null to {@link #NULL}), then ordered by family (null, booleans,
 * numbers, strings, then other classes by name) and within a family by value. A comparison across
 * families is "incomparable": neither greater nor less.
 */
public final class QueryValues {
    /** A missing or null attribute, as indexes hold it. */
    public static final Object NULL = new Marker("NULL", "0");

    /** Orders canonical values (and {@link Bound}s) totally: family, then value. */
    public static final Comparator<Object> ORDER = QueryValues::compare;

    private QueryValues() {
    }

    /** @return the value as indexes and comparisons see it */
    public static Object canonical(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p62) {
                return (long) d;
            }
            return d == 0.0 ? 0L : d; // -0.0 equals 0
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 63 ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof BigDecimal big) {
            BigDecimal stripped = big.stripTrailingZeros();
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
                return stripped.longValueExact();
            }
            double d = big.doubleValue();
            return !Double.isInfinite(d) && new BigDecimal(d).compareTo(big) == 0 ? (Object) d : stripped;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return value;
    }

    /** @return the family a canonical value belongs to, as a sortable string */
    static String family(Object canonical) {
        if (canonical instanceof Marker marker) {
            return marker.family;
        }
        if (canonical instanceof Bound bound) {
            return bound.family;
        }
        if (canonical instanceof Boolean) {
            return "1";
        }
        if (canonical instanceof Number) {
            return "2";
        }
        if (canonical instanceof String) {
            return "3";
        }
        return "9" + canonical.getClass().getName();
    }

    /** The lowest or highest possible value of a family: range ends that stay inside the operand's family. */
    public static final class Bound {
        private final String family;
        private final boolean high;

        private Bound(String family, boolean high) {
            this.family = family;
            this.high = high;
        }

        @Override
        public String toString() {
            return (high ? "max" : "min") + "(" + family + ")";
        }
    }

    /** @return the lowest value of the canonical value's family */
    public static Bound lowest(Object canonical) {
        return new Bound(family(canonical), false);
    }

    /** @return the highest value of the canonical value's family */
    public static Bound highest(Object canonical) {
        return new Bound(family(canonical), true);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        // the common cases first, as the general path below orders them: every index walk compares many values
        if (a instanceof Long la && b instanceof Long lb) {
            return Long.compare(la, lb);
        }
        if ((a instanceof Double || a instanceof Long) && (b instanceof Double || b instanceof Long)) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareTo(sb);
        }
        int byFamily = family(a).compareTo(family(b));
        if (byFamily != 0) {
            return byFamily;
        }
        if (a instanceof Bound ba) {
            return b instanceof Bound bb ? Boolean.compare(ba.high, bb.high) : (ba.high ? 1 : -1);
        }
        if (b instanceof Bound bb) {
            return bb.high ? -1 : 1;
        }
        if (a instanceof Marker) {
            return 0;
        }
        if (a instanceof Number na && b instanceof Number nb) {
            if (a instanceof Long la && b instanceof Long lb) {
                return Long.compare(la, lb);
            }
            if (!(a instanceof BigDecimal) && !(b instanceof BigDecimal)) {
                return Double.compare(na.doubleValue(), nb.doubleValue());
            }
            return decimal(na).compareTo(decimal(nb));
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        // the same class, not Comparable: equal when equal, else a stable order by text and hash
        if (Objects.equals(a, b)) {
            return 0;
        }
        int byText = String.valueOf(a).compareTo(String.valueOf(b));
        return byText != 0 ? byText : Integer.compare(a.hashCode(), b.hashCode());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        return n instanceof Long ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.doubleValue());
    }

    /**
     * @return the comparison of two canonical values, or null when they are incomparable (different
     *         families, or either is {@link #NULL})
     */
    public static Integer compareOrNull(Object a, Object b) {
        if (a == NULL || b == NULL || !family(a).equals(family(b))) {
            return null;
        }
        return compare(a, b);
    }

    /** @return whether two canonical values are equal (NULL equals only NULL) */
    public static boolean equal(Object a, Object b) {
        if (a == NULL || b == NULL) {
            return a == b;
        }
        return family(a).equals(family(b)) && compare(a, b) == 0;
    }

    /** @return the SQL LIKE pattern as a regular expression ({@code %}, {@code _}, {@code \} escapes) */
    public static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static final class Marker {
        private final String name;
        private final String family;

        Marker(String name, String family) {
            this.name = name;
            this.family = family;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
