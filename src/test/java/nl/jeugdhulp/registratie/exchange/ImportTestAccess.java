package nl.jeugdhulp.registratie.exchange;

import java.time.Duration;
import org.springframework.stereotype.Component;

/** Lets tests outside this package wait for an import job (ImportJobs is package-private). */
@Component
public class ImportTestAccess {

    private final ImportJobs jobs;

    ImportTestAccess(ImportJobs jobs) {
        this.jobs = jobs;
    }

    public void await(String jobId) throws Exception {
        jobs.awaitFinished(jobId, Duration.ofMinutes(5));
    }
}
