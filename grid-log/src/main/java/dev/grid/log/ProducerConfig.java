package dev.grid.log;

import java.time.Duration;

/**
 * A producer's settings. Defaults favour safety: idempotent, acknowledged by synchronous backups.
 */
public final class ProducerConfig {
    /** Who must hold a record before it is acknowledged. */
    public enum Acks {
        /** the owner and every synchronous backup (Kafka's acks=all): no acknowledged record is lost when one member dies */
        ALL,
        /** the owner only (Kafka's acks=1): faster; a record acknowledged just before its owner dies may be lost */
        OWNER
    }

    private Duration linger = Duration.ofMillis(1);
    private int batchBytes = 256 << 10;
    private boolean idempotence = true;
    private Acks acks = Acks.ALL;
    private Duration deliveryTimeout = Duration.ofMinutes(2);
    private long bufferBytes = 64L << 20;
    private int maxInFlight = 5;
    private boolean sendWhenIdle = true;
    private Duration idleSendInterval = Duration.ofNanos(500_000);

    /**
     * @return how long a batch waits for more records before it goes (default 1ms; 0: go as soon as the partition is free);
     * with {@link #isSendWhenIdle()} it waits only while an earlier batch of its partition is unanswered
     */
    public Duration getLinger() {
        return linger;
    }

    public ProducerConfig setLinger(Duration linger) {
        this.linger = upToTenSeconds("linger", linger);
        return this;
    }

    /** @return the most bytes of records one request to a partition carries (default 256 KiB) */
    public int getBatchBytes() {
        return batchBytes;
    }

    public ProducerConfig setBatchBytes(int batchBytes) {
        if (batchBytes < 1024 || batchBytes > (16 << 20)) {
            throw new IllegalArgumentException("producer batchBytes must be 1 KiB to 16 MiB, was " + batchBytes);
        }
        this.batchBytes = batchBytes;
        return this;
    }

    /** @return whether retries are deduplicated by producer id and sequence numbers (default true) */
    public boolean isIdempotence() {
        return idempotence;
    }

    public ProducerConfig setIdempotence(boolean idempotence) {
        this.idempotence = idempotence;
        return this;
    }

    /** @return who must hold a record before it is acknowledged (default ALL) */
    public Acks getAcks() {
        return acks;
    }

    public ProducerConfig setAcks(Acks acks) {
        if (acks == null) {
            throw new IllegalArgumentException("producer acks must be ALL or OWNER, was null");
        }
        this.acks = acks;
        return this;
    }

    /** @return how long a record may take, retries included, before its send fails (default 2m) */
    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public ProducerConfig setDeliveryTimeout(Duration deliveryTimeout) {
        if (deliveryTimeout == null || deliveryTimeout.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("producer deliveryTimeout must be at least 100ms, was " + deliveryTimeout);
        }
        this.deliveryTimeout = deliveryTimeout;
        return this;
    }

    /** @return the most bytes of records queued and unacknowledged; {@code send} waits for room beyond it (default 64 MiB) */
    public long getBufferBytes() {
        return bufferBytes;
    }

    public ProducerConfig setBufferBytes(long bufferBytes) {
        if (bufferBytes < (1 << 20)) {
            throw new IllegalArgumentException("producer bufferBytes must be at least 1 MiB, was " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
        return this;
    }

    /**
     * @return the most batches a partition has sent and not yet had answered (default 5, like Kafka's
     * {@code max.in.flight.requests.per.connection}); an idempotent producer keeps their order across retries, one that is
     * not idempotent always sends one at a time
     */
    public int getMaxInFlight() {
        return maxInFlight;
    }

    public ProducerConfig setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 1 || maxInFlight > 64) {
            throw new IllegalArgumentException("producer maxInFlight must be 1 to 64, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        return this;
    }

    /**
     * @return whether a batch goes at once when its partition has no batch sent and unanswered, rather than after
     * {@link #getLinger() linger} (default true). Records then wait for linger only while the partition's previous batch is
     * on its way: a lightly loaded producer sends each record as it comes (no linger in its latency), a busy one gathers
     * the records that come during a round trip into the next batch (as many per request as with linger, or more). False:
     * every batch waits for linger or {@code batchBytes}, as Kafka's producer does.
     */
    public boolean isSendWhenIdle() {
        return sendWhenIdle;
    }

    public ProducerConfig setSendWhenIdle(boolean sendWhenIdle) {
        this.sendWhenIdle = sendWhenIdle;
        return this;
    }

    /**
     * @return with {@link #isSendWhenIdle()}, the least time from a partition's previous batch to a batch that goes
     * because the partition is idle (default 500µs; 0: every time it is idle). A producer whose batches come back
     * faster than this gathers the records of up to this long into one request instead of sending one per round trip:
     * at 10,000 records/s to one partition of one member, sending on every answer made about 3,500 requests a second,
     * whose thread hand-offs kept most of two cores busy, and the p99 was 11-16 ms; with 500µs, 7-9 ms, and the p50 the
     * same (perf/RESULTS.md). Records still wait no longer than {@link #getLinger() linger}.
     */
    public Duration getIdleSendInterval() {
        return idleSendInterval;
    }

    public ProducerConfig setIdleSendInterval(Duration idleSendInterval) {
        this.idleSendInterval = upToTenSeconds("idleSendInterval", idleSendInterval);
        return this;
    }

    private static Duration upToTenSeconds(String setting, Duration value) {
        if (value == null || value.isNegative() || value.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("producer " + setting + " must be 0 to 10s, was " + value);
        }
        return value;
    }
}
