package dev.grid.query.impl.sql;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.sql.impl.extract.QueryExtractor;
import com.hazelcast.sql.impl.extract.QueryTarget;

/**
 * The key or the value of the entry a scan projects, deserialized on the first read of one of its columns by
 * {@link DataSerializableReader} when it can, else by Hazelcast's target as before. Every extractor of the target is
 * wrapped ({@link #reading}) so that whichever column is read first deserializes the object once for the row.
 */
final class ScanTarget {
    private final QueryTarget target;
    private final DataSerializableReader reader;
    private Data current;
    private boolean prepared;
    /** The object {@link DataSerializableReader} read for this row, or null. */
    private Object read;

    ScanTarget(QueryTarget target, DataSerializableReader reader) {
        this.target = target;
        this.reader = reader;
    }

    /** The next entry's stored bytes: deserialized only if a column of this target is read. */
    void reset(Data data) {
        target.setTarget(null, data);
        current = data;
        read = null;
        prepared = data == null;
    }

    /** The next entry's object, already deserialized. */
    void reset(Object object) {
        target.setTarget(object, null);
        current = null;
        read = null;
        prepared = true;
    }

    private void prepare() {
        if (!prepared) {
            prepared = true;
            read = reader.readOrNull(current);
            if (read != null) {
                target.setTarget(read, current);
            }
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
