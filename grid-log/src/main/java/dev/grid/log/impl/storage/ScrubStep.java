package dev.grid.log.impl.storage;

/**
 * One step of a scrub of a log's sealed segments ({@link SegmentedLog#scrub}).
 *
 * @param nextOffset   where the next step starts
 * @param bytesChecked bytes of batches checked in this step
 * @param done         whether the scrub reached the active segment (a pass over the log is complete)
 */
public record ScrubStep(long nextOffset, long bytesChecked, boolean done) {
}
