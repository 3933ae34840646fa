package dev.grid.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import dev.grid.core.GridModules;

import java.util.List;

/**
 * A Jet job as {@code grid job list}, the dashboard's jobs page and {@code /metrics} show it: its identity and status,
 * its throughput (items its source vertices emitted and its sink vertices received, summed over every processor on
 * every member: Jet's {@code emittedCount} and {@code receivedCount}), per vertex too, the latency of its watermarks,
 * and its last snapshot. Figures Jet has not measured yet (a job not started, metrics collected every 5 s by default)
 * are 0, or -1 where 0 would be a measurement.
 *
 * @param id                     the job's id ({@link Job#getIdString()})
 * @param name                   its name, or its id when it has none
 * @param status                 its {@link com.hazelcast.jet.core.JobStatus}
 * @param submissionTime         when it was submitted (epoch ms)
 * @param itemsIn                items its source vertices emitted
 * @param itemsOut               items its sink vertices received
 * @param watermarkLatencyMillis the largest {@code lastForwardedWmLatency} of its processors (how far behind the wall
 *                               clock its event time is), -1 when it forwards no watermarks
 * @param snapshotBytes          bytes of its last snapshot (Jet's {@code snapshotBytes}, summed)
 * @param snapshotKeys           keys of its last snapshot (Jet's {@code snapshotKeys}, summed)
 * @param lastSnapshotMillis     how long its last successful snapshot took, -1 without one
 * @param lastSnapshotAt         when its last successful snapshot ended (epoch ms), 0 without one
 * @param reason                 why it failed or is suspended, or null
 * @param executionStartTime     when its current (or last) execution started (epoch ms, Jet's {@code executionStartTime}),
 *                               -1 when it has not run; a new value is a new execution: a restart, a resume
 * @param vertices               each vertex's items received and emitted, in the DAG's order of first report
 * @since 0.1
 */
public record JobFigures(String id, String name, String status, long submissionTime, long itemsIn, long itemsOut, long watermarkLatencyMillis,
                         long snapshotBytes, long snapshotKeys, long lastSnapshotMillis, long lastSnapshotAt, String reason,
                         long executionStartTime, List<VertexFigures> vertices) {

    public JobFigures {
        vertices = List.copyOf(vertices);
    }

    /**
     * @param hazelcast a member or client of the job's cluster, to read the job's snapshot record with
     * @param job       a normal (not light) job
     * @return its figures now
     */
    public static JobFigures of(HazelcastInstance hazelcast, Job job) {
        return GridModules.provider(GridMonitor.Provider.class).jobFigures(hazelcast, job);
    }

    /**
     * One vertex of a job's DAG.
     *
     * @param name     the vertex's name
     * @param received items its processors received on their input edges
     * @param emitted  items its processors emitted on their output edges (snapshot items not counted)
     */
    public record VertexFigures(String name, long received, long emitted) {
    }
}
