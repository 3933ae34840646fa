package dev.grid.server;

import dev.grid.txn.test.CrashPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link XaPipelineApp} stops (and the test kills its JVM) while it processes a batch: before the transaction,
 * after each step of its work (the transaction active, nothing prepared), at each point of two-phase commit that
 * grid-txn's crash test reaches ({@link CrashPoint}, through its stopping XA resource), and after the commit returned.
 */
enum PipelineCrashPoint {
    /** records polled, no transaction begun */
    AFTER_POLL(null, null),
    /** the batch's GridMap counters written (locked, not prepared) */
    AFTER_GRID_MAP_WRITE(Step.GRID_MAP, null),
    /** the PostgreSQL rows inserted too */
    AFTER_SQL_INSERT(Step.SQL, null),
    /** the output records sent too (gathered on the member, nothing stored) */
    AFTER_APPEND(Step.APPEND, null),
    /** the consumer offsets given to the transaction too: the work is done, commit not begun */
    AFTER_OFFSET_COMMIT_CALL(Step.OFFSETS, null),
    /** PostgreSQL prepared, the grid branch not: rolled back by recovery (presumed abort) */
    DB_ONLY_PREPARED(null, CrashPoint.DB_ONLY_PREPARED),
    /** both prepared, the decision not logged: rolled back by recovery (presumed abort) */
    AFTER_PREPARES(null, CrashPoint.AFTER_PREPARES),
    /** the commit decision logged, nothing committed: committed by recovery */
    AFTER_DECISION(null, CrashPoint.AFTER_DECISION),
    /** the grid branch committed (GridMap, output records, offsets), PostgreSQL not: committed by recovery */
    BETWEEN_COMMITS_GRID_FIRST(null, CrashPoint.BETWEEN_COMMITS_GRID_FIRST),
    /** PostgreSQL committed, the grid branch not: committed by recovery */
    BETWEEN_COMMITS_DB_FIRST(null, CrashPoint.BETWEEN_COMMITS_DB_FIRST),
    /** the transaction committed, the application did not go on (its next poll) */
    AFTER_COMMIT(null, null);

    /** One step of a batch's transactional work. */
    enum Step {
        /** count each record in the GridMap (grid branch) */
        GRID_MAP,
        /** insert a row per record into PostgreSQL (database branch) */
        SQL,
        /** send an output record per input record (grid branch) */
        APPEND,
        /** commit the consumer group's offsets after the batch (grid branch) */
        OFFSETS,
        /** enlist grid-txn's stopping XA resource, which joins two-phase commit at this place */
        STOP
    }

    private static final List<Step> WORK = List.of(Step.GRID_MAP, Step.SQL, Step.APPEND, Step.OFFSETS);

    private final Step stopAfter;
    private final CrashPoint twoPhase;

    PipelineCrashPoint(Step stopAfter, CrashPoint twoPhase) {
        this.stopAfter = stopAfter;
        this.twoPhase = twoPhase;
    }

    /** @return the work step after which the work itself stops, or null */
    Step stopAfter() {
        return stopAfter;
    }

    /** @return the two-phase commit point grid-txn's stopping resource stops at, or null */
    CrashPoint twoPhase() {
        return twoPhase;
    }

    /**
     * @return the steps of the crash batch's work in order. Resources join on first use and Narayana prepares and
     *         commits them in that order, so for a two-phase point the steps follow {@link CrashPoint#order()}
     */
    List<Step> steps() {
        if (twoPhase == null) {
            return WORK;
        }
        List<Step> steps = new ArrayList<>();
        for (CrashPoint.Resource resource : twoPhase.order()) {
            switch (resource) {
                case GRID -> steps.addAll(List.of(Step.GRID_MAP, Step.APPEND, Step.OFFSETS));
                case PG -> steps.add(Step.SQL);
                case STOP -> steps.add(Step.STOP);
                default -> throw new IllegalStateException("unknown resource " + resource);
            }
        }
        return steps;
    }

    /** @return the steps of a batch that does not stop: GridMap, PostgreSQL, output, offsets */
    static List<Step> work() {
        return WORK;
    }
}
