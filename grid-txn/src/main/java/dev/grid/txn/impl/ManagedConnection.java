package dev.grid.txn.impl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection work gets from {@code scope.connection(name)}: the driver's connection, except that
 * {@code close()} only ends the work's use of it (the driver's connection stays open until the transaction
 * completes: H2 silently drops the work of a connection closed before commit), and that the transaction, not the
 * work, commits and rolls back.
 */
final class ManagedConnection implements InvocationHandler {
    private final Connection physical;
    private final String dataSourceName;
    private final String txId;
    private volatile boolean closedByWork;
    private volatile boolean completed;

    private ManagedConnection(Connection physical, String dataSourceName, String txId) {
        this.physical = physical;
        this.dataSourceName = dataSourceName;
        this.txId = txId;
    }

    static Connection wrap(Connection physical, String dataSourceName, String txId) {
        return (Connection) Proxy.newProxyInstance(ManagedConnection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new ManagedConnection(physical, dataSourceName, txId));
    }

    /** Called when the transaction completed: later use of the proxy fails. */
    static void markCompleted(Connection proxy) {
        ((ManagedConnection) Proxy.getInvocationHandler(proxy)).completed = true;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "close":
                closedByWork = true;
                return null;
            case "isClosed":
                return closedByWork || completed || physical.isClosed();
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "connection to '" + dataSourceName + "' in transaction " + txId;
            case "commit", "rollback", "setSavepoint", "releaseSavepoint":
                throw new SQLException(name + " on the connection to data source '" + dataSourceName + "' is refused: it belongs to "
                        + "transaction " + txId + ", which commits when the work returns and rolls back when it throws");
            case "setAutoCommit":
                if (Boolean.TRUE.equals(args[0])) {
                    throw new SQLException("setAutoCommit(true) on the connection to data source '" + dataSourceName
                            + "' is refused: it belongs to transaction " + txId);
                }
                return null;
            default:
                break;
        }
        if (completed) {
            throw new SQLException("the connection to data source '" + dataSourceName + "' belonged to transaction " + txId
                    + ", which has completed: get a new one in a new transaction");
        }
        if (closedByWork) {
            throw new SQLException("the connection to data source '" + dataSourceName + "' in transaction " + txId
                    + " was closed by the work; scope.connection(\"" + dataSourceName + "\") returns it again");
        }
        try {
            return method.invoke(physical, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A later {@code scope.connection} call in the same transaction reopens the work's view. */
    static void reopen(Connection proxy) {
        ((ManagedConnection) Proxy.getInvocationHandler(proxy)).closedByWork = false;
    }
}
