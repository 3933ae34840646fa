package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.OperationFactory;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;

/** Creates the per-partition operation of a map-wide call (size, clear) for every partition. */
public final class MapOperationFactory implements OperationFactory {
    /** The map-wide calls made of one operation per partition. */
    public enum Kind {
        SIZE, CLEAR
    }

    private String name;
    private Kind kind;

    public MapOperationFactory() {
    }

    public MapOperationFactory(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public Operation createOperation() {
        switch (kind) {
            case SIZE:
                return new SizeOperation(name);
            case CLEAR:
                return new ClearOperation(name);
            default:
                throw new IllegalStateException("unknown map-wide call " + kind);
        }
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.MAP_OPERATION_FACTORY;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeByte(kind.ordinal());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        kind = Kind.values()[in.readByte()];
    }
}
