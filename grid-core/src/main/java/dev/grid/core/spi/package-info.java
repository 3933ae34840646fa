/**
 * What grid's modules (locks, transactions, monitoring, and the log, query and stream modules to come) use
 * from grid-core, and users do not: the member's context ({@link dev.grid.core.spi.MemberContext}: its
 * configuration, clock, event bus and maps' statistics), the event bus itself, the serialization type ids
 * every module's data serializer hook takes ({@link dev.grid.core.spi.SerializableTypes}), the ids each module claims in
 * Hazelcast's shared spaces ({@link dev.grid.core.spi.ModuleIds}), and the tools
 * of the processes grid starts (the JVM flags, free ports). {@link dev.grid.core.spi.SqlConsole} lets the monitor run SQL
 * through grid-query without depending on it; {@link dev.grid.core.spi.MapChangeCapture} lets grid-log take the changes of
 * maps with change capture on without grid-core depending on grid-log.
 *
 * <p>Layering: the SPI depends on the API ({@code dev.grid.core}) and the configuration
 * ({@code dev.grid.core.config}), never on {@code dev.grid.core.impl}; grid-core's implementation fills it in.
 * No module uses another module's {@code impl} packages (the architecture tests enforce it).
 */
package dev.grid.core.spi;
