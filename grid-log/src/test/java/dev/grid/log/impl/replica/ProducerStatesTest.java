package dev.grid.log.impl.replica;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ProducerStatesTest {
    private static final long PRODUCER = 42;

    private static ProducerStates.Placement at(int sequence, long baseOffset) {
        return new ProducerStates.Placement(sequence, baseOffset, 10, 0);
    }

    @Test
    void aNewProducerMustStartAtBatchZero() {
        ProducerStates states = new ProducerStates();
        assertInstanceOf(ProducerStates.Fresh.class, states.check(PRODUCER, 0));
        ProducerStates.OutOfOrder early = assertInstanceOf(ProducerStates.OutOfOrder.class, states.check(PRODUCER, 1),
                "batch 1 arriving before batch 0 must wait for it, or it would be stored before it");
        assertEquals("producer 42 sent batch 1 first: batches 0 to 0 were never stored here", early.reason());
        assertInstanceOf(ProducerStates.Fresh.class, states.check(-1, 7), "producers without idempotence are not checked");
    }

    @Test
    void batchesMustFollowTheLastOneStored() {
        ProducerStates states = new ProducerStates();
        states.record(PRODUCER, at(0, 0));
        states.record(PRODUCER, at(1, 10));
        assertInstanceOf(ProducerStates.Fresh.class, states.check(PRODUCER, 2));
        assertInstanceOf(ProducerStates.OutOfOrder.class, states.check(PRODUCER, 3), "a gap: batch 2 never arrived");
        ProducerStates.Duplicate again = assertInstanceOf(ProducerStates.Duplicate.class, states.check(PRODUCER, 1));
        assertEquals(10, again.placement().baseOffset(), "a batch sent again is answered with where it went");
    }

    @Test
    void onlyTheLastFewPlacementsAreKept() {
        ProducerStates states = new ProducerStates();
        for (int seq = 0; seq < ProducerStates.KEPT + 2; seq++) {
            states.record(PRODUCER, at(seq, seq * 10L));
        }
        assertInstanceOf(ProducerStates.Duplicate.class, states.check(PRODUCER, 2));
        assertInstanceOf(ProducerStates.OutOfOrder.class, states.check(PRODUCER, 1), "older than the last KEPT");
    }

    @Test
    void aCutLogExpectsTheFirstBatchCutNext() {
        ProducerStates states = new ProducerStates();
        for (int seq = 0; seq < 4; seq++) {
            states.record(PRODUCER, at(seq, seq * 10L));
        }
        states.truncateTo(20);
        assertInstanceOf(ProducerStates.Fresh.class, states.check(PRODUCER, 2), "batch 2 was cut: its producer sends it again");
        assertInstanceOf(ProducerStates.OutOfOrder.class, states.check(PRODUCER, 3));
        assertInstanceOf(ProducerStates.Duplicate.class, states.check(PRODUCER, 1));

        states.truncateTo(0);
        assertInstanceOf(ProducerStates.Fresh.class, states.check(PRODUCER, 0), "everything cut: from batch 0 again");
        assertInstanceOf(ProducerStates.OutOfOrder.class, states.check(PRODUCER, 1));
    }
}
