/**
 * The log's command line, in the spirit of Kafka's console tools: {@code grid topic create|list|describe|delete|lag},
 * {@code grid produce} (standard input to records) and {@code grid consume} (records to standard output), each a
 * client of the cluster {@code --config} describes ({@link dev.grid.server.impl.log.LogConnector}), on grid-log's API.
 * What they run with (streams, connector, clock, Ctrl-C) is one value, {@link dev.grid.server.impl.log.LogCli}, so
 * tests run them against a log of their own.
 */
package dev.grid.server.impl.log;
