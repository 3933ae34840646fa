package dev.grid.server.impl.job;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastBootstrap;
import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import dev.grid.core.GridException;

import java.lang.reflect.InvocationTargetException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a jar's main class as Hazelcast's {@code hz-cli submit} does: the class finds the cluster through
 * {@code Hazelcast.bootstrappedInstance()} (or {@code Jet.bootstrappedInstance()}), here a grid client, and every job
 * it submits from its main thread gets the jar attached ({@code JobConfig.addJar}) and the {@code --name}. Hazelcast's
 * bootstrap is internal: this class is the only one that touches it. The client is grid's to close: the main class
 * calling {@code shutdown()} on it does nothing.
 */
final class JarSubmission {
    private static final Object BOOTSTRAP = new Object();

    private JarSubmission() {
    }

    /**
     * @param hazelcast the client the main class gets
     * @param main      the checked jar and main class
     * @param jobName   the name every job gets, or null for the main class's
     * @param args      the main class's arguments
     * @return the jobs it submitted, in the order Jet lists them
     * @throws GridException naming the class and the jar when main throws
     */
    static List<Job> run(HazelcastInstance hazelcast, JarMain main, String jobName, List<String> args) {
        JetService jet = hazelcast.getJet();
        Set<Long> before = new HashSet<>();
        jet.getJobs().forEach(job -> before.add(job.getId()));
        synchronized (BOOTSTRAP) { // one bootstrapped instance per JVM: Hazelcast keeps it in a static
            HazelcastBootstrap.resetRemembered();
            try {
                HazelcastBootstrap.executeJarOnMember(() -> hazelcast, main.jar().toString(), null, jobName, main.className(), args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new GridException("main of class " + main.className() + " (jar " + main.jar() + ") failed: " + JetErrors.describe(cause)
                        + JetErrors.notAttached(cause, main), cause);
            } catch (Exception e) {
                throw new GridException("class " + main.className() + " of jar " + main.jar() + " could not be run: " + JetErrors.describe(e), e);
            } finally {
                HazelcastBootstrap.resetRemembered();
            }
        }
        return jet.getJobs().stream().filter(job -> !job.isLightJob() && !before.contains(job.getId())).toList();
    }
}
