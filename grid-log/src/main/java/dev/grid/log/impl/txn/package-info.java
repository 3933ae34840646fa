/**
 * grid-log inside Hazelcast transactions (TWO_PHASE, ONE_PHASE, and a member's XA branches): the transactional view on
 * the member running the transaction ({@link dev.grid.log.impl.txn.TransactionalGridLogProxy}) and the transaction log
 * record of one log partition ({@link dev.grid.log.impl.txn.LogTxnRecord}), whose prepare, commit and rollback
 * operations store the transaction's records and its markers on the partition's owner.
 */
package dev.grid.log.impl.txn;
