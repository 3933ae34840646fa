package dev.grid.log;

import java.util.Arrays;
import java.util.Objects;

/**
 * One header of a record: a name and a value of bytes, kept in the order the producer gave them
 * (names may repeat, as in Kafka).
 *
 * @param key   the header's name, not null, at most 32,767 UTF-8 bytes
 * @param value the header's value, may be null
 */
public record Header(String key, byte[] value) {
    public Header {
        Objects.requireNonNull(key, "header key");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && key.equals(h.key) && Arrays.equals(value, h.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + (value == null ? "null" : value.length + " bytes");
    }
}
