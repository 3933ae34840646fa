package dev.grid.monitor.impl.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON string escapes that keep a document safe inside HTML or a script: {@code <}, {@code >}, {@code &},
 * every control character but {@code \n}, {@code \r} and {@code \t}, and the line separators U+2028 and U+2029
 * are written as &#92;u00xx (lower-case hex); quotes, backslashes, {@code \n}, {@code \r}, {@code \t} as
 * their short escapes; everything else as itself.
 */
final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final String HTML_SPECIAL = "<>&";

    private final int[] asciiEscapes;
    private final SerializableString[] asciiSequences = new SerializableString[128];
    private final SerializableString lineSeparator = unicode('\u2028');
    private final SerializableString paragraphSeparator = unicode('\u2029');

    HtmlSafeEscapes() {
        asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n' && c != '\r' && c != '\t') {
                custom(c);
            }
        }
        for (char c : HTML_SPECIAL.toCharArray()) {
            custom(c);
        }
    }

    private void custom(int c) {
        asciiEscapes[c] = CharacterEscapes.ESCAPE_CUSTOM;
        asciiSequences[c] = unicode(c);
    }

    private static SerializableString unicode(int c) {
        return new SerializedString(String.format("\\u%04x", c));
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < asciiSequences.length) {
            return asciiSequences[ch];
        }
        return ch == '\u2028' ? lineSeparator : ch == '\u2029' ? paragraphSeparator : null;
    }
}
