package dev.grid.server.impl.job;

import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.server.impl.Await;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@code grid job submit JAR [--class MAIN] [--name NAME] [-- ARGS...]}: runs a jar's main class against the cluster. */
@Command(name = "submit", mixinStandardHelpOptions = true, header = "run a jar's main class, which submits Jet jobs to the cluster",
        description = {"Runs the main class of JAR (--class, else the Main-Class of its manifest) in this JVM, connected as a client to the "
                + "cluster. The class reaches the cluster through Hazelcast.bootstrappedInstance() (or Jet.bootstrappedInstance()), as with "
                + "Hazelcast's own 'hz-cli submit'; every job it submits from its main thread gets JAR attached, so that the members load the "
                + "job's classes from it, and --name if given. Then it waits up to 10 s for each job to start and prints its id and status. "
                + "A job whose classes the members cannot load fails with the class's name (exit code 1). Options for the main class go after '--'.",
                "",
                "  grid job submit pipeline.jar --name orders-per-minute -- --window 60"})
final class JobSubmitCommand extends JobClientCommand {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<JobStatus> STARTING = EnumSet.of(JobStatus.NOT_RUNNING, JobStatus.STARTING);

    @Parameters(index = "0", paramLabel = "JAR", description = "the jar with the job's classes and the main class that submits it")
    private Path jar;
    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the main class's arguments (after '--' when they start with '-')")
    private List<String> args = new ArrayList<>();
    @Option(names = "--class", paramLabel = "MAIN", description = "the main class (default: the Main-Class of the jar's manifest)")
    private String mainClass;
    @Option(names = "--name", paramLabel = "NAME", description = "the name of the jobs the main class submits (default: theirs)")
    private String name;
    private JarMain main;

    JobSubmitCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    void prepare() {
        if (name != null && name.isBlank()) {
            throw new BadJobArgument("--name must not be blank");
        }
        main = JarMain.check(jar, mainClass);
    }

    @Override
    int run(Grid grid, JetService jet) {
        List<Job> jobs = JarSubmission.run(grid.hazelcast(), main, name, args);
        if (jobs.isEmpty()) {
            throw new GridException("main of class " + main.className() + " (jar " + main.jar() + ") returned without submitting a job");
        }
        int code = GridCommand.OK;
        for (Job job : jobs) {
            Await.until(START_TIMEOUT, () -> !STARTING.contains(job.getStatus()));
            JobStatus status = job.getStatus();
            if (status == JobStatus.FAILED) {
                err.println(spec.qualifiedName() + ": job " + JobActionCommand.label(job) + " failed: " + failure(job));
                code = GridCommand.FAILED;
            } else {
                out.println("submitted job " + JobActionCommand.label(job) + ": " + status);
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    private static String failure(Job job) {
        try {
            job.getFuture().get(1, TimeUnit.SECONDS);
            return "(no reason given)";
        } catch (ExecutionException e) {
            return JetErrors.describe(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        } catch (Exception e) {
            return JetErrors.describe(e);
        }
    }
}
