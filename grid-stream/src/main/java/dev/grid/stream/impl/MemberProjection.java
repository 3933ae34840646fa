package dev.grid.stream.impl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.function.FunctionEx;
import dev.grid.log.ConsumerRecord;

/** A log source's projection that needs the reading member (its serialization, say): bound before its first record. */
interface MemberProjection<T> extends FunctionEx<ConsumerRecord, T> {
    /** Called by each log source processor on its member when it initialises. */
    void bind(HazelcastInstance member);
}
