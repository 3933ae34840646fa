package dev.grid.core.impl.map.query;

import dev.grid.core.GridPredicate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A predicate with canonical operands (and its LIKE pattern compiled), ready to test entries: what a partition's
 * query and a member's index query plan from and check candidates against.
 */
final class PredicateNode {
    final GridPredicate.Kind kind;
    final String attribute;
    final List<Object> operands;
    final List<PredicateNode> children;
    final boolean readsKey;
    final Pattern like;

    PredicateNode(GridPredicate.Kind kind, String attribute, List<Object> operands, List<PredicateNode> children) {
        this.kind = kind;
        this.attribute = attribute;
        this.operands = operands;
        this.children = children;
        this.readsKey = attribute != null ? Attributes.readsKey(attribute) : children.stream().anyMatch(c -> c.readsKey);
        this.like = kind == GridPredicate.Kind.LIKE ? QueryValues.likePattern((String) operands.get(0)) : null;
    }

    boolean test(Object key, Object value) {
        switch (kind) {
            case TRUE:
                return true;
            case AND:
                for (PredicateNode child : children) {
                    if (!child.test(key, value)) {
                        return false;
                    }
                }
                return true;
            case OR:
                for (PredicateNode child : children) {
                    if (child.test(key, value)) {
                        return true;
                    }
                }
                return false;
            case NOT:
                return !children.get(0).test(key, value);
            default:
                break;
        }
        Object actual = QueryValues.canonical(Attributes.read(key, value, attribute));
        switch (kind) {
            case EQUAL:
                return QueryValues.equal(actual, operands.get(0));
            case NOT_EQUAL:
                return !QueryValues.equal(actual, operands.get(0));
            case IN:
                for (Object operand : operands) {
                    if (QueryValues.equal(actual, operand)) {
                        return true;
                    }
                }
                return false;
            case LIKE:
                return actual instanceof String s && like.matcher(s).matches();
            case BETWEEN: {
                Integer low = QueryValues.compareOrNull(actual, operands.get(0));
                Integer high = QueryValues.compareOrNull(actual, operands.get(1));
                return low != null && high != null && low >= 0 && high <= 0;
            }
            default:
                break;
        }
        Integer c = QueryValues.compareOrNull(actual, operands.get(0));
        if (c == null) {
            return false;
        }
        return switch (kind) {
            case GREATER -> c > 0;
            case GREATER_OR_EQUAL -> c >= 0;
            case LESS -> c < 0;
            case LESS_OR_EQUAL -> c <= 0;
            default -> throw new IllegalStateException(kind.name());
        };
    }

    /** @return the predicate compiled */
    static PredicateNode compile(GridPredicate predicate) {
        List<PredicateNode> children = new ArrayList<>();
        predicate.children().forEach(child -> children.add(compile(child)));
        List<Object> operands = new ArrayList<>();
        predicate.operands().forEach(operand -> operands.add(QueryValues.canonical(operand)));
        return new PredicateNode(predicate.kind(), predicate.attribute(), operands, children);
    }
}
