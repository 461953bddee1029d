package nl.jeugdhulp.registratie.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.jeugdhulp.registratie.account.AccountService;
import nl.jeugdhulp.registratie.account.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Imports run as background jobs so the upload request does not hang: a small bounded pool (a full
 * queue refuses a new import instead of piling up), a job per import with its progress, result and
 * rejected-rows file. A job belongs to the user who started it; it runs with that user's security
 * context, so its audit record names them. Finished jobs are forgotten (and their files deleted)
 * after an hour.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    public enum State { WAITING, RUNNING, DONE, FAILED }

    /** One import: who started it, how far it is, and what came out. */
    public static final class Job {
        private final String id = UUID.randomUUID().toString();
        private final long ownerId;
        private final String fileName;
        private final int total;
        private final boolean validOnly;
        private final AtomicInteger processed = new AtomicInteger();
        private volatile State state = State.WAITING;
        private volatile TrajectoryImport.Result result;
        private volatile String error;
        private volatile Instant finishedAt;
        private volatile List<AccountService.InitialPassword> passwords = List.of();
        private Future<?> future;

        Job(long ownerId, String fileName, int total, boolean validOnly) {
            this.ownerId = ownerId;
            this.fileName = fileName;
            this.total = Math.max(total, 1);
            this.validOnly = validOnly;
        }

        public String getId() {
            return id;
        }

        public String getFileName() {
            return fileName;
        }

        public State getState() {
            return state;
        }

        public boolean isFinished() {
            return state == State.DONE || state == State.FAILED;
        }

        public int getTotal() {
            return total;
        }

        public int getProcessed() {
            return Math.min(processed.get(), total);
        }

        public int getPercent() {
            return state == State.DONE ? 100 : (int) (100L * getProcessed() / total);
        }

        public boolean isValidOnly() {
            return validOnly;
        }

        public TrajectoryImport.Result getResult() {
            return result;
        }

        public String getError() {
            return error;
        }

        /** The initial passwords of accounts this import created, handed out once. */
        synchronized List<AccountService.InitialPassword> takePasswords() {
            List<AccountService.InitialPassword> out = passwords;
            passwords = List.of();
            return out;
        }

        /** Waits until the job has finished (for scripts and tests); no effect on the job itself. */
        void await(Duration timeout) throws InterruptedException, TimeoutException {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // The job records its own failure.
            }
        }
    }

    private final TrajectoryImport imports;
    private final ThreadPoolExecutor executor;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ImportJobs(TrajectoryImport imports, @Value("${app.import.threads:2}") int threads,
               @Value("${app.import.queue:8}") int queue) {
        this.imports = imports;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "import-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts the import of {@code file} (deleted when the job ends).
     *
     * @throws RejectedExecutionException when too many imports are waiting
     */
    Job start(CurrentUser user, ImportTarget target, Path file, String fileName, boolean validOnly,
              Map<String, String> accountChoices, int totalRows) {
        cleanUp();
        Job job = new Job(user.id(), fileName, totalRows, validOnly);
        // A copy: logging out clears the session's context object, and the job must still name its user.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        jobs.put(job.id, job);
        try {
            job.future = executor.submit(() -> execute(job, context, target, file, accountChoices));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id);
            ImportUploads.delete(file);
            throw e;
        }
        return job;
    }

    private void execute(Job job, SecurityContext context, ImportTarget target, Path file,
                         Map<String, String> accountChoices) {
        SecurityContextHolder.setContext(context);
        job.state = State.RUNNING;
        try {
            TrajectoryImport.Result result = imports.run(target, file, job.fileName, job.validOnly, accountChoices,
                    job.processed::set, null);
            job.passwords = result.newAccounts();
            job.result = result;
            job.state = State.DONE;
        } catch (ImportFileException e) {
            fail(job, e.getMessage());
        } catch (DataAccessException e) {
            log.warn("Import {} refused by the database", job.id, e);
            fail(job, "Tijdens het importeren weigerde de database een rij (de gegevens zijn intussen gewijzigd?); "
                    + "er is niets geïmporteerd. Controleer en importeer het bestand opnieuw.");
        } catch (RuntimeException e) {
            log.error("Import {} failed", job.id, e);
            fail(job, "Het importeren is mislukt door een fout in de toepassing; er is niets geïmporteerd.");
        } finally {
            job.finishedAt = Instant.now();
            ImportUploads.delete(file);
            SecurityContextHolder.clearContext();
        }
    }

    private static void fail(Job job, String message) {
        job.error = message;
        job.state = State.FAILED;
    }

    /** The job if it exists and belongs to this user; another user's job is as unknown as a missing one. */
    Optional<Job> find(String id, CurrentUser user) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.ownerId == user.id());
    }

    /** Waits until job {@code id} has finished, whoever started it (scripts' and tests' view). */
    void awaitFinished(String id, Duration timeout) throws InterruptedException, TimeoutException {
        Job job = jobs.get(id);
        if (job != null) {
            job.await(timeout);
        }
    }

    private void cleanUp() {
        Instant limit = Instant.now().minus(KEEP);
        jobs.values().removeIf(job -> {
            boolean old = job.finishedAt != null && job.finishedAt.isBefore(limit);
            if (old && job.result != null && job.result.rejectedFile() != null) {
                ImportUploads.delete(job.result.rejectedFile());
            }
            return old;
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        jobs.values().forEach(job -> {
            if (job.result != null && job.result.rejectedFile() != null) {
                ImportUploads.delete(job.result.rejectedFile());
            }
        });
    }
}
