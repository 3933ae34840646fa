package dev.grid.query.impl.sql;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.EventTimePolicy;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorSupplier;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.sql.impl.expression.Expression;
import com.hazelcast.sql.impl.expression.ExpressionEvalContext;
import com.hazelcast.sql.impl.row.EmptyRow;
import com.hazelcast.sql.impl.row.JetSqlRow;
import com.hazelcast.sql.impl.type.QueryDataType;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Creates a member's GridLog scan processors for one query. It ships the columns' external names, the filter and
 * projection, and the bounds found in the filter ({@link LogBounds}); on the member it evaluates the bounds (literals
 * and parameters) into a {@link GridLogScanP.Range}.
 */
final class GridLogScanSupplier implements ProcessorSupplier, DataSerializable {
    /** Scan processors per member: reads are asynchronous and pipelined over the partitions, one processor is enough. */
    static final int LOCAL_PARALLELISM = 1;
    private static final long serialVersionUID = 1L;

    private String topic;
    private List<String> externalNames;
    private List<QueryDataType> types;
    private boolean keyAsBytes;
    private boolean valueAsBytes;
    private boolean stream;
    private boolean fromEarliest;
    private Expression<Boolean> filter;
    private List<Expression<?>> projection;
    private int[] boundColumns;
    private String[] boundKinds;
    private List<Expression<?>> boundValues;
    private FunctionEx<ExpressionEvalContext, EventTimePolicy<JetSqlRow>> eventTimePolicyProvider;
    /** The log partitions this member reads (set per member by {@link GridLogScanMetaSupplier}). */
    private int[] partitions = new int[0];
    private transient ExpressionEvalContext evalContext;

    @SuppressWarnings("unused")
    GridLogScanSupplier() {
        // for deserialization
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    GridLogScanSupplier(String topic, List<String> externalNames, List<QueryDataType> types, boolean keyAsBytes, boolean valueAsBytes,
                        boolean stream, boolean fromEarliest, Expression<Boolean> filter, List<Expression<?>> projection,
                        int[] boundColumns, String[] boundKinds, List<Expression<?>> boundValues,
                        FunctionEx<ExpressionEvalContext, EventTimePolicy<JetSqlRow>> eventTimePolicyProvider) {
        this.eventTimePolicyProvider = eventTimePolicyProvider;
        this.topic = topic;
        this.externalNames = externalNames;
        this.types = types;
        this.keyAsBytes = keyAsBytes;
        this.valueAsBytes = valueAsBytes;
        this.stream = stream;
        this.fromEarliest = fromEarliest;
        this.filter = filter;
        this.projection = projection;
        this.boundColumns = boundColumns;
        this.boundKinds = boundKinds;
        this.boundValues = boundValues;
    }

    String topic() {
        return topic;
    }

    /** @return a copy of this supplier reading the given log partitions */
    GridLogScanSupplier withPartitions(int[] logPartitions) {
        GridLogScanSupplier copy = new GridLogScanSupplier(topic, externalNames, types, keyAsBytes, valueAsBytes, stream, fromEarliest,
                filter, projection, boundColumns, boundKinds, boundValues, eventTimePolicyProvider);
        copy.partitions = logPartitions;
        return copy;
    }

    @Override
    public void init(Context context) {
        evalContext = ExpressionEvalContext.from(context);
    }

    @Override
    public Collection<? extends Processor> get(int count) {
        GridLogScanP.Range range = range();
        List<Processor> processors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Integer> share = new ArrayList<>();
            for (int j = i; j < partitions.length; j += count) {
                share.add(partitions[j]);
            }
            processors.add(new GridLogScanP(share, topic, externalNames, types, keyAsBytes, valueAsBytes, stream, fromEarliest, filter, projection,
                    range, evalContext, eventTimePolicyProvider == null ? null : eventTimePolicyProvider.apply(evalContext)));
        }
        return processors;
    }

    /** @return the bounds' values: which partition, offsets and time the query can match at most */
    private GridLogScanP.Range range() {
        GridLogScanP.Range range = GridLogScanP.Range.ALL;
        for (int i = 0; i < boundColumns.length; i++) {
            Object value = boundValues.get(i).eval(EmptyRow.INSTANCE, evalContext);
            if (value == null) {
                return GridLogScanP.Range.NONE; // a comparison with NULL matches nothing
            }
            String kind = boundKinds[i];
            switch (boundColumns[i]) {
                case LogBounds.PARTITION -> {
                    BigDecimal partition = (BigDecimal) QueryDataType.DECIMAL.convert(value);
                    range = partition.stripTrailingZeros().scale() > 0 ? GridLogScanP.Range.NONE : range.partition(partition.intValue());
                }
                case LogBounds.OFFSET -> {
                    BigDecimal offset = (BigDecimal) QueryDataType.DECIMAL.convert(value);
                    long floor = offset.setScale(0, RoundingMode.FLOOR).longValue();
                    long ceil = offset.setScale(0, RoundingMode.CEILING).longValue();
                    range = switch (kind) {
                        case "EQUALS" -> range.fromOffset(floor).toOffset(ceil + 1);
                        case "GREATER_THAN" -> range.fromOffset(floor + 1);
                        case "GREATER_THAN_OR_EQUAL" -> range.fromOffset(floor);
                        case "LESS_THAN" -> range.toOffset(ceil);
                        default -> range.toOffset(ceil + 1); // LESS_THAN_OR_EQUAL
                    };
                }
                default -> {
                    OffsetDateTime time = (OffsetDateTime) QueryDataType.TIMESTAMP_WITH_TZ_OFFSET_DATE_TIME.convert(value);
                    range = range.fromTime(time.toInstant().toEpochMilli()); // > and = read from >= too: the filter decides
                }
            }
        }
        return range;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(topic);
        out.writeObject(new ArrayList<>(externalNames));
        out.writeInt(types.size());
        for (QueryDataType type : types) {
            out.writeObject(type);
        }
        out.writeBoolean(keyAsBytes);
        out.writeBoolean(valueAsBytes);
        out.writeBoolean(stream);
        out.writeBoolean(fromEarliest);
        out.writeObject(filter);
        writeExpressions(out, projection);
        out.writeIntArray(boundColumns);
        out.writeStringArray(boundKinds);
        writeExpressions(out, boundValues);
        out.writeObject(eventTimePolicyProvider);
        out.writeIntArray(partitions);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        topic = in.readString();
        externalNames = in.readObject();
        int typeCount = in.readInt();
        types = new ArrayList<>(typeCount);
        for (int i = 0; i < typeCount; i++) {
            types.add(in.readObject());
        }
        keyAsBytes = in.readBoolean();
        valueAsBytes = in.readBoolean();
        stream = in.readBoolean();
        fromEarliest = in.readBoolean();
        filter = in.readObject();
        projection = readExpressions(in);
        boundColumns = in.readIntArray();
        boundKinds = in.readStringArray();
        boundValues = readExpressions(in);
        eventTimePolicyProvider = in.readObject();
        partitions = in.readIntArray();
    }

    private static void writeExpressions(ObjectDataOutput out, List<Expression<?>> expressions) throws IOException {
        out.writeInt(expressions.size());
        for (Expression<?> expression : expressions) {
            out.writeObject(expression);
        }
    }

    private static List<Expression<?>> readExpressions(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        List<Expression<?>> expressions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            expressions.add(in.readObject());
        }
        return expressions;
    }
}
