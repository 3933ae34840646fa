/**
 * GridMap inside Hazelcast transactions (ONE_PHASE, TWO_PHASE, XA): the transactional view on the
 * member that runs the transaction, its transaction log record, and the entry point that picks the
 * member or the client route for a {@code TransactionContext}.
 */
package dev.grid.core.impl.map.tx;
