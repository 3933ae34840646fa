package dev.grid.log.impl.invoke;

/**
 * Marks the operations a client may send (serialized) to a partition's owner. A member serving a client's
 * message refuses any other operation, so a client can never run a replication or migration operation.
 */
public interface ClientRoutable {
}
