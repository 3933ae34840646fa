/**
 * grid's XA transactions: Narayana JTA around GridMap, Hazelcast's own transactional
 * structures and JDBC databases (H2 embedded, PostgreSQL), with crash recovery.
 *
 * <p>This package holds the public API; implementation classes live in {@code dev.grid.txn.impl}.
 */
package dev.grid.txn;
