package dev.grid.query;

import dev.grid.core.Grid;

import java.util.List;

/**
 * A {@code CREATE INDEX} statement: on a GridMap mapping it adds the index to the GridMap ({@link CreateGridMapIndex});
 * on anything else the engine runs it as {@link LiveQuery} would (Hazelcast's engine alone would put even a GridMap
 * mapping's index on an IMap of the same name).
 */
final class CreateIndexQuery implements QueryHandle {
    private final QueryHandle engine;
    private final CreateGridMapIndex statement;
    private final Grid grid;

    CreateIndexQuery(QueryHandle engine, CreateGridMapIndex statement, Grid grid) {
        this.engine = engine;
        this.statement = statement;
        this.grid = grid;
    }

    @Override
    public String id() {
        return engine.id();
    }

    @Override
    public String sql() {
        return engine.sql();
    }

    @Override
    public QueryResult result() {
        if (statement.runOn(grid)) {
            return new QueryResult(List.of(), List.of(), List.of());
        }
        return engine.result();
    }

    @Override
    public void cancel(String by) {
        engine.cancel(by);
    }
}
