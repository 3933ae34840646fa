package dev.grid.core.impl.map.query;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.core.GridAggregation;
import dev.grid.core.GridPredicate;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What a query asks of each partition: a predicate, what to return, and whether indexes may be used. */
public final class QuerySpec implements IdentifiedDataSerializable {
    /** What each partition returns. */
    public enum Result {
        /** matching keys and values */
        ENTRIES,
        /** matching keys */
        KEYS,
        /** a partial aggregate of the matching entries */
        AGGREGATE,
        /** how many of up to 16 stored values have the attribute and how many lack it (addIndex's check) */
        ATTRIBUTE_CHECK
    }

    private GridPredicate predicate;
    private Result result;
    private GridAggregation aggregation;
    private String attribute;
    private boolean scanOnly;
    /** ENTRIES in key order, at most pageSize + 1 per partition (0: all, unordered) */
    private int pageSize;

    public QuerySpec() {
    }

    private QuerySpec(GridPredicate predicate, Result result, GridAggregation aggregation, String attribute, boolean scanOnly) {
        this.predicate = predicate;
        this.result = result;
        this.aggregation = aggregation;
        this.attribute = attribute;
        this.scanOnly = scanOnly;
    }

    public static QuerySpec entries(GridPredicate predicate) {
        return new QuerySpec(checked(predicate), Result.ENTRIES, null, null, false);
    }

    /**
     * @param after the last key of the previous page (deserialized), or null
     * @return a page of entries in key order after {@code after}
     */
    public static QuerySpec page(GridPredicate predicate, int pageSize, Object after) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page size must be >= 1, was " + pageSize);
        }
        GridPredicate bounded = after == null ? checked(predicate) : checked(predicate).and(GridPredicate.greaterThan("__key", after));
        QuerySpec spec = new QuerySpec(bounded, Result.ENTRIES, null, null, false);
        spec.pageSize = pageSize;
        return spec;
    }

    /** @return the page size (entries in key order), or 0 for every match unordered */
    public int pageSize() {
        return pageSize;
    }

    public static QuerySpec keys(GridPredicate predicate) {
        return new QuerySpec(checked(predicate), Result.KEYS, null, null, false);
    }

    public static QuerySpec aggregate(GridPredicate predicate, GridAggregation aggregation) {
        if (aggregation == null) {
            throw new NullPointerException("aggregation must not be null");
        }
        return new QuerySpec(checked(predicate), Result.AGGREGATE, aggregation, null, false);
    }

    public static QuerySpec attributeCheck(String attribute) {
        return new QuerySpec(GridPredicate.alwaysTrue(), Result.ATTRIBUTE_CHECK, null, attribute, false);
    }

    private static GridPredicate checked(GridPredicate predicate) {
        if (predicate == null) {
            throw new NullPointerException("predicate must not be null");
        }
        return predicate;
    }

    /** @return this query evaluated by scanning every partition, ignoring indexes (to compare the two) */
    public QuerySpec scanOnly() {
        QuerySpec spec = new QuerySpec(predicate, result, aggregation, attribute, true);
        spec.pageSize = pageSize;
        return spec;
    }

    public GridPredicate predicate() {
        return predicate;
    }

    public Result result() {
        return result;
    }

    public GridAggregation aggregation() {
        return aggregation;
    }

    public String attribute() {
        return attribute;
    }

    public boolean isScanOnly() {
        return scanOnly;
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.QUERY_SPEC;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        writePredicate(out, predicate);
        out.writeByte(result.ordinal());
        out.writeByte(aggregation == null ? -1 : aggregation.kind().ordinal());
        out.writeString(aggregation == null ? null : aggregation.attribute());
        out.writeString(attribute);
        out.writeBoolean(scanOnly);
        out.writeInt(pageSize);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        predicate = readPredicate(in, 0);
        result = Result.values()[in.readByte()];
        int aggregationKind = in.readByte();
        String aggregationAttribute = in.readString();
        aggregation = aggregationKind < 0 ? null : GridAggregation.of(GridAggregation.Kind.values()[aggregationKind], aggregationAttribute);
        attribute = in.readString();
        scanOnly = in.readBoolean();
        pageSize = in.readInt();
    }

    private static void writePredicate(ObjectDataOutput out, GridPredicate predicate) throws IOException {
        out.writeByte(predicate.kind().ordinal());
        out.writeString(predicate.attribute());
        out.writeInt(predicate.operands().size());
        for (Object operand : predicate.operands()) {
            out.writeObject(operand);
        }
        out.writeInt(predicate.children().size());
        for (GridPredicate child : predicate.children()) {
            writePredicate(out, child);
        }
    }

    private static final int MAX_DEPTH = 256;

    private static GridPredicate readPredicate(ObjectDataInput in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("a predicate nested deeper than " + MAX_DEPTH + " levels");
        }
        int kind = in.readByte();
        if (kind < 0 || kind >= GridPredicate.Kind.values().length) {
            throw new IOException("unknown predicate kind " + kind);
        }
        String attribute = in.readString();
        int operandCount = in.readInt();
        List<Object> operands = new ArrayList<>();
        for (int i = 0; i < operandCount; i++) {
            operands.add(in.readObject());
        }
        int childCount = in.readInt();
        List<GridPredicate> children = new ArrayList<>();
        for (int i = 0; i < childCount; i++) {
            children.add(readPredicate(in, depth + 1));
        }
        try {
            return GridPredicate.of(GridPredicate.Kind.values()[kind], attribute, operands, children);
        } catch (IllegalArgumentException e) {
            throw new IOException("a malformed predicate: " + e.getMessage(), e);
        }
    }
}
