package dev.grid.log.impl.replica;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one log partition's replica remembers of idempotent producers: per producer id, its last batch
 * sequence number and the placement of its last {@value #KEPT} batches, so a batch sent again is answered
 * with where it went the first time instead of being stored twice. Replicas rebuild it from the batches
 * they copy (each carries its producer id and sequence), so it survives a failover; migration ships it.
 * Used on the partition's thread only.
 */
public final class ProducerStates {
    static final int KEPT = 8;
    /** Producers forgotten beyond this many per partition (the least recently seen first). */
    static final int MAX_PRODUCERS = 10_000;

    /** Where one batch of a producer went. */
    public record Placement(int sequence, long baseOffset, int count, long appendTime) {
    }

    /** What to do with a producer's batch. */
    public sealed interface Check permits Fresh, Duplicate, OutOfOrder {
    }

    /** Not seen before: append it. */
    public record Fresh() implements Check {
    }

    /** Stored before: answer with its placement. */
    public record Duplicate(Placement placement) implements Check {
    }

    /** A gap or a batch too old to answer for; the message says which. */
    public record OutOfOrder(String reason) implements Check {
    }

    /** One producer: its last batch's sequence and its last placements (fewer after a cut). */
    private static final class Producer {
        final ArrayDeque<Placement> placements = new ArrayDeque<>();
        int lastSequence;
    }

    private final Map<Long, Producer> producers = new HashMap<>();
    private final ArrayDeque<Long> order = new ArrayDeque<>();

    public Check check(long producerId, int sequence) {
        if (producerId < 0) {
            return new Fresh();
        }
        Producer producer = producers.get(producerId);
        if (producer == null) {
            // a producer starts at 0; a later first batch means the ones before it have not arrived (yet): storing it
            // would put it before them
            return sequence == 0 ? new Fresh() : new OutOfOrder("producer " + producerId + " sent batch " + sequence
                    + " first: batches 0 to " + (sequence - 1) + " were never stored here");
        }
        int lastSeq = producer.lastSequence;
        if (sequence == lastSeq + 1) {
            return new Fresh();
        }
        if (sequence <= lastSeq) {
            for (Placement p : producer.placements) {
                if (p.sequence() == sequence) {
                    return new Duplicate(p);
                }
            }
            return new OutOfOrder("producer " + producerId + " sent batch " + sequence + " again, older than the last " + KEPT
                    + " it sent (the last was " + lastSeq + ")");
        }
        return new OutOfOrder("producer " + producerId + " sent batch " + sequence + " after batch " + lastSeq
                + ": the batches between were never stored");
    }

    public void record(long producerId, Placement placement) {
        if (producerId < 0) {
            return;
        }
        Producer producer = producers.get(producerId);
        if (producer == null) {
            producer = new Producer();
            producers.put(producerId, producer);
            order.addLast(producerId);
            while (order.size() > MAX_PRODUCERS) {
                producers.remove(order.removeFirst());
            }
        } else if (producer.lastSequence >= placement.sequence()) {
            return;
        }
        producer.lastSequence = placement.sequence();
        producer.placements.addLast(placement);
        while (producer.placements.size() > KEPT) {
            producer.placements.removeFirst();
        }
    }

    /** Forgets placements at or after {@code offset} (the log was cut there): the first batch cut is expected next. */
    public void truncateTo(long offset) {
        for (Producer producer : producers.values()) {
            Placement firstCut = null;
            for (Placement p : producer.placements) {
                if (p.baseOffset() >= offset) {
                    firstCut = p;
                    break;
                }
            }
            if (firstCut != null) {
                producer.placements.removeIf(p -> p.baseOffset() >= offset);
                producer.lastSequence = firstCut.sequence() - 1;
            }
        }
    }

    public void clear() {
        producers.clear();
        order.clear();
    }

    /** @return every producer's placements, flattened as (producerId, placement) for shipping to a new replica */
    public List<Map.Entry<Long, Placement>> snapshot() {
        List<Map.Entry<Long, Placement>> out = new ArrayList<>();
        for (Long id : order) {
            Producer producer = producers.get(id);
            if (producer != null) {
                for (Placement p : producer.placements) {
                    out.add(Map.entry(id, p));
                }
            }
        }
        return out;
    }

    public int size() {
        return producers.size();
    }
}
