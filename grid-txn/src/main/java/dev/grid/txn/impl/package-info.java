/**
 * Implementation of grid's XA transactions: Narayana's JVM-wide configuration and recovery, the observing
 * wrapper around every enlisted XA resource (events, in-flight state, the grid branch's timeout floor), managed
 * JDBC connections, and the object store's checks.
 */
package dev.grid.txn.impl;
