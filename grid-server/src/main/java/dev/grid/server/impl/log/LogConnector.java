package dev.grid.server.impl.log;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.log.GridLog;

/** How a log command reaches the cluster's log: a grid client by default; tests pass a log of their own. */
@FunctionalInterface
public interface LogConnector {
    /** Connects a grid client ({@link Grid#client}) and gives its {@link GridLog}. */
    LogConnector CLIENT = config -> {
        Grid grid = Grid.client(config);
        try {
            GridLog log = GridLog.of(grid);
            return new Session() {
                @Override
                public GridLog log() {
                    return log;
                }

                @Override
                public void close() {
                    grid.close();
                }
            };
        } catch (RuntimeException e) {
            grid.close();
            throw e;
        }
    };

    /**
     * @param config the client's configuration
     * @return an open session; close it when the command is done
     * @throws dev.grid.core.GridException if no member answers within the config's connect timeout
     */
    Session connect(GridClientConfig config);

    /** A connection to the log of one cluster. */
    interface Session extends AutoCloseable {
        GridLog log();

        @Override
        void close();
    }
}
