package dev.grid.monitor.impl.counters;

/**
 * The layout of a member's counters file: a header, then Agrona's counters metadata and values
 * buffers ({@code org.agrona.concurrent.status.CountersReader}). Version it when it changes.
 *
 * <pre>
 *   0 int  magic 'GRDC'          24 long heartbeat (epoch ms, every second)
 *   4 int  layout version        32 int  metadata buffer length
 *   8 long pid of the member     36 int  values buffer length
 *  16 long start (epoch ms)      40 int  description length (UTF-8 bytes)
 *                                44 int  closed (1 once the member stopped)
 *  64 ... description: "cluster=... member=host:port uuid=... url=..."
 *  HEADER_LENGTH: metadata buffer, then values buffer
 * </pre>
 */
final class CountersLayout {
    static final int MAGIC = 0x47524443;
    static final int VERSION = 1;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int PID_OFFSET = 8;
    static final int START_OFFSET = 16;
    static final int HEARTBEAT_OFFSET = 24;
    static final int METADATA_LENGTH_OFFSET = 32;
    static final int VALUES_LENGTH_OFFSET = 36;
    static final int DESCRIPTION_LENGTH_OFFSET = 40;
    static final int CLOSED_OFFSET = 44;
    static final int DESCRIPTION_OFFSET = 64;
    static final int HEADER_LENGTH = 1024;
    static final int MAX_DESCRIPTION_LENGTH = HEADER_LENGTH - DESCRIPTION_OFFSET;
    static final String SUFFIX = ".counters";

    private CountersLayout() {
    }
}
