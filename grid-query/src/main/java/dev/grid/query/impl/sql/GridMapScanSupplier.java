package dev.grid.query.impl.sql;

import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorSupplier;
import com.hazelcast.jet.sql.impl.connector.keyvalue.KvRowProjector;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.query.impl.getters.Extractors;
import com.hazelcast.sql.impl.expression.ExpressionEvalContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Creates a member's scan processors for one query: each gets its share of the partitions Jet assigned the member
 * ({@link com.hazelcast.jet.core.Processor.Context#processorPartitions()}) and a row projector (filter + projection)
 * of its own.
 */
final class GridMapScanSupplier implements ProcessorSupplier, DataSerializable {
    /** Scan processors per member: partition reads run on partition threads, so one or two callers are enough. */
    static final int LOCAL_PARALLELISM = 2;
    private static final long serialVersionUID = 1L;

    private String mapName;
    private KvRowProjector.Supplier projector;
    private boolean jsonKey;
    private boolean jsonValue;
    private transient ExpressionEvalContext evalContext;
    private transient Extractors extractors;

    @SuppressWarnings("unused")
    GridMapScanSupplier() {
        // for deserialization
    }

    /**
     * @param jsonKey   whether keys are flat JSON (a HazelcastJsonValue is then read as its text)
     * @param jsonValue whether values are flat JSON
     */
    GridMapScanSupplier(String mapName, KvRowProjector.Supplier projector, boolean jsonKey, boolean jsonValue) {
        this.mapName = mapName;
        this.projector = projector;
        this.jsonKey = jsonKey;
        this.jsonValue = jsonValue;
    }

    @Override
    public void init(Context context) {
        evalContext = ExpressionEvalContext.from(context);
        extractors = Extractors.newBuilder(evalContext.getSerializationService()).build();
    }

    @Override
    public Collection<? extends Processor> get(int count) {
        List<Processor> processors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            processors.add(new GridMapScanP(mapName, projector.get(evalContext, extractors), evalContext.getSerializationService(),
                    jsonKey, jsonValue));
        }
        return processors;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(mapName);
        out.writeObject(projector);
        out.writeBoolean(jsonKey);
        out.writeBoolean(jsonValue);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        mapName = in.readString();
        projector = in.readObject();
        jsonKey = in.readBoolean();
        jsonValue = in.readBoolean();
    }
}
