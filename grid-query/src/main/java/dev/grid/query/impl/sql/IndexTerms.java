package dev.grid.query.impl.sql;

import com.hazelcast.jet.sql.impl.connector.HazelcastRexNode;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.shaded.org.apache.calcite.rex.RexCall;
import com.hazelcast.shaded.org.apache.calcite.rex.RexDynamicParam;
import com.hazelcast.shaded.org.apache.calcite.rex.RexInputRef;
import com.hazelcast.shaded.org.apache.calcite.rex.RexLiteral;
import com.hazelcast.shaded.org.apache.calcite.rex.RexNode;
import com.hazelcast.shaded.org.apache.calcite.sql.SqlKind;
import com.hazelcast.sql.impl.expression.Expression;
import com.hazelcast.sql.impl.expression.ExpressionEvalContext;
import com.hazelcast.sql.impl.extract.QueryPath;
import com.hazelcast.sql.impl.row.EmptyRow;
import com.hazelcast.sql.impl.type.QueryDataTypeFamily;
import dev.grid.core.GridPredicate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The terms of a GridMap scan's filter that the map's indexes may answer: top-level conjuncts {@code column = | > | >= |
 * < | <= <literal or parameter>} on a column of a {@code java} or primitive key or value (not {@code json-flat}: indexes
 * read Java attributes) whose type compares in SQL as grid's indexes compare it (numbers, strings, booleans, dates and
 * times without zone). Found when the query is planned; their operands are evaluated on each member when the query
 * starts ({@link #candidates}) and given to the partition reads as a {@link GridPredicate}: a read with an index on the
 * column visits only the entries it names. The SQL filter still runs on every entry visited, so a term only saves
 * reading what the filter would reject.
 */
final class IndexTerms implements DataSerializable {
    /** Column types whose SQL comparison agrees with grid's index order for values of the column's Java type. */
    private static final Set<QueryDataTypeFamily> COMPARABLE = EnumSet.of(QueryDataTypeFamily.VARCHAR, QueryDataTypeFamily.BOOLEAN,
            QueryDataTypeFamily.TINYINT, QueryDataTypeFamily.SMALLINT, QueryDataTypeFamily.INTEGER, QueryDataTypeFamily.BIGINT,
            QueryDataTypeFamily.DECIMAL, QueryDataTypeFamily.REAL, QueryDataTypeFamily.DOUBLE, QueryDataTypeFamily.DATE,
            QueryDataTypeFamily.TIME, QueryDataTypeFamily.TIMESTAMP);

    private List<String> attributes = new ArrayList<>();
    private List<SqlKind> comparisons = new ArrayList<>();
    private List<Expression<?>> operands = new ArrayList<>();

    @SuppressWarnings("unused")
    IndexTerms() {
        // for deserialization
    }

    /**
     * @param predicate the scan's filter (null: none)
     * @param table     the mapping
     * @param converter turns a literal or parameter into the engine's expression
     * @return the filter's terms an index may answer (possibly none)
     */
    static IndexTerms of(HazelcastRexNode predicate, GridMapTable table, Function<RexNode, Expression<?>> converter) {
        IndexTerms terms = new IndexTerms();
        if (predicate != null) {
            terms.collect(predicate.unwrap(RexNode.class), table, converter);
        }
        return terms;
    }

    private void collect(RexNode node, GridMapTable table, Function<RexNode, Expression<?>> converter) {
        if (!(node instanceof RexCall call)) {
            return;
        }
        if (call.getKind() == SqlKind.AND) {
            call.getOperands().forEach(operand -> collect(operand, table, converter));
            return;
        }
        SqlKind kind = call.getKind();
        if (!EnumSet.of(SqlKind.EQUALS, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.LESS_THAN,
                SqlKind.LESS_THAN_OR_EQUAL).contains(kind) || call.getOperands().size() != 2) {
            return;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (isConstant(left) && right instanceof RexInputRef) {
            add(table, (RexInputRef) right, kind.reverse(), left, converter);
        } else if (left instanceof RexInputRef ref && isConstant(right)) {
            add(table, ref, kind, right, converter);
        }
    }

    private void add(GridMapTable table, RexInputRef column, SqlKind kind, RexNode operand,
                     Function<RexNode, Expression<?>> converter) {
        QueryPath path = table.paths()[column.getIndex()];
        if (table.isJson(path.isKey()) || !COMPARABLE.contains(table.types()[column.getIndex()].getTypeFamily())) {
            return;
        }
        attributes.add(attribute(path));
        comparisons.add(kind);
        operands.add(converter.apply(operand));
    }

    /** @return the GridMap attribute a column reads: {@code __key}, {@code this}, {@code __key.field} or {@code field} */
    static String attribute(QueryPath path) {
        if (path.isTopLevel()) {
            return path.isKey() ? "__key" : "this";
        }
        return path.isKey() ? "__key." + path.getPath() : path.getPath();
    }

    private static boolean isConstant(RexNode node) {
        if (node instanceof RexLiteral || node instanceof RexDynamicParam) {
            return true;
        }
        return node instanceof RexCall call && call.getKind() == SqlKind.CAST && call.getOperands().size() == 1
                && isConstant(call.getOperands().get(0));
    }

    boolean isEmpty() {
        return attributes.isEmpty();
    }

    /**
     * @return the terms with their operands evaluated, AND-ed, or null if there are none (a null operand, which SQL
     *         never matches, is left to the filter)
     */
    GridPredicate candidates(ExpressionEvalContext context) {
        List<GridPredicate> predicates = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            Object value = operands.get(i).eval(EmptyRow.INSTANCE, context);
            if (value != null) {
                predicates.add(comparison(attributes.get(i), comparisons.get(i), value));
            }
        }
        if (predicates.isEmpty()) {
            return null;
        }
        return predicates.size() == 1 ? predicates.get(0) : GridPredicate.and(predicates.toArray(GridPredicate[]::new));
    }

    private static GridPredicate comparison(String attribute, SqlKind kind, Object value) {
        return switch (kind) {
            case EQUALS -> GridPredicate.equal(attribute, value);
            case GREATER_THAN -> GridPredicate.greaterThan(attribute, value);
            case GREATER_THAN_OR_EQUAL -> GridPredicate.greaterEqual(attribute, value);
            case LESS_THAN -> GridPredicate.lessThan(attribute, value);
            case LESS_THAN_OR_EQUAL -> GridPredicate.lessEqual(attribute, value);
            default -> throw new IllegalStateException("not an indexable comparison: " + kind);
        };
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            out.writeString(attributes.get(i));
            out.writeString(comparisons.get(i).name());
            out.writeObject(operands.get(i));
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            attributes.add(in.readString());
            comparisons.add(SqlKind.valueOf(in.readString()));
            operands.add(in.readObject());
        }
    }

    @Override
    public String toString() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            terms.add(attributes.get(i) + " " + comparisons.get(i).sql + " " + operands.get(i));
        }
        return String.join(" AND ", terms);
    }
}
