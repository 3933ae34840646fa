package dev.grid.lock.impl.raft.model;

import io.microraft.RaftEndpoint;
import io.microraft.model.persistence.RaftEndpointPersistentState;
import io.microraft.model.persistence.RaftEndpointPersistentState.RaftEndpointPersistentStateBuilder;

/**
 * What a Raft store would persist about the local endpoint. grid keeps Raft state in memory only
 * (MicroRaft's no-op store), so this never leaves the JVM.
 */
final class EndpointPersistentStateModel implements RaftEndpointPersistentState, RaftEndpointPersistentStateBuilder {
    private static final long serialVersionUID = 1L;

    private RaftEndpoint localEndpoint;
    private boolean voting;

    @Override
    public RaftEndpoint getLocalEndpoint() {
        return localEndpoint;
    }

    @Override
    public boolean isVoting() {
        return voting;
    }

    @Override
    public RaftEndpointPersistentStateBuilder setLocalEndpoint(RaftEndpoint localEndpoint) {
        this.localEndpoint = localEndpoint;
        return this;
    }

    @Override
    public RaftEndpointPersistentStateBuilder setVoting(boolean voting) {
        this.voting = voting;
        return this;
    }

    @Override
    public RaftEndpointPersistentState build() {
        return this;
    }
}
