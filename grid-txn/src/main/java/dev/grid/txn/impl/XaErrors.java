package dev.grid.txn.impl;

import dev.grid.txn.GridHeuristicException;

import javax.transaction.xa.XAException;

/** Names of XA error codes, for messages and events. */
final class XaErrors {
    private XaErrors() {
    }

    static boolean isHeuristic(int code) {
        return code == XAException.XA_HEURCOM || code == XAException.XA_HEURHAZ || code == XAException.XA_HEURMIX
                || code == XAException.XA_HEURRB;
    }

    static GridHeuristicException.Outcome heuristicOutcome(int code) {
        return switch (code) {
            case XAException.XA_HEURCOM -> GridHeuristicException.Outcome.COMMIT;
            case XAException.XA_HEURMIX -> GridHeuristicException.Outcome.MIXED;
            case XAException.XA_HEURRB -> GridHeuristicException.Outcome.ROLLBACK;
            default -> GridHeuristicException.Outcome.HAZARD; // XA_HEURHAZ: unknown
        };
    }

    /**
     * Hazelcast's client XA proxy rethrows the member's {@link XAException} wrapped in a
     * {@code HazelcastException}; Narayana must see the XA error code to decide (retry, heuristic, rolled back).
     *
     * @return the XAException in the failure's causes, as a new XAException with its code, or null
     */
    static XAException unwrap(RuntimeException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof XAException xa) {
                XAException unwrapped = new XAException(xa.errorCode);
                unwrapped.initCause(failure);
                return unwrapped;
            }
        }
        return null;
    }

    static String describe(XAException e) {
        String name = switch (e.errorCode) {
            case XAException.XA_RBROLLBACK -> "XA_RBROLLBACK";
            case XAException.XA_RBCOMMFAIL -> "XA_RBCOMMFAIL";
            case XAException.XA_RBDEADLOCK -> "XA_RBDEADLOCK";
            case XAException.XA_RBINTEGRITY -> "XA_RBINTEGRITY";
            case XAException.XA_RBOTHER -> "XA_RBOTHER";
            case XAException.XA_RBPROTO -> "XA_RBPROTO";
            case XAException.XA_RBTIMEOUT -> "XA_RBTIMEOUT";
            case XAException.XA_RBTRANSIENT -> "XA_RBTRANSIENT";
            case XAException.XA_HEURCOM -> "XA_HEURCOM";
            case XAException.XA_HEURHAZ -> "XA_HEURHAZ";
            case XAException.XA_HEURMIX -> "XA_HEURMIX";
            case XAException.XA_HEURRB -> "XA_HEURRB";
            case XAException.XAER_NOTA -> "XAER_NOTA";
            case XAException.XAER_RMERR -> "XAER_RMERR";
            case XAException.XAER_RMFAIL -> "XAER_RMFAIL";
            case XAException.XAER_PROTO -> "XAER_PROTO";
            case XAException.XAER_INVAL -> "XAER_INVAL";
            case XAException.XAER_DUPID -> "XAER_DUPID";
            case XAException.XAER_OUTSIDE -> "XAER_OUTSIDE";
            case XAException.XAER_ASYNC -> "XAER_ASYNC";
            default -> "XA error " + e.errorCode;
        };
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
