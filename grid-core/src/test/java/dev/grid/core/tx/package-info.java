/** Tests of GridMap inside Hazelcast transactions: ONE_PHASE, TWO_PHASE and XA, on members and clients. */
package dev.grid.core.tx;
