package nl.jeugdhulp.registratie.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.account.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The test database is shared with other tests that add their own pilots, so the demo is seeded once
 * per JVM through {@link DemoDataSeeder#seed()} and every query is limited to the demo pilots.
 */
@SpringBootTest
@ActiveProfiles("test")
class DemoDataSeederTest {

    private static final String DEMO = """
            SELECT t.*, pr.function_type, u.username
              FROM trajectory t
              JOIN supporter s ON s.id = t.supporter_id
              JOIN pilot p ON p.id = s.pilot_id
              JOIN supporter_profile pr ON pr.id = supporter_profile_at(s.id, t.start_date)
              LEFT JOIN app_user u ON u.id = s.user_id
             WHERE p.name IN ('Pilot Gooi en Vechtstreek', 'Pilot Zuid-Holland Noord')""";
    private static DemoDataSeeder.Seeded seeded;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ObjectProvider<Clock> clock;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void seedOnce() {
        synchronized (DemoDataSeederTest.class) {
            if (seeded == null) {
                seeded = seeder().seed();
            }
        }
    }

    private DemoDataSeeder seeder() {
        return new DemoDataSeeder(jdbc, accounts, transactionManager, clock);
    }

    @Test
    void analyzesAfterSeedingAndSmallTablesAreAnalyzedAfterAFewChanges() {
        // Without statistics for the dozen supporters the planner misjudged the report's joins (docs/performance.md).
        assertThat(jdbc.queryForList("""
                        SELECT relname FROM pg_stat_user_tables
                         WHERE relname IN ('trajectory', 'supporter', 'supporter_profile', 'practice')
                           AND last_analyze IS NOT NULL ORDER BY relname""", String.class))
                .containsExactly("practice", "supporter", "supporter_profile", "trajectory");
        assertThat(jdbc.queryForList("""
                        SELECT c.relname FROM pg_class c
                         WHERE 'autovacuum_analyze_threshold=5' = ANY (c.reloptions) ORDER BY c.relname""", String.class))
                .containsExactly("app_user", "capj_axis", "capj_code", "municipality", "pilot", "pilot_municipality",
                        "practice", "practice_discipline", "supporter", "supporter_practice", "supporter_profile",
                        "user_municipality", "user_pilot");
    }

    @Test
    void seedsTheOrganisationAndAFixedNumberOfTrajectories() {
        // Deterministic: the same counts whatever the day (dates are relative to today).
        assertThat(seeded).isEqualTo(new DemoDataSeeder.Seeded(2, 4, 9, 14, 7, 2500, 447, 3758));
        assertThat(count("SELECT count(*) FROM (" + DEMO + ") d")).isEqualTo(2500);
        assertThat(count("SELECT count(*) FROM (" + DEMO + ") d WHERE end_date IS NULL")).isEqualTo(447);
        assertThat(count("SELECT count(*) FROM trajectory_capj c JOIN (" + DEMO + ") d ON d.id = c.trajectory_id")).isEqualTo(3758);
        assertThat(jdbc.queryForList("""
                        SELECT m.cbs_code FROM pilot p JOIN pilot_municipality pm ON pm.pilot_id = p.id
                          JOIN municipality m ON m.id = pm.municipality_id
                         WHERE p.name = 'Pilot Gooi en Vechtstreek' ORDER BY m.cbs_code""", String.class))
                .containsExactly("GM0402", "GM1942");
        assertThat(count("""
                SELECT count(*) FROM practice pr JOIN pilot p ON p.id = pr.pilot_id
                 WHERE p.name IN ('Pilot Gooi en Vechtstreek', 'Pilot Zuid-Holland Noord')
                   AND number_of_gps BETWEEN 1 AND 6 AND registered_patients BETWEEN 2000 AND 12000
                   AND patients_under_18 BETWEEN registered_patients * 0.12 AND registered_patients * 0.25""")).isEqualTo(9);
        // Education per function type as table T1: POH mostly WO, SOH mostly WO+, OJG mostly HBO.
        assertThat(jdbc.queryForList("""
                        SELECT DISTINCT ON (function_type) function_type || ':' || education FROM (
                            SELECT function_type, education, count(*) AS n FROM supporter_profile sp
                              JOIN supporter s ON s.id = sp.supporter_id WHERE s.code ~ '^P0[0-9]{2}$'
                               AND sp.id = supporter_profile_at(s.id, current_date)
                             GROUP BY function_type, education) x
                         ORDER BY function_type, n DESC""", String.class))
                .containsExactly("OJG:HBO", "POH_JEUGD:WO", "SOH_JGGZ:WO_PLUS");
    }

    @Test
    void demoAccountsHaveTheirRoleScopeAndPassword() {
        Map<String, String> roles = Map.of("beheerder", "BEHEERDER", "projectleider", "PROJECTLEIDER", "gemeente", "GEMEENTE",
                "onderzoeker", "ONDERZOEKER", "poh", "PRAKTIJKONDERSTEUNER", "soh", "PRAKTIJKONDERSTEUNER",
                "ojg", "PRAKTIJKONDERSTEUNER");
        roles.forEach((username, role) -> {
            Map<String, Object> user = jdbc.queryForMap(
                    "SELECT role, password_hash, must_change_password, enabled FROM app_user WHERE username = ?", username);
            assertThat(user.get("role")).as(username).isEqualTo(role);
            assertThat(user.get("must_change_password")).as(username).isEqualTo(false);
            assertThat(user.get("enabled")).as(username).isEqualTo(true);
            assertThat(encoder.matches("demo-jeugdhulp", (String) user.get("password_hash"))).as(username).isTrue();
        });
        assertThat(jdbc.queryForList("""
                        SELECT p.name FROM user_pilot up JOIN app_user u ON u.id = up.user_id JOIN pilot p ON p.id = up.pilot_id
                         WHERE u.username = 'projectleider'""", String.class)).containsExactly("Pilot Gooi en Vechtstreek");
        assertThat(jdbc.queryForList("""
                        SELECT m.name || ' ' || m.cbs_code FROM user_municipality um JOIN app_user u ON u.id = um.user_id
                          JOIN municipality m ON m.id = um.municipality_id WHERE u.username = 'gemeente'""", String.class))
                .containsExactly("Hilversum GM0402");
        assertThat(jdbc.queryForList("""
                        SELECT u.username || ':' || pr.function_type || ':' || p.name FROM supporter s
                          JOIN app_user u ON u.id = s.user_id JOIN pilot p ON p.id = s.pilot_id
                          JOIN supporter_profile pr ON pr.id = supporter_profile_at(s.id, current_date)
                         WHERE u.username IN ('poh', 'soh', 'ojg') ORDER BY u.username""", String.class))
                .containsExactly("ojg:OJG:Pilot Gooi en Vechtstreek", "poh:POH_JEUGD:Pilot Gooi en Vechtstreek",
                        "soh:SOH_JGGZ:Pilot Gooi en Vechtstreek");
        assertThat(count("SELECT count(*) FROM supporter WHERE code ~ '^P0[0-9]{2}$' AND user_id IS NOT NULL")).isEqualTo(3);
    }

    @Test
    void distributionsResembleTheStudy() {
        String closed = "SELECT * FROM (" + DEMO + ") d WHERE end_date IS NOT NULL";
        assertThat(share("SELECT avg((end_date IS NOT NULL)::int) FROM (" + DEMO + ") d")).isBetween(0.78, 0.86);
        assertThat(count("SELECT count(*) FROM (" + DEMO + ") d WHERE end_date > current_date")).isZero();
        assertThat(share("SELECT avg((outcome = 'ZELF_AFGEROND')::int) FROM (" + closed + ") c")).isCloseTo(0.41, within(0.04));
        assertThat(share("SELECT avg((outcome = 'VERWEZEN')::int) FROM (" + closed + ") c")).isCloseTo(0.47, within(0.04));
        assertThat(share("SELECT avg((outcome = 'ANDERS')::int) FROM (" + closed + ") c")).isCloseTo(0.12, within(0.04));
        assertThat(share("SELECT avg((function_type = 'SOH_JGGZ')::int) FROM (" + closed + ") c")).isCloseTo(0.50, within(0.04));
        // Contacts (F2) and duration (F3) of closed trajectories, over those known.
        assertThat(share("SELECT avg((contacts <= 2)::int) FROM (" + closed + ") c WHERE contacts IS NOT NULL")).isBetween(0.43, 0.53);
        assertThat(share("SELECT avg((contacts <= 10)::int) FROM (" + closed + ") c WHERE contacts IS NOT NULL")).isBetween(0.94, 0.99);
        assertThat(share("SELECT avg((end_date - start_date <= 7)::int) FROM (" + closed + ") c")).isCloseTo(0.35, within(0.05));
        assertThat(share("SELECT avg((end_date - start_date <= 70)::int) FROM (" + closed + ") c")).isCloseTo(0.76, within(0.05));
        // Referral destinations (T7) and interventions (T5).
        assertThat(share("SELECT avg(('SGGZ' = ANY (referral_destinations))::int) FROM (" + closed + ") c WHERE outcome = 'VERWEZEN'"))
                .isCloseTo(0.48, within(0.06));
        assertThat(share("SELECT avg(('TRIAGE_SCREENING' = ANY (interventions))::int) FROM (" + closed + ") c WHERE interventions IS NOT NULL"))
                .isCloseTo(0.76, within(0.06));
        // Help requests (T4): axis A is about 60% of all CAP-J codes.
        assertThat(share("SELECT avg((left(c.capj_code, 1) = 'A')::int) FROM trajectory_capj c JOIN (" + DEMO
                + ") d ON d.id = c.trajectory_id")).isCloseTo(0.60, within(0.05));
        // Gender and age (F1): boys are younger than girls.
        String age = "date_part('year', age(start_date, make_date(birth_year, birth_month, 15)))";
        double boys = share("SELECT avg(" + age + ") FROM (" + DEMO + ") d WHERE gender = 'M'");
        double girls = share("SELECT avg(" + age + ") FROM (" + DEMO + ") d WHERE gender = 'V'");
        assertThat(boys).isLessThan(girls).isCloseTo(10.8, within(1.0));
        assertThat(girls).isCloseTo(12.4, within(1.0));
        assertThat(share("SELECT avg((gender = 'M')::int) FROM (" + DEMO + ") d")).isCloseTo(0.47, within(0.04));
    }

    @Test
    void questionnaireResponsesResembleT16ToT18() {
        String responses = """
                SELECT r.* FROM questionnaire_response r JOIN pilot p ON p.id = r.pilot_id
                 WHERE p.name IN ('Pilot Gooi en Vechtstreek', 'Pilot Zuid-Holland Noord')""";
        assertThat(count("SELECT count(*) FROM (" + responses + ") r")).isEqualTo(DemoResponses.COUNT);
        // Study: 8.9 (1.1), 9.1 (1.2), 8.8 (1.3) out of 178.
        assertThat(share("SELECT avg(understand) FROM (" + responses + ") r")).isBetween(8.6, 9.2);
        assertThat(share("SELECT avg(listen) FROM (" + responses + ") r")).isBetween(8.8, 9.4);
        assertThat(share("SELECT avg(involve) FROM (" + responses + ") r")).isBetween(8.5, 9.1);
        assertThat(share("SELECT stddev_samp(involve) FROM (" + responses + ") r")).isBetween(0.9, 1.6);
        // Goal reached or more: 72.6% in the study.
        assertThat(share("SELECT avg(CASE WHEN goal_attainment IN ('BEREIKT', 'MEER_BEREIKT', 'VEEL_MEER_BEREIKT') THEN 1.0 ELSE 0 END) FROM ("
                + responses + ") r WHERE goal_attainment IS NOT NULL")).isBetween(0.62, 0.84);
        assertThat(share("SELECT avg(CASE WHEN learned IN ('WEL_EENS', 'HELEMAAL_EENS') THEN 1.0 ELSE 0 END) FROM ("
                + responses + ") r WHERE learned IS NOT NULL")).isGreaterThan(0.9);
        assertThat(share("SELECT avg(CASE WHEN source = 'PAPER' THEN 1.0 ELSE 0 END) FROM (" + responses + ") r"))
                .isBetween(0.1, 0.3);
        // Every response carries its supporter's pilot and function type.
        assertThat(count("""
                SELECT count(*) FROM (%s) r JOIN supporter s ON s.id = r.supporter_id
                  JOIN supporter_profile sp ON sp.id = supporter_profile_at(s.id, r.response_date)
                 WHERE s.pilot_id <> r.pilot_id OR sp.function_type <> r.function_type""".formatted(responses))).isZero();
    }

    @Test
    void everyDemoSupporterSeesOpenClosedAndForgottenTrajectories() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT username, count(*) AS total, count(*) FILTER (WHERE end_date IS NULL) AS open,
                       count(*) FILTER (WHERE end_date IS NOT NULL) AS closed,
                       count(*) FILTER (WHERE end_date IS NULL AND last_contact_date < current_date - 56) AS stale,
                       count(private_reference) AS referenced
                  FROM (%s) d WHERE username IS NOT NULL GROUP BY username ORDER BY username""".formatted(DEMO));
        assertThat(rows).extracting(r -> r.get("username")).containsExactly("ojg", "poh", "soh");
        for (Map<String, Object> row : rows) {
            assertThat(((Number) row.get("total")).intValue()).as("total").isBetween(100, 300);
            assertThat(((Number) row.get("open")).intValue()).as("open").isGreaterThanOrEqualTo(10);
            assertThat(((Number) row.get("closed")).intValue()).as("closed").isGreaterThanOrEqualTo(80);
            assertThat(((Number) row.get("stale")).intValue()).as("stale").isGreaterThanOrEqualTo(1);
            assertThat(((Number) row.get("referenced")).intValue()).as("referenced").isGreaterThan(0);
        }
        assertThat(count("SELECT count(private_reference) FROM (" + DEMO + ") d WHERE username IS NULL")).isZero();
    }

    @Test
    void theRunnerSkipsADatabaseWithPilots() throws Exception {
        String counts = "SELECT (SELECT count(*) FROM pilot) || '/' || (SELECT count(*) FROM app_user) || '/' "
                + "|| (SELECT count(*) FROM trajectory) || '/' || (SELECT count(*) FROM trajectory_capj)";
        String before = jdbc.queryForObject(counts, String.class);
        DemoDataSeeder seeder = seeder();
        seeder.run(new DefaultApplicationArguments());
        seeder.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject(counts, String.class)).isEqualTo(before);
    }

    @Test
    void bothPilotsHaveCostAssumptionsSoTheMunicipalSummaryShowsCostsAndBenefits() {
        // Gooi en Vechtstreek: EUR 2500 from its start, 2000 with housing from a year ago; Zuid-Holland Noord: 2000.
        assertThat(jdbc.queryForList("""
                        SELECT p.name || ' ' || a.amount_per_trajectory::int || ' ' || a.staff_cost_per_year::int || ' '
                               || a.housing_cost_per_year::int
                          FROM pilot_cost_assumption a JOIN pilot p ON p.id = a.pilot_id
                         WHERE p.name IN ('Pilot Gooi en Vechtstreek', 'Pilot Zuid-Holland Noord')
                         ORDER BY p.name, a.valid_from""", String.class))
                .containsExactly("Pilot Gooi en Vechtstreek 2500 180000 0", "Pilot Gooi en Vechtstreek 2000 180000 48000",
                        "Pilot Zuid-Holland Noord 2000 150000 24000");
        // The demo municipal user (Hilversum) gets the Gooi pilot, which has trajectories to value.
        assertThat(count("""
                SELECT count(*) FROM app_user u JOIN user_municipality um ON um.user_id = u.id
                  JOIN pilot_municipality pm ON pm.municipality_id = um.municipality_id
                  JOIN pilot p ON p.id = pm.pilot_id
                 WHERE u.username = 'gemeente' AND p.name = 'Pilot Gooi en Vechtstreek'""")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM (" + DEMO + ") d WHERE outcome = 'ZELF_AFGEROND'")).isGreaterThan(100);
    }

    @Test
    void generationIsReproducibleAndTheSameShapeWhateverTheDay() {
        LocalDate today = LocalDate.of(2026, 3, 15);
        List<DemoTrajectory> first = new DemoTrajectoryGenerator(DemoDataSeeder.SEED, today).generate();
        assertThat(new DemoTrajectoryGenerator(DemoDataSeeder.SEED, today).generate()).isEqualTo(first);
        assertThat(first).allSatisfy(t -> {
            assertThat(t.startDate()).isBeforeOrEqualTo(today).isAfter(today.minusDays(DemoTrajectoryGenerator.SPAN_DAYS + 3));
            assertThat(t.endDate() == null).isEqualTo(t.outcome() == null);
            assertThat(t.capjCodes()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(t.helpRequest()).isNotBlank();
        });
        // Another day (here a Thursday instead of a Sunday) moves the dates, not the rest.
        List<DemoTrajectory> later = new DemoTrajectoryGenerator(DemoDataSeeder.SEED, today.plusDays(4)).generate();
        assertThat(later).extracting(DemoTrajectory::outcome, DemoTrajectory::capjCodes, DemoTrajectory::helpRequest,
                        DemoTrajectory::applicants, DemoTrajectory::interventions)
                .containsExactlyElementsOf(first.stream().map(t -> tuple(t.outcome(), t.capjCodes(), t.helpRequest(),
                        t.applicants(), t.interventions())).toList());
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private double share(String sql) {
        return jdbc.queryForObject(sql, Double.class);
    }
}
