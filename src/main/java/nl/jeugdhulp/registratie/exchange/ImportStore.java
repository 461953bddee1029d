package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import's state in PostgreSQL (V8), so every instance behind the load balancer answers for it:
 * the checked upload (file, target, dry-run plan), the jobs (status, progress, result, one-time
 * passwords) and the rejected-rows file. Files go in and out as 1 MB chunks, never whole in memory.
 * Every read is scoped to the owner: another user's id is as unknown as a missing one. Writes run
 * in their own transaction (REQUIRES_NEW): progress written from inside the import's long
 * transaction must be visible to other instances at once.
 */
@Component
class ImportStore {

    static final int CHUNK = 1024 * 1024;
    /** A checked upload waits this long for "Importeren" (longer than a session may be idle). */
    static final Duration UPLOAD_KEEP = Duration.ofHours(2);
    /** A job that has not finished yet is kept at most this long. */
    static final Duration JOB_KEEP_RUNNING = Duration.ofDays(1);
    /** A finished job (with its result and rejected rows) is kept this long. */
    static final Duration JOB_KEEP_FINISHED = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(ImportStore.class);

    enum State { WAITING, RUNNING, DONE, FAILED }

    /** A checked upload waiting to be imported. */
    record Upload(UUID id, long ownerId, String fileName, ImportTarget target, ImportPlan plan) {
    }

    /** A new account's one-time password, shown once on the job page. */
    record NewAccount(String username, String password) {
    }

    /** A job as stored; {@code plan} is the result once done. */
    record JobRow(UUID id, long ownerId, String fileName, boolean validOnly, State state, int total, int processed,
                  Boolean written, Integer created, Integer updated, ImportPlan plan, String error,
                  boolean hasRejected) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ImportStore(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // ---- uploads

    /** Stores a checked upload, replacing the user's earlier pending one (one at a time, as on the page). */
    Upload saveUpload(long ownerId, Path file, String fileName, ImportTarget target, ImportPlan plan) {
        UUID id = UUID.randomUUID();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM import_upload u WHERE owner_id = :o AND NOT EXISTS "
                    + "(SELECT 1 FROM import_job j WHERE j.upload_id = u.id)").param("o", ownerId).update();
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbc.sql("""
                            INSERT INTO import_upload (id, owner_id, file_name, size_bytes, target, plan, expires_at)
                            VALUES (:id, :o, :name, :size, CAST(:target AS jsonb), CAST(:plan AS jsonb), :expires)""")
                    .param("id", id).param("o", ownerId).param("name", fileName).param("size", size)
                    .param("target", json.writeValueAsString(target)).param("plan", json.writeValueAsString(plan))
                    .param("expires", Timestamp.from(now().plus(UPLOAD_KEEP))).update();
            writeChunks("INSERT INTO import_upload_chunk (upload_id, seq, data) VALUES (:id, :seq, :data)", id, file);
        });
        return new Upload(id, ownerId, fileName, target, plan);
    }

    /** The user's pending upload with this id (not yet taken by a job, not expired). */
    Optional<Upload> findUpload(String id, long ownerId) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT u.id, u.owner_id, u.file_name, u.target::text AS target, u.plan::text AS plan FROM import_upload u
                         WHERE u.id = :id AND u.owner_id = :o AND u.expires_at > :now
                           AND NOT EXISTS (SELECT 1 FROM import_job j WHERE j.upload_id = u.id)""")
                .param("id", uuid).param("o", ownerId).param("now", Timestamp.from(now()))
                .query((rs, n) -> new Upload(rs.getObject("id", UUID.class), rs.getLong("owner_id"),
                        rs.getString("file_name"), json.readValue(rs.getString("target"), ImportTarget.class),
                        json.readValue(rs.getString("plan"), ImportPlan.class)))
                .optional();
    }

    /** Copies the upload's file into {@code target}, chunk by chunk; false when it is gone. */
    boolean copyUpload(UUID id, Path target) {
        return copyChunks("SELECT data FROM import_upload_chunk WHERE upload_id = :id AND seq = :seq", id, target);
    }

    void deleteUpload(UUID id) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("DELETE FROM import_upload WHERE id = :id").param("id", id).update());
    }

    // ---- jobs

    /** A new waiting job for a pending upload; the upload is now the job's (another job cannot take it). */
    UUID createJob(long ownerId, Upload upload, boolean validOnly, int totalRows) {
        UUID id = UUID.randomUUID();
        ownTransaction.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO import_job (id, owner_id, upload_id, file_name, valid_only, status, total_rows, expires_at)
                            VALUES (:id, :o, :u, :name, :valid, 'WAITING', :total, :expires)""")
                    .param("id", id).param("o", ownerId).param("u", upload.id()).param("name", upload.fileName())
                    .param("valid", validOnly).param("total", Math.max(totalRows, 1))
                    .param("expires", Timestamp.from(now().plus(JOB_KEEP_RUNNING))).update();
            jdbc.sql("UPDATE import_upload SET expires_at = :e WHERE id = :u")
                    .param("e", Timestamp.from(now().plus(JOB_KEEP_RUNNING))).param("u", upload.id()).update();
        });
        return id;
    }

    void deleteJob(UUID id) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("DELETE FROM import_job WHERE id = :id").param("id", id).update());
    }

    void running(UUID id) {
        update("UPDATE import_job SET status = 'RUNNING', updated_at = :now WHERE id = :id", id);
    }

    void progress(UUID id, int processed) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql(
                        "UPDATE import_job SET processed_rows = LEAST(:p, total_rows), updated_at = :now WHERE id = :id")
                .param("p", processed).param("now", Timestamp.from(now())).param("id", id).update());
    }

    /** Stores what the import did and its rejected-rows file (may be null), and starts the finished job's hour. */
    void done(UUID id, TrajectoryImport.Result result) {
        List<NewAccount> accounts = result.newAccounts().stream()
                .map(a -> new NewAccount(a.username(), a.password())).toList();
        ownTransaction.executeWithoutResult(s -> {
            long rejectedSize = 0;
            if (result.rejectedFile() != null) {
                rejectedSize = writeChunks("INSERT INTO import_job_rejected_chunk (job_id, seq, data) VALUES (:id, :seq, :data)",
                        id, result.rejectedFile());
            }
            jdbc.sql("""
                            UPDATE import_job SET status = 'DONE', written = :w, created_count = :c, updated_count = :u,
                                   processed_rows = total_rows, result = CAST(:plan AS jsonb),
                                   new_accounts = CAST(:accounts AS jsonb), rejected_size = :rs,
                                   updated_at = :now, expires_at = :expires
                             WHERE id = :id""")
                    .param("w", result.written()).param("c", result.created()).param("u", result.updated())
                    .param("plan", json.writeValueAsString(result.plan()))
                    .param("accounts", accounts.isEmpty() ? null : json.writeValueAsString(accounts))
                    .param("rs", result.rejectedFile() == null ? null : rejectedSize)
                    .param("now", Timestamp.from(now())).param("expires", Timestamp.from(now().plus(JOB_KEEP_FINISHED)))
                    .param("id", id).update();
        });
    }

    void failed(UUID id, String message) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                        UPDATE import_job SET status = 'FAILED', error = :e, updated_at = :now, expires_at = :expires
                         WHERE id = :id""")
                .param("e", message).param("now", Timestamp.from(now()))
                .param("expires", Timestamp.from(now().plus(JOB_KEEP_FINISHED))).param("id", id).update());
    }

    /** The job if it exists and belongs to this user; another user's job is as unknown as a missing one. */
    Optional<JobRow> findJob(String id, long ownerId) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, owner_id, file_name, valid_only, status, total_rows, processed_rows, written, created_count,
                               updated_count, result::text AS result, error, rejected_size
                          FROM import_job WHERE id = :id AND owner_id = :o""")
                .param("id", uuid).param("o", ownerId)
                .query((rs, n) -> {
                    String plan = rs.getString("result");
                    return new JobRow(rs.getObject("id", UUID.class), rs.getLong("owner_id"), rs.getString("file_name"),
                            rs.getBoolean("valid_only"), State.valueOf(rs.getString("status")), rs.getInt("total_rows"),
                            rs.getInt("processed_rows"), (Boolean) rs.getObject("written"),
                            (Integer) rs.getObject("created_count"), (Integer) rs.getObject("updated_count"),
                            plan == null ? null : json.readValue(plan, ImportPlan.class), rs.getString("error"),
                            rs.getObject("rejected_size") != null);
                })
                .optional();
    }

    /** The one-time passwords of the job's new accounts, handed out once (cleared in the same statement). */
    List<NewAccount> takePasswords(UUID id, long ownerId) {
        String accounts = ownTransaction.execute(s -> jdbc.sql("""
                        WITH old AS (SELECT id, new_accounts FROM import_job WHERE id = :id AND owner_id = :o FOR UPDATE)
                        UPDATE import_job j SET new_accounts = NULL FROM old WHERE j.id = old.id
                        RETURNING old.new_accounts::text""")
                .param("id", id).param("o", ownerId).query(String.class).optional().orElse(null));
        return accounts == null ? List.of() : json.readValue(accounts, new TypeReference<List<NewAccount>>() { });
    }

    /** Streams the job's rejected-rows file to {@code out}, one chunk at a time. */
    void writeRejected(UUID id, OutputStream out) throws IOException {
        for (int seq = 0; ; seq++) {
            Optional<byte[]> chunk = jdbc.sql("SELECT data FROM import_job_rejected_chunk WHERE job_id = :id AND seq = :seq")
                    .param("id", id).param("seq", seq).query(byte[].class).optional();
            if (chunk.isEmpty()) {
                return;
            }
            out.write(chunk.get());
        }
    }

    // ---- sweep

    /**
     * Deletes expired uploads and jobs (with their files, by cascade). Every instance runs it; the
     * deletes do not conflict. A job left unfinished by an instance that stopped expires after a day.
     */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void sweep() {
        Map<String, Integer> deleted = sweep(now());
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            log.info("Import sweep: {}", deleted);
        }
    }

    Map<String, Integer> sweep(Instant moment) {
        Timestamp at = Timestamp.from(moment);
        return ownTransaction.execute(s -> Map.of(
                "jobs", jdbc.sql("DELETE FROM import_job WHERE expires_at <= :at").param("at", at).update(),
                "uploads", jdbc.sql("DELETE FROM import_upload WHERE expires_at <= :at").param("at", at).update()));
    }

    // ---- helpers

    private void update(String sql, UUID id) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql(sql).param("now", Timestamp.from(now())).param("id", id).update());
    }

    private long writeChunks(String insert, UUID id, Path file) {
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            for (int seq = 0; ; seq++) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n == 0) {
                    return size;
                }
                size += n;
                jdbc.sql(insert).param("id", id).param("seq", seq)
                        .param("data", n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n)).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean copyChunks(String select, UUID id, Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            boolean any = false;
            for (int seq = 0; ; seq++) {
                Optional<byte[]> chunk = jdbc.sql(select).param("id", id).param("seq", seq).query(byte[].class).optional();
                if (chunk.isEmpty()) {
                    return any || exists(id);
                }
                any = true;
                out.write(chunk.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty file has no chunks: it still exists when its upload row does. */
    private boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM import_upload WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    static UUID uuid(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
