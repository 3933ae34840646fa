package dev.grid.monitor.impl.http;

import dev.grid.monitor.JobFigures;

import java.util.List;
import java.util.Set;

/**
 * The dashboard's jobs page: {@code GET /api/jobs} (the cluster's Jet jobs with their figures) and {@code POST
 * /api/jobs/cancel|suspend|resume|restart?id=...}, which ask Jet to change a job (it does so asynchronously; the answer
 * gives the status the job had). An unknown id is a 404, a job whose state does not allow the action a 409.
 */
final class JobsRoutes {
    /** The actions the POST routes take, each {@code /api/jobs/<action>}. */
    static final Set<String> ACTIONS = Set.of("cancel", "suspend", "resume", "restart");

    private final MonitorState monitor;

    JobsRoutes(MonitorState monitor) {
        this.monitor = monitor;
    }

    /** The answer to {@code /api/jobs}. */
    record JobsDocument(int count, String problem, List<JobRow> jobs) {
    }

    /** A job as the page lists it: its figures and the restarts the monitor saw. */
    record JobRow(String id, String name, String status, long submissionTime, long restarts, long itemsIn, long itemsOut,
                  long watermarkLatencyMillis, long snapshotBytes, long snapshotKeys, long lastSnapshotMillis, long lastSnapshotAt,
                  String reason, List<JobFigures.VertexFigures> vertices) {
    }

    /** The answer to a job action. */
    record ActionDocument(String id, String action, String statusBefore) {
    }

    Object jobs(Request request) {
        List<JobRow> rows = monitor.jobs().stream()
                .map(j -> new JobRow(j.id(), j.name(), j.status(), j.submissionTime(), monitor.jobRestarts(j.id()), j.itemsIn(), j.itemsOut(),
                        j.watermarkLatencyMillis(), j.snapshotBytes(), j.snapshotKeys(), j.lastSnapshotMillis(), j.lastSnapshotAt(),
                        j.reason(), j.vertices()))
                .toList();
        return new JobsDocument(rows.size(), monitor.jobsProblem(), rows);
    }

    Object act(String action, Request request) {
        String id = request.param("id");
        if (id == null || id.isBlank()) {
            throw HttpProblem.badParameter("id", "parameter 'id' is missing: give the id of the job to " + action + " (GET /api/jobs)");
        }
        String before;
        try {
            before = monitor.jobAction(id.strip(), action);
        } catch (IllegalStateException e) {
            throw new HttpProblem(409, "job " + id.strip() + " cannot " + action + ": " + e.getMessage(), null);
        }
        if (before == null) {
            throw new HttpProblem(404, "no job " + id.strip() + " (GET /api/jobs lists them)", null);
        }
        return new ActionDocument(id.strip(), action, before);
    }
}
