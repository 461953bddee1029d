package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
import java.util.function.IntConsumer;
import nl.jeugdhulp.registratie.account.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Imports run as background jobs so the upload request does not hang: a small bounded pool (a full
 * queue refuses a new import instead of piling up). The job runs in the instance that started it,
 * with the user's security context (so its audit record names them); its status, progress, result
 * and rejected-rows file are in the database ({@link ImportStore}), so any instance answers a poll
 * or a download. A job belongs to the user who started it.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** Progress is written at most this often (and every {@value #PROGRESS_ROWS} rows at the latest). */
    private static final long PROGRESS_MILLIS = 500;
    private static final int PROGRESS_ROWS = 5000;

    /** A job as the pages show it, read from the database. */
    public static final class Job {
        private final ImportStore.JobRow row;

        Job(ImportStore.JobRow row) {
            this.row = row;
        }

        public String getId() {
            return row.id().toString();
        }

        public String getFileName() {
            return row.fileName();
        }

        public ImportStore.State getState() {
            return row.state();
        }

        public boolean isFinished() {
            return row.state() == ImportStore.State.DONE || row.state() == ImportStore.State.FAILED;
        }

        public int getTotal() {
            return row.total();
        }

        public int getProcessed() {
            return Math.min(row.processed(), row.total());
        }

        public int getPercent() {
            return row.state() == ImportStore.State.DONE ? 100 : (int) (100L * getProcessed() / row.total());
        }

        public boolean isValidOnly() {
            return row.validOnly();
        }

        /** Whether the import stored anything; null while it runs. */
        public Boolean getWritten() {
            return row.written();
        }

        public int getCreated() {
            return row.created() == null ? 0 : row.created();
        }

        public int getUpdated() {
            return row.updated() == null ? 0 : row.updated();
        }

        /** What the import did, once done. */
        public ImportPlan getPlan() {
            return row.plan();
        }

        public boolean isRejectedAvailable() {
            return row.hasRejected();
        }

        public String getError() {
            return row.error();
        }

        UUID uuid() {
            return row.id();
        }
    }

    private final TrajectoryImport imports;
    private final ImportStore store;
    private final MessageSource messages;
    private final ThreadPoolExecutor executor;
    /** Jobs running in this instance, only to let scripts and tests wait for them; the state is in the database. */
    private final Map<UUID, Future<?>> local = new ConcurrentHashMap<>();

    ImportJobs(TrajectoryImport imports, ImportStore store, MessageSource messages,
               @Value("${app.import.threads:2}") int threads, @Value("${app.import.queue:8}") int queue) {
        this.imports = imports;
        this.store = store;
        this.messages = messages;
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
     * Starts the import of a checked upload (deleted once the job has read it); messages in {@code locale}.
     *
     * @throws RejectedExecutionException when too many imports are waiting
     */
    String start(CurrentUser user, ImportStore.Upload upload, boolean validOnly, Map<String, String> accountChoices,
                 Locale locale) {
        UUID id = store.createJob(user.id(), upload, validOnly, upload.plan().totalRows());
        // A copy: logging out clears the session's context object, and the job must still name its user.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            // Registered before it can finish, removed by the job itself when done.
            synchronized (local) {
                local.put(id, executor.submit(() -> execute(id, context, upload, validOnly, accountChoices, locale)));
            }
        } catch (RejectedExecutionException e) {
            store.deleteJob(id);
            throw e;
        }
        return id.toString();
    }

    private void execute(UUID id, SecurityContext context, ImportStore.Upload upload, boolean validOnly,
                         Map<String, String> accountChoices, Locale locale) {
        SecurityContextHolder.setContext(context);
        Path file = null;
        try {
            store.running(id);
            file = Files.createTempFile("jeugdhulp-import-job-", ".upload");
            if (!store.copyUpload(upload.id(), file)) {
                store.failed(id, messages.getMessage("import.error.uploadGone", null, locale));
                return;
            }
            store.deleteUpload(upload.id());
            TrajectoryImport.Result result = imports.run(upload.target(), file, upload.fileName(), validOnly,
                    accountChoices, progress(id), null, locale);
            try {
                store.done(id, result);
            } finally {
                if (result.rejectedFile() != null) {
                    ImportFiles.delete(result.rejectedFile());
                }
            }
        } catch (ImportFileException e) {
            store.failed(id, e.message(messages, locale));
        } catch (DataAccessException e) {
            log.warn("Import {} refused by the database", id, e);
            store.failed(id, messages.getMessage("import.error.database", null, locale));
        } catch (IOException | RuntimeException e) {
            log.error("Import {} failed", id, e);
            try {
                store.failed(id, messages.getMessage("import.error.application", null, locale));
            } catch (RuntimeException again) {
                log.error("Import {}: the failure could not be recorded", id, again);
            }
        } finally {
            if (file != null) {
                ImportFiles.delete(file);
            }
            SecurityContextHolder.clearContext();
            synchronized (local) {
                local.remove(id);
            }
        }
    }

    /** Writes the progress to the database now and then, not per row. */
    private IntConsumer progress(UUID id) {
        return new IntConsumer() {
            private long last = System.currentTimeMillis();
            private int lastRows;

            @Override
            public void accept(int processed) {
                long now = System.currentTimeMillis();
                if (now - last >= PROGRESS_MILLIS || processed - lastRows >= PROGRESS_ROWS) {
                    last = now;
                    lastRows = processed;
                    store.progress(id, processed);
                }
            }
        };
    }

    /** The job if it exists and belongs to this user; another user's job is as unknown as a missing one. */
    Optional<Job> find(String id, CurrentUser user) {
        return store.findJob(id, user.id()).map(Job::new);
    }

    /** The one-time passwords of the accounts the job created, handed out once. */
    List<ImportStore.NewAccount> takePasswords(Job job, CurrentUser user) {
        return store.takePasswords(job.uuid(), user.id());
    }

    /** Waits until job {@code id} has finished, if it runs in this instance (scripts' and tests' view). */
    void awaitFinished(String id, Duration timeout) throws InterruptedException, TimeoutException {
        UUID uuid = ImportStore.uuid(id);
        Future<?> future;
        synchronized (local) {
            future = uuid == null ? null : local.get(uuid);
        }
        if (future != null) {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // The job records its own failure.
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
