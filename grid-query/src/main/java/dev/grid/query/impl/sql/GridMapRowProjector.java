package dev.grid.query.impl.sql;

import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.jet.sql.impl.ExpressionUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.query.impl.getters.Extractors;
import com.hazelcast.query.impl.getters.policy.ReflectiveAttributeLookupPolicy;
import com.hazelcast.sql.impl.expression.ConstantExpression;
import com.hazelcast.sql.impl.expression.Expression;
import com.hazelcast.sql.impl.expression.ExpressionEvalContext;
import com.hazelcast.sql.impl.extract.GenericQueryTarget;
import com.hazelcast.sql.impl.extract.QueryExtractor;
import com.hazelcast.sql.impl.extract.QueryPath;
import com.hazelcast.sql.impl.extract.QueryTarget;
import com.hazelcast.sql.impl.extract.QueryTargetDescriptor;
import com.hazelcast.sql.impl.row.JetSqlRow;
import com.hazelcast.sql.impl.row.Row;
import com.hazelcast.sql.impl.type.QueryDataType;
import dev.grid.core.spi.EntryBytes;

import java.io.IOException;
import java.util.List;

/**
 * Turns a GridMap entry into the query's row: the filter, then the projection, over the mapping's columns, as Hazelcast's
 * {@code KvRowProjector} does, with two differences for scans of many entries: it takes the entry's stored bytes, which
 * the key's and value's targets deserialize only when a column of theirs is read (a query that reads no key column never
 * deserializes a key), and top-level attributes of {@code java} keys and values are read through
 * {@link CachedFieldExtractor}, whose accessor is found once per class rather than looked up for every entry, and plain
 * {@code DataSerializable} objects are read by {@link DataSerializableReader} (see {@link ScanTarget}).
 *
 * <p>One projector holds the entry it projects: one per thread at a time.
 */
final class GridMapRowProjector implements Row {
    private final ScanTarget keyTarget;
    private final ScanTarget valueTarget;
    private final QueryExtractor[] extractors;
    private final Expression<Boolean> predicate;
    private final List<Expression<?>> projections;
    private final ExpressionEvalContext evalContext;

    private GridMapRowProjector(Supplier supplier, ExpressionEvalContext evalContext, Extractors hazelcastExtractors) {
        InternalSerializationService serialization = evalContext.getSerializationService();
        ReflectiveAttributeLookupPolicy policy = ReflectiveAttributeLookupPolicy.getPolicy(serialization.getHazelcastProperties());
        QueryTarget key = supplier.keyDescriptor.create(serialization, hazelcastExtractors, true);
        QueryTarget value = supplier.valueDescriptor.create(serialization, hazelcastExtractors, false);
        DataSerializableReader reader = new DataSerializableReader(serialization);
        this.keyTarget = new ScanTarget(key, reader, true, key instanceof GenericQueryTarget);
        this.valueTarget = new ScanTarget(value, reader, false, value instanceof GenericQueryTarget);
        this.extractors = new QueryExtractor[supplier.paths.length];
        for (int i = 0; i < extractors.length; i++) {
            QueryPath path = supplier.paths[i];
            QueryTarget target = path.isKey() ? key : value;
            QueryExtractor extractor = target.createExtractor(path.getPath(), supplier.types[i]);
            ScanTarget scan = path.isKey() ? keyTarget : valueTarget;
            if (target instanceof GenericQueryTarget generic && CachedFieldExtractor.handles(path.getPath())) {
                extractor = new CachedFieldExtractor(generic, scan, extractor, supplier.types[i], path.getPath(), path.isKey(), policy);
            }
            extractors[i] = target instanceof GenericQueryTarget ? scan.reading(extractor) : extractor;
        }
        this.predicate = supplier.predicate;
        this.projections = supplier.projections;
        this.evalContext = evalContext;
    }

    /**
     * @param entry the entry in the store, valid during this call: its key and value are copied out only if read
     * @return the entry's row, or null if the filter rejects it
     */
    JetSqlRow project(EntryBytes entry) {
        keyTarget.reset(entry);
        valueTarget.reset(entry);
        return ExpressionUtil.projection(predicate, projections, this, evalContext);
    }

    /** @return the entry's row, or null if the filter rejects it; key and value as objects */
    JetSqlRow project(Object key, Object value) {
        keyTarget.reset(key);
        valueTarget.reset(value);
        return ExpressionUtil.projection(predicate, projections, this, evalContext);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(int index) {
        return (T) extractors[index].get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(int index, boolean useLazyDeserialization) {
        return (T) extractors[index].get(useLazyDeserialization);
    }

    @Override
    public int getColumnCount() {
        return projections.size();
    }

    /** What a member needs to build projectors for one query: the mapping's columns, the filter and the projection. */
    static final class Supplier implements DataSerializable {
        private static final long serialVersionUID = 1L;

        private QueryPath[] paths;
        private QueryDataType[] types;
        private QueryTargetDescriptor keyDescriptor;
        private QueryTargetDescriptor valueDescriptor;
        private Expression<Boolean> predicate;
        private List<Expression<?>> projections;

        @SuppressWarnings("unused")
        Supplier() {
            // for deserialization
        }

        /** @param predicate the filter, or null: every entry */
        @SuppressWarnings("unchecked")
        Supplier(QueryPath[] paths, QueryDataType[] types, QueryTargetDescriptor keyDescriptor, QueryTargetDescriptor valueDescriptor,
                 Expression<Boolean> predicate, List<Expression<?>> projections) {
            if (paths.length != types.length) {
                throw new IllegalArgumentException("a GridMap mapping's " + paths.length + " column paths do not match its " + types.length
                        + " column types");
            }
            this.paths = paths.clone();
            this.types = types.clone();
            this.keyDescriptor = keyDescriptor;
            this.valueDescriptor = valueDescriptor;
            this.predicate = predicate != null ? predicate : (Expression<Boolean>) ConstantExpression.create(true, QueryDataType.BOOLEAN);
            this.projections = List.copyOf(projections);
        }

        /** @param extractors Hazelcast's extractors, for what {@link CachedFieldExtractor} leaves to them */
        GridMapRowProjector get(ExpressionEvalContext evalContext, Extractors extractors) {
            return new GridMapRowProjector(this, evalContext, extractors);
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeInt(paths.length);
            for (int i = 0; i < paths.length; i++) {
                out.writeObject(paths[i]);
                out.writeObject(types[i]);
            }
            out.writeObject(keyDescriptor);
            out.writeObject(valueDescriptor);
            out.writeObject(predicate);
            out.writeInt(projections.size());
            for (Expression<?> projection : projections) {
                out.writeObject(projection);
            }
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            int columns = in.readInt();
            paths = new QueryPath[columns];
            types = new QueryDataType[columns];
            for (int i = 0; i < columns; i++) {
                paths[i] = in.readObject();
                types[i] = in.readObject();
            }
            keyDescriptor = in.readObject();
            valueDescriptor = in.readObject();
            predicate = in.readObject();
            int count = in.readInt();
            Expression<?>[] read = new Expression<?>[count];
            for (int i = 0; i < count; i++) {
                read[i] = in.readObject();
            }
            projections = List.of(read);
        }
    }
}
