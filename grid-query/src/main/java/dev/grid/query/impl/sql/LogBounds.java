package dev.grid.query.impl.sql;

import com.hazelcast.jet.sql.impl.connector.HazelcastRexNode;
import com.hazelcast.shaded.org.apache.calcite.rex.RexCall;
import com.hazelcast.shaded.org.apache.calcite.rex.RexDynamicParam;
import com.hazelcast.shaded.org.apache.calcite.rex.RexInputRef;
import com.hazelcast.shaded.org.apache.calcite.rex.RexLiteral;
import com.hazelcast.shaded.org.apache.calcite.rex.RexNode;
import com.hazelcast.shaded.org.apache.calcite.sql.SqlKind;
import com.hazelcast.shaded.org.apache.calcite.rex.RexUtil;
import com.hazelcast.shaded.org.apache.calcite.rex.RexBuilder;
import com.hazelcast.jet.sql.impl.validate.types.HazelcastTypeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a scan's filter, the top-level conjuncts that bound where a log read starts and stops: {@code __partition = c},
 * {@code __offset >= | > | = | <= | < c} (also as the range Calcite folds such conjuncts and {@code BETWEEN} into) and
 * {@code __timestamp >= | > | = c}, with {@code c} a literal or parameter. The
 * filter itself still runs on every row read, so a bound only saves reading records it would reject.
 */
final class LogBounds {
    static final int PARTITION = 0;
    static final int OFFSET = 1;
    static final int TIMESTAMP = 2;

    /** One bound: the column ({@link #PARTITION}, ...), the comparison as seen with the column on the left, the constant. */
    record Bound(int column, SqlKind comparison, RexNode constant) {
    }

    private LogBounds() {
    }

    static List<Bound> find(HazelcastRexNode predicate, GridLogTable table) {
        List<Bound> bounds = new ArrayList<>();
        if (predicate != null) {
            int[] columns = {table.column(LogMapping.PARTITION), table.column(LogMapping.OFFSET), table.column(LogMapping.TIMESTAMP)};
            // Calcite folds range conjuncts and BETWEEN into SEARCH(column, Sarg[...]): back into comparisons
            RexNode expanded = RexUtil.expandSearch(new RexBuilder(HazelcastTypeFactory.INSTANCE), null, predicate.unwrap(RexNode.class));
            collect(expanded, columns, bounds);
        }
        return bounds;
    }

    private static void collect(RexNode node, int[] columns, List<Bound> bounds) {
        if (!(node instanceof RexCall call)) {
            return;
        }
        if (call.getKind() == SqlKind.AND) {
            call.getOperands().forEach(operand -> collect(operand, columns, bounds));
            return;
        }
        if (call.getOperands().size() != 2) {
            return;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        int column = column(left, columns);
        if (column < 0 || !isConstant(right)) {
            column = column(right, columns);
            if (column < 0 || !isConstant(left)) {
                return;
            }
            kind = kind.reverse();
            right = left;
        }
        boolean useful = switch (column) {
            case PARTITION -> kind == SqlKind.EQUALS;
            case OFFSET -> kind == SqlKind.EQUALS || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL
                    || kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
            default -> kind == SqlKind.EQUALS || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
        };
        if (useful) {
            bounds.add(new Bound(column, kind, right));
        }
    }

    private static int column(RexNode node, int[] columns) {
        if (node instanceof RexInputRef ref) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] >= 0 && columns[i] == ref.getIndex()) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isConstant(RexNode node) {
        if (node instanceof RexLiteral || node instanceof RexDynamicParam) {
            return true;
        }
        return node instanceof RexCall call && call.getKind() == SqlKind.CAST && call.getOperands().size() == 1
                && isConstant(call.getOperands().get(0));
    }
}
