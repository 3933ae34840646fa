package dev.grid.log.impl.storage;

import java.util.List;

/**
 * What {@link SegmentedLog#open} cut while recovering: empty after a clean close.
 *
 * @param cuts each cut, in file order
 */
public record RecoveryReport(List<Cut> cuts) {
    public RecoveryReport {
        cuts = List.copyOf(cuts);
    }

    public boolean clean() {
        return cuts.isEmpty();
    }

    /**
     * One cut.
     *
     * @param file       the segment file (or, for a deleted segment, the file that was deleted)
     * @param position   byte position the file was cut at (0 for a deleted segment)
     * @param bytesCut   bytes removed
     * @param fromOffset the first offset that is no longer in the log (the log end offset after the cut)
     * @param reason     why: torn batch, CRC mismatch, offset gap, or a segment following a cut
     */
    public record Cut(String file, long position, long bytesCut, long fromOffset, String reason) {
    }
}
