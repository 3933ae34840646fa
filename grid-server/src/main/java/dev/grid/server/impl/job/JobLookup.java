package dev.grid.server.impl.job;

import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.Util;
import dev.grid.core.GridException;

import java.util.regex.Pattern;

/** Finds a job by the id {@code grid job list} prints ({@code 0a1b-2c3d-4e5f-6789}) or by its name. */
final class JobLookup {
    private static final Pattern ID = Pattern.compile("\\p{XDigit}{4}(-\\p{XDigit}{4}){3}");

    private JobLookup() {
    }

    /**
     * @param jet the cluster's Jet
     * @param idOrName a job's id or name
     * @return the job: by id, else the active job of that name (else the newest one)
     * @throws GridException naming the job when there is none
     */
    static Job find(JetService jet, String idOrName) {
        Job job = null;
        if (ID.matcher(idOrName).matches()) {
            job = jet.getJob(Util.idFromString(idOrName));
        }
        if (job == null) {
            job = jet.getJob(idOrName);
        }
        if (job == null || job.isLightJob()) {
            throw new GridException("no job with the id or name '" + idOrName + "' ('grid job list' lists the jobs)");
        }
        return job;
    }
}
