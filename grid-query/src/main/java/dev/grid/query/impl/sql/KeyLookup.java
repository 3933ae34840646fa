package dev.grid.query.impl.sql;

import com.hazelcast.jet.sql.impl.connector.HazelcastRexNode;
import com.hazelcast.shaded.org.apache.calcite.rex.RexCall;
import com.hazelcast.shaded.org.apache.calcite.rex.RexDynamicParam;
import com.hazelcast.shaded.org.apache.calcite.rex.RexInputRef;
import com.hazelcast.shaded.org.apache.calcite.rex.RexLiteral;
import com.hazelcast.shaded.org.apache.calcite.rex.RexNode;
import com.hazelcast.shaded.org.apache.calcite.sql.SqlKind;
import com.hazelcast.sql.impl.extract.QueryPath;

/**
 * Finds a key lookup in a scan's filter: a top-level conjunct {@code __key = <literal or parameter>}. Such a query needs
 * one entry of one partition; the scan then reads only that key, on the member that owns its partition.
 */
final class KeyLookup {
    private KeyLookup() {
    }

    /**
     * @param predicate the scan's filter (null: none)
     * @param paths     the table's columns, in the filter's input order
     * @return the literal or parameter the key is compared with, or null if the filter is not a key lookup
     */
    static RexNode keyOperand(HazelcastRexNode predicate, QueryPath[] paths) {
        if (predicate == null) {
            return null;
        }
        int keyField = -1;
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].isKey() && paths[i].isTopLevel()) {
                keyField = i;
            }
        }
        return keyField < 0 ? null : find(predicate.unwrap(RexNode.class), keyField);
    }

    private static RexNode find(RexNode node, int keyField) {
        if (!(node instanceof RexCall call)) {
            return null;
        }
        if (call.getKind() == SqlKind.AND) {
            for (RexNode operand : call.getOperands()) {
                RexNode found = find(operand, keyField);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (call.getKind() != SqlKind.EQUALS || call.getOperands().size() != 2) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (isKey(left, keyField) && isConstant(right)) {
            return right;
        }
        if (isKey(right, keyField) && isConstant(left)) {
            return left;
        }
        return null;
    }

    private static boolean isKey(RexNode node, int keyField) {
        return node instanceof RexInputRef ref && ref.getIndex() == keyField;
    }

    private static boolean isConstant(RexNode node) {
        if (node instanceof RexLiteral || node instanceof RexDynamicParam) {
            return true;
        }
        return node instanceof RexCall call && call.getKind() == SqlKind.CAST && call.getOperands().size() == 1
                && isConstant(call.getOperands().get(0));
    }
}
