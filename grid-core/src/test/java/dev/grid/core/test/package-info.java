/**
 * Test support shared by every module's tests (published as grid-core's test jar): clusters of real
 * members on 127.0.0.1 with random names and free ports, awaiting with deadlines, and the clocks
 * tests advance by hand ({@link dev.grid.core.test.ManualClock}, {@link dev.grid.core.test.ShiftedClock}).
 */
package dev.grid.core.test;
