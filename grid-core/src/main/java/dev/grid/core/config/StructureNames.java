package dev.grid.core.config;

/**
 * The one rule for the names of grid's structures (GridMap, FencedLock): 1 to {@link #MAX_LENGTH}
 * characters, each an ASCII letter or digit, {@code .}, {@code _} or {@code -}. Names become metric
 * labels, counters-file entries, YAML keys and log text, so the rule keeps them short and printable.
 * The member API, the client proxies and the members' message tasks all check names here; a
 * message shows the offending name truncated and escaped, never whole.
 */
public final class StructureNames {
    /** The longest name accepted, in characters. */
    public static final int MAX_LENGTH = 256;
    /** How much of a bad name a message shows. */
    static final int SHOWN = 64;

    private StructureNames() {
    }

    /**
     * @param what how messages call the name, e.g. {@code GridMap name} or {@code grid.maps name}
     * @param name the name to check
     * @return null if the name is valid, otherwise what is wrong with it, starting with {@code what}
     */
    public static String problem(String what, String name) {
        if (name == null) {
            return what + " must be set, was null";
        }
        if (name.isEmpty()) {
            return what + " must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return what + " must be at most " + MAX_LENGTH + " characters, was " + shown(name) + " (" + name.length() + " characters)";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!allowed(name.charAt(i))) {
                return what + " must use only letters, digits, '.', '_' and '-', was " + shown(name) + " (character '"
                        + escape(String.valueOf(name.charAt(i))) + "' at index " + i + ")";
            }
        }
        return null;
    }

    /**
     * @param what how messages call the name, e.g. {@code GridMap name}
     * @param name the name to check
     * @return the name, if valid
     * @throws IllegalArgumentException naming the (truncated) name and the rule it breaks
     */
    public static String check(String what, String name) {
        String problem = problem(what, name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return name;
    }

    /** @return the value quoted for a message: at most {@value #SHOWN} characters, control and non-ASCII characters escaped */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        boolean truncated = value.length() > SHOWN;
        String head = truncated ? value.substring(0, SHOWN) : value;
        return "\"" + escape(head) + (truncated ? "...\"" : "\"");
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
