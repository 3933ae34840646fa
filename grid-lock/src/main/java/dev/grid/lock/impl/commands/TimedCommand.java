package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;

/**
 * A command that carries time: the leader stamps it with its clock just before replicating it, so
 * every replica applies it at the same time however late it applies it.
 */
public abstract class TimedCommand extends CpCommand implements Cloneable {
    private long now;

    protected TimedCommand() {
    }

    protected TimedCommand(long now) {
        this.now = now;
    }

    /** Stamps a command nobody else holds (a tick the leader just made, a command in a test). */
    public final void stamp(long leaderMillis) {
        this.now = leaderMillis;
    }

    /**
     * @return a copy stamped with the leader's time, for the leader to append. Never stamp a command
     *         that came from a local caller in place: the caller may send the same object again
     *         (a retry), and a second stamp would change an entry already in the log, and already
     *         replicated with the first stamp
     */
    public final TimedCommand stampedCopy(long leaderMillis) {
        try {
            TimedCommand copy = (TimedCommand) super.clone(); // fields are immutable values: a shallow copy is a copy
            copy.now = leaderMillis;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the leader's time when it appended this command, in milliseconds */
    public final long now() {
        return now;
    }

    @Override
    public final void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(now);
        writeFields(out);
    }

    @Override
    public final void readData(ObjectDataInput in) throws IOException {
        now = in.readLong();
        readFields(in);
    }

    protected void writeFields(ObjectDataOutput out) throws IOException {
    }

    protected void readFields(ObjectDataInput in) throws IOException {
    }
}
