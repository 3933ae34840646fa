package dev.grid.txn.test;

import java.util.List;

/**
 * The crash-point matrix of {@code TxnCrashRecoveryTest}: where in two-phase commit the transaction manager's JVM
 * is killed. Narayana prepares and commits resources in the order they joined, and has no hook of its own, so a
 * {@link StopXAResource} joins at the right place in that order and stops its thread there.
 */
public enum CrashPoint {
    /** (a) Grid and PostgreSQL prepared; Narayana has not written its commit decision. Presumed abort: rolled back. */
    AFTER_PREPARES(List.of(Resource.GRID, Resource.PG, Resource.STOP), StopXAResource.Phase.PREPARE, false),
    /** (b) The commit decision is logged; the first commit call stops, nothing committed yet. Committed by recovery. */
    AFTER_DECISION(List.of(Resource.STOP, Resource.GRID, Resource.PG), StopXAResource.Phase.COMMIT, true),
    /** (c) The grid committed, PostgreSQL not yet. Committed by recovery. */
    BETWEEN_COMMITS_GRID_FIRST(List.of(Resource.GRID, Resource.STOP, Resource.PG), StopXAResource.Phase.COMMIT, true),
    /** (c') PostgreSQL committed, the grid not yet. Committed by recovery. */
    BETWEEN_COMMITS_DB_FIRST(List.of(Resource.PG, Resource.STOP, Resource.GRID), StopXAResource.Phase.COMMIT, true),
    /** Only PostgreSQL prepared (the grid branch is not): rolled back; the grid branch's locks wait for its XA timeout. */
    DB_ONLY_PREPARED(List.of(Resource.PG, Resource.STOP, Resource.GRID), StopXAResource.Phase.PREPARE, false);

    /** A participant of the crash transactions. */
    public enum Resource {
        /** the grid's branch: a GridMap and an IMap write */
        GRID,
        /** a PostgreSQL insert */
        PG,
        /** the {@link StopXAResource} */
        STOP
    }

    private final List<Resource> order;
    private final StopXAResource.Phase phase;
    private final boolean committed;

    CrashPoint(List<Resource> order, StopXAResource.Phase phase, boolean committed) {
        this.order = order;
        this.phase = phase;
        this.committed = committed;
    }

    /** @return the order in which the resources join (and are prepared and committed) */
    public List<Resource> order() {
        return order;
    }

    public StopXAResource.Phase phase() {
        return phase;
    }

    /** @return the outcome recovery must reach: committed everywhere, or rolled back everywhere */
    public boolean committed() {
        return committed;
    }

    /** @return whether the grid branch is prepared (not yet committed) when the JVM dies */
    public boolean gridPreparedAtCrash() {
        int grid = order.indexOf(Resource.GRID);
        int stop = order.indexOf(Resource.STOP);
        return phase == StopXAResource.Phase.PREPARE ? grid < stop : grid > stop;
    }

    /** @return whether PostgreSQL's branch is prepared (not yet committed) when the JVM dies */
    public boolean dbPreparedAtCrash() {
        int pg = order.indexOf(Resource.PG);
        int stop = order.indexOf(Resource.STOP);
        return phase == StopXAResource.Phase.PREPARE ? pg < stop : pg > stop;
    }

    /** @return whether the grid branch committed before the JVM died */
    public boolean gridCommittedAtCrash() {
        return phase == StopXAResource.Phase.COMMIT && order.indexOf(Resource.GRID) < order.indexOf(Resource.STOP);
    }

    /** @return whether PostgreSQL's branch committed before the JVM died */
    public boolean dbCommittedAtCrash() {
        return phase == StopXAResource.Phase.COMMIT && order.indexOf(Resource.PG) < order.indexOf(Resource.STOP);
    }
}
