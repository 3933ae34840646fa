package dev.grid.lock.impl.raft.model;

import io.microraft.RaftEndpoint;
import io.microraft.model.persistence.RaftTermPersistentState;
import io.microraft.model.persistence.RaftTermPersistentState.RaftTermPersistentStateBuilder;

/** What a Raft store would persist about the term; in memory only, like {@link EndpointPersistentStateModel}. */
final class TermPersistentStateModel implements RaftTermPersistentState, RaftTermPersistentStateBuilder {
    private static final long serialVersionUID = 1L;

    private int term;
    private RaftEndpoint votedFor;

    @Override
    public int getTerm() {
        return term;
    }

    @Override
    public RaftEndpoint getVotedFor() {
        return votedFor;
    }

    @Override
    public RaftTermPersistentStateBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public RaftTermPersistentStateBuilder setVotedFor(RaftEndpoint votedFor) {
        this.votedFor = votedFor;
        return this;
    }

    @Override
    public RaftTermPersistentState build() {
        return this;
    }
}
