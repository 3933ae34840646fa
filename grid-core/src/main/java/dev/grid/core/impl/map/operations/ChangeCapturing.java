package dev.grid.core.impl.map.operations;

import dev.grid.core.ChangeCaptureNotReadyException;
import dev.grid.core.GridException;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.spi.MapChangeCapture;
import dev.grid.core.spi.MapChangeCapture.Kind;
import dev.grid.core.spi.MapChangeCapture.Change;

/**
 * How an owner's write operation of a map with change capture on hands its changes to the member's
 * {@link MapChangeCapture}: {@link #admit} before the write runs (refusing it, for a retry, while the capture is not
 * ready), {@link #append} for each change it applied (on the partition's thread, in the order applied), after which the
 * operation's response waits for the appends ({@link ResponseAfterChanges}).
 */
final class ChangeCapturing {
    private ChangeCapturing() {
    }

    /**
     * @return the capture to append the operation's changes to, or null if the map's changes are not captured
     * @throws ChangeCaptureNotReadyException (retried by the invocation) while the capture is not ready for the map
     * @throws GridException naming the map, if capture is on but no module on this member takes changes
     */
    static MapChangeCapture admit(GridMapOperation op) {
        GridMapConfig config = op.container().config();
        if (!config.isChangeCapture()) {
            return null;
        }
        GridMapService service = op.getService();
        MapChangeCapture capture = service.changeCapture();
        if (capture == null) {
            throw new GridException("GridMap '" + op.getName() + "': grid.maps." + op.getName() + ".changeCapture is true but grid-log is not on"
                    + " this member's class path, so its changes have nowhere to go; nothing was written");
        }
        String notReady = capture.notReady(config);
        if (notReady != null) {
            throw new ChangeCaptureNotReadyException("GridMap '" + op.getName() + "': its changes cannot be appended to topic '"
                    + config.getChangeTopic() + "' yet (" + notReady + "); the write is retried (nothing was written)");
        }
        return capture;
    }

    /**
     * Appends a change the operation applied, and makes the operation's response wait for it.
     *
     * @param capture what {@link #admit} returned; nothing is done if null
     * @param value   the key's new value bytes, or null for a removal
     */
    static void append(GridMapOperation op, MapChangeCapture capture, String call, byte[] keyBytes, byte[] value) {
        if (capture == null) {
            return;
        }
        GridMapService service = op.getService();
        GridMapConfig config = op.container().config();
        Change change = new Change(config, value == null ? Kind.REMOVE : Kind.PUT, call, keyBytes, value, service.now());
        ResponseAfterChanges.await(op, keyBytes, config.getChangeTopic(), capture.append(change));
    }
}
