package dev.grid.log.impl.replica;

/**
 * A follower's answer to its owner: its log's offsets after applying what the owner sent.
 *
 * @param accepted  false if the follower knows a newer owner epoch than the sender's (the sender is not the owner any more)
 * @param epoch     the owner epoch the follower follows
 * @param endOffset the follower's log end offset
 */
public record FollowerState(boolean accepted, int epoch, long endOffset) {
}
