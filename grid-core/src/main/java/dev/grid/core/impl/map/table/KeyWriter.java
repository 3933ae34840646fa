package dev.grid.core.impl.map.table;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.hash.serialization.impl.EnumMarshallable;

/**
 * Writes a key's bytes as they are (the layout of Chronicle's default for {@code byte[]}). Chronicle
 * then copies each key into a buffer its query context reuses, instead of wrapping the caller's
 * array in a new reference-counted {@code HeapBytesStore} on every call, which costs about 190
 * bytes of garbage and an increment of a JVM-wide atomic counter per {@code get}.
 */
final class KeyWriter implements SizedWriter<byte[]>, EnumMarshallable<KeyWriter> {
    static final KeyWriter INSTANCE = new KeyWriter();

    private KeyWriter() {
    }

    @Override
    public long size(byte[] toWrite) {
        return toWrite.length;
    }

    @Override
    public void write(Bytes<?> out, long size, byte[] toWrite) {
        out.write(toWrite);
    }

    @Override
    public KeyWriter readResolve() {
        return INSTANCE;
    }
}
