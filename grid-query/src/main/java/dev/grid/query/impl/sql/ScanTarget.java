package dev.grid.query.impl.sql;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.sql.impl.extract.QueryExtractor;
import com.hazelcast.sql.impl.extract.QueryTarget;
import dev.grid.core.spi.EntryBytes;

/**
 * The key or the value of the entry a scan projects, deserialized on the first read of one of its columns by
 * {@link DataSerializableReader} when it can, else by Hazelcast's target as before. Every extractor of the target is
 * wrapped ({@link #reading}) so that whichever column is read first deserializes the object once for the row.
 *
 * <p>An entry handed over in the store ({@link #reset(EntryBytes)}) is copied out only when a column of this target is
 * read, into an array this target keeps for the next entry of the same size: a plain {@code DataSerializable} read by
 * {@link DataSerializableReader} costs no copy of its own. Whatever Hazelcast's target is given to keep (a
 * {@link Data} it may hand on in the row, as an {@code OBJECT} column does) is a fresh copy, never that array.
 */
final class ScanTarget {
    private final QueryTarget target;
    private final DataSerializableReader reader;
    private final boolean key;
    /** Whether every extractor of the target goes through {@link #reading}: only then can the copy wait for a read. */
    private final boolean lazy;
    private Data current;
    /** The entry in the store whose key or value this target reads, or null. */
    private EntryBytes entry;
    /** The last bytes copied out of an entry: reused for the next entry of the same size. */
    private byte[] buffer;
    private boolean prepared;
    /** The object {@link DataSerializableReader} read for this row, or null. */
    private Object read;

    /**
     * @param key  whether this is the entry's key (else its value)
     * @param lazy whether every extractor of the target is wrapped by {@link #reading}
     */
    ScanTarget(QueryTarget target, DataSerializableReader reader, boolean key, boolean lazy) {
        this.target = target;
        this.reader = reader;
        this.key = key;
        this.lazy = lazy;
    }

    /** The next entry's stored bytes, a copy of its own: deserialized only if a column of this target is read. */
    private void reset(Data data) {
        target.setTarget(null, data);
        current = data;
        entry = null;
        read = null;
        prepared = data == null;
    }

    /** The next entry, in the store: copied out and deserialized only if a column of this target is read. */
    void reset(EntryBytes stored) {
        read = null;
        current = null;
        if (lazy) {
            target.setTarget(null, null);
            entry = stored;
            prepared = false;
        } else {
            reset(new HeapData(key ? stored.key(null) : stored.value(null)));
        }
    }

    /** The next entry's object, already deserialized. */
    void reset(Object object) {
        target.setTarget(object, null);
        current = null;
        entry = null;
        read = null;
        prepared = true;
    }

    private void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (entry == null) {
            read = reader.readOrNull(current);
            if (read != null) {
                target.setTarget(read, current);
            }
            return;
        }
        EntryBytes stored = entry;
        entry = null; // valid only during the store's visit: never read again
        buffer = key ? stored.key(buffer) : stored.value(buffer);
        read = reader.readOrNull(buffer);
        if (read != null) {
            target.setTarget(read, null);
        } else {
            current = new HeapData(buffer.clone()); // Hazelcast's target may keep it beyond this row
            target.setTarget(null, current);
        }
    }

    /** @return this row's object if this scan deserialized it itself (a plain {@code DataSerializable}), else null */
    Object objectReadOrNull() {
        prepare();
        return read;
    }

    /** @return the extractor, preceded on each row by this target's deserialization */
    QueryExtractor reading(QueryExtractor extractor) {
        return new QueryExtractor() {
            @Override
            public Object get() {
                prepare();
                return extractor.get();
            }

            @Override
            public Object get(boolean useLazyDeserialization) {
                prepare();
                return extractor.get(useLazyDeserialization);
            }

            @Override
            public String toString() {
                return extractor.toString();
            }
        };
    }
}
