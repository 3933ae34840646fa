/**
 * Test fixtures of grid-txn: the JVM's one transaction configuration, an embedded PostgreSQL that also runs when
 * the build runs as root, H2 databases, XA resource doubles, and the transaction manager process of the crash tests.
 */
package dev.grid.txn.test;
