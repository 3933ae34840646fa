/**
 * GridMap's indexes and query evaluation: per partition replica, on-heap indexes from attribute values to
 * keys ({@link dev.grid.core.impl.map.query.PartitionIndexes}, kept in step by
 * {@link dev.grid.core.impl.map.PartitionStore} on every write), how attributes are read and compared
 * ({@link dev.grid.core.impl.map.query.Attributes}, {@link dev.grid.core.impl.map.query.QueryValues}), one
 * partition's query run from the indexes or by scan ({@link dev.grid.core.impl.map.query.PartitionQuery}),
 * the member-level indexes the partitions' indexes mirror into ({@link dev.grid.core.impl.map.query.MemberIndexes})
 * and a query of many partitions at once from them ({@link dev.grid.core.impl.map.query.MemberIndexQuery}), and the
 * wire forms of a query and its answer (to a client: {@link dev.grid.core.impl.map.query.QueryResultBytes}).
 */
package dev.grid.core.impl.map.query;
