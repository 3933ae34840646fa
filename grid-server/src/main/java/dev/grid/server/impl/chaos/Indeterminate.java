package dev.grid.server.impl.chaos;

/**
 * Hazelcast's switches for an indeterminate write (one whose backup acknowledgement never came).
 * grid turns both on; the chaos mutant turns them off again, restoring Hazelcast's default, which
 * reports such a write as a success.
 */
final class Indeterminate {
    /** On members: fail member-side invocations whose backups did not acknowledge. */
    static final String MEMBER_PROPERTY = "hazelcast.operation.fail.on.indeterminate.state";
    /** On clients: fail client invocations whose backups did not acknowledge. */
    static final String CLIENT_PROPERTY = "hazelcast.client.operation.fail.on.indeterminate.state";

    private Indeterminate() {
    }
}
