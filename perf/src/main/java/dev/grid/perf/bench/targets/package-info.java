/**
 * What {@code grid bench run} and the JMH benchmarks measure: the targets ({@code gridmap}, {@code imap},
 * {@code chm}, {@code redis}) behind one small interface, {@link dev.grid.perf.bench.targets.BenchTarget}
 * (GridMap and IMap share {@code PartitionedTarget}: their scans read one partition), and the
 * deployments that start them: grid members in separate JVMs ({@link dev.grid.perf.bench.targets.MemberProcesses}
 * running {@link dev.grid.perf.bench.targets.BenchMember}), this JVM as one more member or as a
 * client, or a {@code redis-server} child process. Every process started here is registered with
 * {@link dev.grid.perf.bench.targets.ChildProcesses}, which tears them down on exit and on Ctrl-C.
 */
package dev.grid.perf.bench.targets;
