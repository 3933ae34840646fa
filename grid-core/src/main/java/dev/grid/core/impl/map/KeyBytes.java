package dev.grid.core.impl.map;

import java.util.Arrays;

/** A key's stored bytes as a hash key: equal when the bytes are equal (as GridMap compares keys). */
public final class KeyBytes {
    private final byte[] bytes;
    private final int hash;

    public KeyBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** @return the bytes (not a copy: never modify them) */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyBytes && Arrays.equals(bytes, ((KeyBytes) other).bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
