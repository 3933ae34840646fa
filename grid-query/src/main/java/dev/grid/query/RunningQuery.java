package dev.grid.query;

import java.time.Instant;

/**
 * A query running in the cluster, started through {@link GridSql} by any member or client: what
 * {@link GridSql#running()} lists.
 *
 * @param id          the id {@link GridSql#cancel(String)} takes
 * @param sql         the statement's text
 * @param startedAt   when it started
 * @param origin      who runs it: {@code "client 127.0.0.1:53120"}, {@code "member 127.0.0.1:5701"}, with the session's
 *                    name if it has one ({@code "grid sql on client 127.0.0.1:53120"})
 * @param rows        the rows its caller had read, at most a second ago
 * @param cancelledBy who asked to cancel it, while it stops; null if nobody has
 * @since 0.1
 */
public record RunningQuery(String id, String sql, Instant startedAt, String origin, long rows, String cancelledBy) {
}
