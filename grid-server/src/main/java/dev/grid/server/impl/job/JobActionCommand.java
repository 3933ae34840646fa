package dev.grid.server.impl.job;

import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/**
 * {@code grid job cancel|suspend|resume|restart ID|NAME}: asks Jet to change a job's state and prints the status it
 * has then. Jet does it asynchronously; a job in a state that does not allow it (resuming a running job) is an error
 * that names the job and its status.
 */
abstract class JobActionCommand extends JobClientCommand {
    @Parameters(index = "0", paramLabel = "ID|NAME", description = "the job's id (as 'grid job list' prints it) or its name")
    private String job;

    JobActionCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    /** Asks Jet to do it. */
    abstract void act(Job job);

    /** @return what was done, for the line printed: "cancelled" */
    abstract String done();

    @Override
    final int run(Grid grid, JetService jet) {
        Job found = JobLookup.find(jet, job);
        JobStatus before = found.getStatus();
        try {
            act(found);
        } catch (IllegalStateException e) {
            throw new GridException("job " + label(found) + " is " + before + ": " + e.getMessage(), e);
        }
        out.println(done() + " job " + label(found) + " (was " + before + ", now " + found.getStatus() + ")");
        out.flush();
        return GridCommand.OK;
    }

    static String label(Job job) {
        return job.getName() == null ? job.getIdString() : job.getName() + " (" + job.getIdString() + ")";
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, header = "cancel a job",
            description = "Cancels the job: it stops on every member and ends FAILED with a CancellationException; its snapshots are deleted.")
    static final class Cancel extends JobActionCommand {
        Cancel(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        void act(Job job) {
            job.cancel();
        }

        @Override
        String done() {
            return "cancelled";
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, header = "suspend a running job",
            description = "Suspends the job after a last snapshot (with a processing guarantee); 'grid job resume' restarts it from that snapshot. "
                    + "Snapshots are in memory: a suspended job survives the loss of a member only within the backup count.")
    static final class Suspend extends JobActionCommand {
        Suspend(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        void act(Job job) {
            job.suspend();
        }

        @Override
        String done() {
            return "suspending";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, header = "resume a suspended job",
            description = "Resumes a suspended job from its last snapshot.")
    static final class Resume extends JobActionCommand {
        Resume(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        void act(Job job) {
            job.resume();
        }

        @Override
        String done() {
            return "resuming";
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, header = "restart a running job",
            description = "Stops the job's execution and starts a new one from its last snapshot (or from the start without a processing "
                    + "guarantee), for example to spread it over members that joined since it started.")
    static final class Restart extends JobActionCommand {
        Restart(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        void act(Job job) {
            job.restart();
        }

        @Override
        String done() {
            return "restarting";
        }
    }
}
