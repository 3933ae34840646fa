/**
 * {@code grid chaos}: grid's promises checked from the outside. Real {@code grid start} member
 * processes, a grid client writing sequence numbers, members killed with SIGKILL and restarted, and a
 * checker that reads every key back: no acknowledged write may be lost.
 */
package dev.grid.server.impl.chaos;
