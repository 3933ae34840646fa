package dev.grid.query.impl.sql;

import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorSupplier;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.query.impl.getters.Extractors;
import com.hazelcast.sql.impl.expression.Expression;
import com.hazelcast.sql.impl.expression.ExpressionEvalContext;
import com.hazelcast.sql.impl.row.EmptyRow;
import com.hazelcast.sql.impl.type.QueryDataType;
import dev.grid.core.GridPredicate;

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
    private GridMapRowProjector.Supplier projector;
    private boolean jsonKey;
    private boolean jsonValue;
    private Expression<?> key;
    private QueryDataType keyType;
    private IndexTerms indexTerms;
    private transient ExpressionEvalContext evalContext;
    private transient Extractors extractors;

    @SuppressWarnings("unused")
    GridMapScanSupplier() {
        // for deserialization
    }

    /**
     * @param jsonKey   whether keys are flat JSON (a HazelcastJsonValue is then read as its text)
     * @param jsonValue whether values are flat JSON
     * @param key       for a key lookup, the key's expression (a literal or a parameter); null for a scan
     * @param keyType   the type of the {@code __key} column
     * @param indexTerms the filter's comparisons an index may answer
     */
    GridMapScanSupplier(String mapName, GridMapRowProjector.Supplier projector, boolean jsonKey, boolean jsonValue, Expression<?> key,
                        QueryDataType keyType, IndexTerms indexTerms) {
        this.mapName = mapName;
        this.projector = projector;
        this.jsonKey = jsonKey;
        this.jsonValue = jsonValue;
        this.key = key;
        this.keyType = keyType;
        this.indexTerms = indexTerms;
    }

    @Override
    public void init(Context context) {
        evalContext = ExpressionEvalContext.from(context);
        extractors = Extractors.newBuilder(evalContext.getSerializationService()).build();
    }

    @Override
    public Collection<? extends Processor> get(int count) {
        List<Processor> processors = new ArrayList<>(count);
        GridPredicate candidates = indexTerms.candidates(evalContext);
        for (int i = 0; i < count; i++) {
            processors.add(new GridMapScanP(mapName, () -> projector.get(evalContext, extractors), evalContext.getSerializationService(),
                    jsonKey, jsonValue, lookedUpKey(), candidates));
        }
        return processors;
    }

    /** @return the key of a key lookup, of the key column's type; {@link GridMapScanP#NO_LOOKUP} for a scan */
    private Object lookedUpKey() {
        if (key == null) {
            return GridMapScanP.NO_LOOKUP;
        }
        Object value = key.eval(EmptyRow.INSTANCE, evalContext);
        return value == null ? null : keyType.convert(value);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(mapName);
        out.writeObject(projector);
        out.writeBoolean(jsonKey);
        out.writeBoolean(jsonValue);
        out.writeObject(key);
        out.writeObject(keyType);
        out.writeObject(indexTerms);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        mapName = in.readString();
        projector = in.readObject();
        jsonKey = in.readBoolean();
        jsonValue = in.readBoolean();
        key = in.readObject();
        keyType = in.readObject();
        indexTerms = in.readObject();
    }
}
