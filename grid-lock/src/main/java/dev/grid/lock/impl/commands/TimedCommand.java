package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;

/**
 * A command that carries time: the leader stamps it with its clock just before replicating it, so
 * every replica applies it at the same time however late it applies it.
 */
public abstract class TimedCommand extends CpCommand {
    private long now;

    protected TimedCommand() {
    }

    protected TimedCommand(long now) {
        this.now = now;
    }

    /** Called by the leader just before it appends the command to its log. */
    public final void stamp(long leaderMillis) {
        this.now = leaderMillis;
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
