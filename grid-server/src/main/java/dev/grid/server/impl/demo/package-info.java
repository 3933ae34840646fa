/**
 * {@code grid demo stream}: the reference pipeline of grid-stream on an embedded default (orders appended to a topic,
 * revenue per product in 1 s windows and running totals in GridMaps, a member killed, totals checked exactly).
 */
package dev.grid.server.impl.demo;
