package dev.grid.core.spi;

/**
 * One entry of a partition read ({@link MemberMaps#scanOwnedEntries}), as stored: the key's and the value's serialized
 * bytes (Hazelcast's {@code Data} format), copied out of the store only when asked for, into an array the caller may
 * reuse. Valid only during the visitor's call: the store moves on to the next entry afterwards.
 */
public interface EntryBytes {
    /** @return the key's size in bytes */
    int keySize();

    /** @return the value's size in bytes */
    int valueSize();

    /**
     * @param reuse an array to copy the key into, used only if it is exactly {@link #keySize()} long; may be null
     * @return {@code reuse} holding the key's bytes, or a fresh array of them
     */
    byte[] key(byte[] reuse);

    /**
     * @param reuse an array to copy the value into, used only if it is exactly {@link #valueSize()} long; may be null
     * @return {@code reuse} holding the value's bytes, or a fresh array of them
     */
    byte[] value(byte[] reuse);

    /**
     * @return an entry over these arrays (not copied: they must not change while it is used)
     */
    static EntryBytes of(byte[] key, byte[] value) {
        return new EntryBytes() {
            @Override
            public int keySize() {
                return key.length;
            }

            @Override
            public int valueSize() {
                return value.length;
            }

            @Override
            public byte[] key(byte[] reuse) {
                return copy(key, reuse);
            }

            @Override
            public byte[] value(byte[] reuse) {
                return copy(value, reuse);
            }

            private static byte[] copy(byte[] bytes, byte[] reuse) {
                if (reuse != null && reuse.length == bytes.length) {
                    System.arraycopy(bytes, 0, reuse, 0, bytes.length);
                    return reuse;
                }
                return bytes.clone();
            }
        };
    }
}
