package dev.grid.core.impl.map;

/** How grid's messages show a key or a value: quoted, at most {@value #MAX_LENGTH} characters. */
public final class KeyDescriptions {
    /** The longest text of a key shown in a message. */
    public static final int MAX_LENGTH = 100;

    private KeyDescriptions() {
    }

    /** @return {@code 'text'}, the object's text cut to {@value #MAX_LENGTH} characters (then "...") */
    public static String describe(Object key) {
        String text = String.valueOf(key);
        return "'" + (text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text) + "'";
    }
}
