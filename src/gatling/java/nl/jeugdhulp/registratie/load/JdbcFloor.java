package nl.jeugdhulp.registratie.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The floor for the saves: the rows the application writes for a create, an edit and a close (the
 * trajectory, its CAP-J code and one audit record per save, one transaction each), written with
 * plain PreparedStatements from {@code threads} threads, one connection each, against the same
 * database. Each thread works as one of the load-test supporters and first saves one unmeasured
 * trajectory to warm its connection. Two ways: {@link #run} without think time (every thread saves as
 * fast as it can, so the statements queue on each other: a saturation figure), and {@link #paced} with
 * the simulation's think time between the saves (the same arrival pattern as the users': the floor
 * the application's latencies are compared with).
 */
final class JdbcFloor {

    record Percentiles(double p50, double p95, double p99) {
    }

    record Result(int threads, int trajectories, double seconds, Map<String, Percentiles> byOperation) {
    }

    private JdbcFloor() {
    }

    /** As fast as possible: {@code trajectories} create-edit-close cycles shared by the threads. */
    static Result run(int threads, int trajectories) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return run(threads, () -> next.getAndIncrement() < trajectories, pauses -> { });
    }

    /**
     * Like the simulation's supporters: between the saves each thread waits as many think times
     * ({@code pauseMin}..{@code pauseMax}) as a supporter's pages between them (create, view and edit
     * form: two; close form: one; view, worklist and new form: three), until {@code duration} is over.
     */
    static Result paced(int threads, Duration duration, Duration pauseMin, Duration pauseMax) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        return run(threads, () -> System.nanoTime() < end, pauses -> {
            long millis = 0;
            for (int i = 0; i < pauses; i++) {
                millis += ThreadLocalRandom.current().nextLong(pauseMin.toMillis(), pauseMax.toMillis() + 1);
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Think time: a number of pauses. */
    private interface Think {
        void pause(int pauses);
    }

    private static Result run(int threads, BooleanSupplier another, Think think) throws Exception {
        List<String[]> supporters = new ArrayList<>();
        String capj;
        try (Connection c = LoadAccounts.connect();
             PreparedStatement s = c.prepareStatement("""
                     SELECT s.id, sp.practice_id, u.id, u.username FROM supporter s JOIN app_user u ON u.id = s.user_id
                       JOIN supporter_practice sp ON sp.supporter_id = s.id
                      WHERE u.username LIKE 'load%' ORDER BY u.username, sp.practice_id""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (supporters.isEmpty() || !supporters.get(supporters.size() - 1)[3].equals(r.getString(4))) {
                    supporters.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)});
                }
            }
            try (PreparedStatement code = c.prepareStatement("SELECT code FROM capj_code ORDER BY code LIMIT 1");
                 ResultSet cr = code.executeQuery()) {
                cr.next();
                capj = cr.getString(1);
            }
        }
        if (supporters.isEmpty()) {
            throw new IllegalStateException("No load-test supporters (load01..) in the database");
        }
        AtomicInteger cycles = new AtomicInteger();
        long[][] create = new long[threads][];
        long[][] edit = new long[threads][];
        long[][] close = new long[threads][];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long began = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            String[] supporter = supporters.get(t % supporters.size());
            futures.add(pool.submit(() -> {
                List<Long> cs = new ArrayList<>();
                List<Long> es = new ArrayList<>();
                List<Long> xs = new ArrayList<>();
                try (Connection c = LoadAccounts.connect()) {
                    c.setAutoCommit(false);
                    // One unmeasured trajectory per connection first, as the application's pool is warm.
                    saveOne(c, supporter, capj, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), pauses -> { });
                    // Paced: a random think time first, so the threads' first saves do not all fall in one
                    // instant (that burst made the create's p95 until 2026-11-23); unpaced: nothing.
                    think.pause(3);
                    while (another.getAsBoolean()) {
                        saveOne(c, supporter, capj, cs, es, xs, think);
                        cycles.incrementAndGet();
                    }
                }
                create[thread] = cs.stream().mapToLong(Long::longValue).toArray();
                edit[thread] = es.stream().mapToLong(Long::longValue).toArray();
                close[thread] = xs.stream().mapToLong(Long::longValue).toArray();
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        Map<String, Percentiles> by = new LinkedHashMap<>();
        by.put("create (save)", percentiles(create));
        by.put("edit (save)", percentiles(edit));
        by.put("close (save)", percentiles(close));
        return new Result(threads, cycles.get(), seconds, by);
    }

    private static void saveOne(Connection c, String[] supporter, String capj, List<Long> cs, List<Long> es,
                                List<Long> xs, Think think) throws SQLException {
        long supporterId = Long.parseLong(supporter[0]);
        long practiceId = Long.parseLong(supporter[1]);
        long userId = Long.parseLong(supporter[2]);
        String username = supporter[3];
        LocalDate today = LocalDate.now();
        long t0 = System.nanoTime();
        long id;
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO trajectory (supporter_id, practice_id, private_reference, birth_month, birth_year, gender,
                    start_date, help_request, diagnosis_question, applicants, contacts, last_contact_date,
                    interventions, consultations)
                VALUES (?, ?, 'floor', 5, ?, 'V', ?, ?, 'GEEN', ?, 1, ?, ?, ?) RETURNING id""")) {
            s.setLong(1, supporterId);
            s.setLong(2, practiceId);
            s.setInt(3, today.getYear() - 11);
            s.setDate(4, Date.valueOf(today));
            s.setString(5, "Zorgen over slapen en somberheid; ouders vragen advies.");
            s.setArray(6, array(c, "OUDERS"));
            s.setDate(7, Date.valueOf(today));
            s.setArray(8, array(c, "ONDERSTEUNENDE_GESPREKKEN"));
            s.setArray(9, array(c));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (?, 1, ?)")) {
            s.setLong(1, id);
            s.setString(2, capj);
            s.executeUpdate();
        }
        audit(c, userId, username, "C", "TRAJECTORY_CREATED", id);
        c.commit();
        long t1 = System.nanoTime();
        think.pause(2);
        long t1b = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE trajectory SET contacts = 2, help_request = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = 0""")) {
            s.setString(1, "Zorgen over slapen en somberheid; ouders vragen advies.");
            s.setLong(2, id);
            check(s.executeUpdate());
        }
        audit(c, userId, username, "U", "TRAJECTORY_UPDATED", id);
        c.commit();
        long t2 = System.nanoTime();
        think.pause(1);
        long t2b = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE trajectory SET end_date = ?, outcome = 'ZELF_AFGEROND', contacts = 3, consultations = ?,
                       updated_at = now(), version = version + 1
                 WHERE id = ? AND version = 1""")) {
            s.setDate(1, Date.valueOf(today));
            s.setArray(2, array(c, "HUISARTS"));
            s.setLong(3, id);
            check(s.executeUpdate());
        }
        audit(c, userId, username, "U", "TRAJECTORY_CLOSED", id);
        c.commit();
        long t3 = System.nanoTime();
        cs.add(t1 - t0);
        es.add(t2 - t1b);
        xs.add(t3 - t2b);
        think.pause(3);
    }

    private static void audit(Connection c, long userId, String username, String action, String type, long id)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO audit_event (user_id, username, role, action, event_type, object_type, object_id,
                                         pilot_id, source_address, outcome, details, on_behalf_of)
                VALUES (?, ?, 'PRAKTIJKONDERSTEUNER', ?, ?, 'TRAJECTORY', ?, NULL, '127.0.0.1', 'SUCCESS', NULL, NULL)""")) {
            s.setLong(1, userId);
            s.setString(2, username);
            s.setString(3, action);
            s.setString(4, type);
            s.setString(5, String.valueOf(id));
            s.executeUpdate();
        }
    }

    private static Array array(Connection c, String... values) throws SQLException {
        return c.createArrayOf("varchar", values);
    }

    private static void check(int updated) throws SQLException {
        if (updated != 1) {
            throw new SQLException("Expected one row, updated " + updated);
        }
    }

    private static Percentiles percentiles(long[][] perThread) {
        long[] all = Arrays.stream(perThread).filter(a -> a != null).flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new Percentiles(0, 0, 0);
        }
        return new Percentiles(at(all, 0.50), at(all, 0.95), at(all, 0.99));
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double at(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
