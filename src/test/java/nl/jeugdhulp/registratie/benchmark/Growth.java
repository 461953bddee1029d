package nl.jeugdhulp.registratie.benchmark;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grows the seeded demo (about 2,500 trajectories of 14 supporters) to national size inside
 * PostgreSQL: copy g of every demo trajectory moves back (g mod 10) years, with its birth year, so
 * ten years of registrations build up, and belongs to a copy of its supporter (one supporter copy
 * per ten trajectory copies), so the report groups as many supporters as a country would have. One
 * {@code INSERT … SELECT} per table and step, then {@code VACUUM ANALYZE}: no row travels through the JVM.
 */
final class Growth {

    private final JdbcClient jdbc;
    private final long demoRows;
    private final long stride;
    private int copies;

    Growth(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.demoRows = jdbc.sql("SELECT count(*) FROM trajectory").query(Long.class).single();
        long maxId = jdbc.sql("SELECT max(id) FROM trajectory").query(Long.class).single();
        this.stride = (maxId / 10_000 + 1) * 10_000;
        jdbc.sql("CREATE TABLE IF NOT EXISTS benchmark_supporter (original BIGINT, copy INTEGER, id BIGINT)").update();
    }

    /** Leaves this supporter out of the copies (the benchmark's import goes to a supporter of its own). */
    void exclude(long supporterId) {
        jdbc.sql("INSERT INTO benchmark_supporter (original, copy, id) VALUES (NULL, 0, :id)").param("id", supporterId).update();
    }

    /** Adds copies until about {@code size} trajectories exist; returns the milliseconds it took. */
    long growTo(long size) {
        long began = System.nanoTime();
        int wanted = (int) Math.max(0, Math.round((double) size / demoRows) - 1);
        if (wanted > copies) {
            supporters(wanted);
            String columns = columns("trajectory", List.of("id", "supporter_id", "start_date", "registration_date",
                    "last_contact_date", "end_date", "birth_year", "created_at", "updated_at"));
            jdbc.sql("""
                            INSERT INTO trajectory (id, supporter_id, start_date, registration_date, last_contact_date,
                                                    end_date, birth_year, created_at, updated_at, %1$s)
                            SELECT t.id + g * :stride, coalesce(bs.id, t.supporter_id),
                                   t.start_date - make_interval(years => g %% 10),
                                   t.registration_date - make_interval(years => g %% 10),
                                   t.last_contact_date - make_interval(years => g %% 10),
                                   t.end_date - make_interval(years => g %% 10),
                                   t.birth_year - g %% 10,
                                   t.created_at - make_interval(years => g %% 10),
                                   t.updated_at - make_interval(years => g %% 10), %2$s
                              FROM trajectory t
                              CROSS JOIN generate_series(:first, :last) g
                              LEFT JOIN benchmark_supporter bs ON bs.original = t.supporter_id AND bs.copy = g / 10
                             WHERE t.id < :stride""".formatted(columns, prefixed("t.", columns)))
                    .param("stride", stride).param("first", copies + 1).param("last", wanted).update();
            jdbc.sql("""
                            INSERT INTO trajectory_capj (trajectory_id, position, capj_code)
                            SELECT c.trajectory_id + g * :stride, c.position, c.capj_code
                              FROM trajectory_capj c CROSS JOIN generate_series(:first, :last) g
                             WHERE c.trajectory_id < :stride""")
                    .param("stride", stride).param("first", copies + 1).param("last", wanted).update();
            jdbc.sql("SELECT setval('trajectory_id_seq', (SELECT max(id) FROM trajectory))").query(Long.class).single();
            // VACUUM too: a live database is vacuumed, and the report's index-only scans (V15) need the
            // visibility map that a bulk insert leaves unset.
            jdbc.sql("VACUUM ANALYZE").update();
            // And written out: otherwise the checkpoint that follows a bulk load of this size (spread over
            // minutes by checkpoint_completion_target) writes and flushes its pages while the report is timed.
            jdbc.sql("CHECKPOINT").update();
            copies = wanted;
        }
        return (System.nanoTime() - began) / 1_000_000;
    }

    /** Supporter copies 1..wanted/10 with their dated profiles and practices. */
    private void supporters(int wanted) {
        int have = jdbc.sql("SELECT coalesce(max(copy), 0) FROM benchmark_supporter").query(Integer.class).single();
        for (int copy = have + 1; copy <= wanted / 10; copy++) {
            jdbc.sql("""
                            INSERT INTO benchmark_supporter (original, copy, id)
                            SELECT s.id, :copy, nextval('supporter_id_seq') FROM supporter s
                             WHERE s.id NOT IN (SELECT id FROM benchmark_supporter)""")
                    .param("copy", copy).update();
        }
        jdbc.sql("""
                INSERT INTO supporter (id, code, pilot_id)
                SELECT bs.id, left(s.code, 12) || 'K' || bs.copy, s.pilot_id
                  FROM benchmark_supporter bs JOIN supporter s ON s.id = bs.original
                 WHERE NOT EXISTS (SELECT 1 FROM supporter x WHERE x.id = bs.id)""").update();
        String profile = columns("supporter_profile", List.of("id", "supporter_id"));
        jdbc.sql("""
                INSERT INTO supporter_profile (supporter_id, %1$s)
                SELECT bs.id, %2$s FROM supporter_profile p JOIN benchmark_supporter bs ON bs.original = p.supporter_id
                 WHERE NOT EXISTS (SELECT 1 FROM supporter_profile x WHERE x.supporter_id = bs.id)"""
                .formatted(profile, prefixed("p.", profile))).update();
        String practice = columns("supporter_practice", List.of("supporter_id"));
        jdbc.sql("""
                INSERT INTO supporter_practice (supporter_id, %1$s)
                SELECT bs.id, %2$s FROM supporter_practice p JOIN benchmark_supporter bs ON bs.original = p.supporter_id
                 WHERE NOT EXISTS (SELECT 1 FROM supporter_practice x WHERE x.supporter_id = bs.id)"""
                .formatted(practice, prefixed("p.", practice))).update();
    }

    /** The table's columns except those given, comma-separated, so copies follow later migrations. */
    private String columns(String table, List<String> except) {
        return String.join(", ", jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'NEVER'
                         ORDER BY ordinal_position""")
                .param("table", table).query(String.class).list().stream()
                .filter(column -> !except.contains(column)).toList());
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
