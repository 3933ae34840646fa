package dev.grid.query.impl.sql;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

import java.io.IOException;

/** A key that can be stored but never read back: a query that deserializes it fails, naming it. */
public class SealedKey implements DataSerializable {
    private int id;

    public SealedKey() {
    }

    public SealedKey(int id) {
        this.id = id;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(id);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        throw new IOException("a SealedKey is never deserialized");
    }
}
