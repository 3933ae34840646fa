/**
 * Test support shared by every module's tests (published as grid-core's test jar): clusters of real
 * members on 127.0.0.1 with random names and free ports, and awaiting with deadlines.
 */
package dev.grid.core.test;
