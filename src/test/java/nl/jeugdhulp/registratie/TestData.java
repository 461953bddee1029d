package nl.jeugdhulp.registratie;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.jeugdhulp.registratie.account.AccountService;
import nl.jeugdhulp.registratie.account.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds small, known data sets straight into PostgreSQL for tests. Names are made unique per call
 * so tests sharing one database never collide; each test asserts only on its own rows.
 */
@Component
public class TestData {

    public static final String PASSWORD = "test-wachtwoord-123";

    private final JdbcClient jdbc;
    private final AccountService accounts;

    public TestData(JdbcClient jdbc, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public long pilot() {
        return jdbc.sql("INSERT INTO pilot (name, organisation) VALUES (:n, 'Testorganisatie') RETURNING id")
                .param("n", unique("Pilot ")).query(Long.class).single();
    }

    public long municipality() {
        String code = "GM" + String.format("%04d", (int) (Math.random() * 10000));
        return jdbc.sql("""
                        INSERT INTO municipality (name, cbs_code) VALUES (:n, :c)
                        ON CONFLICT (cbs_code) DO UPDATE SET name = municipality.name RETURNING id""")
                .param("n", unique("Gemeente ")).param("c", code).query(Long.class).single();
    }

    public long practice(long pilotId, long municipalityId) {
        jdbc.sql("INSERT INTO pilot_municipality VALUES (:p, :m) ON CONFLICT DO NOTHING")
                .param("p", pilotId).param("m", municipalityId).update();
        return jdbc.sql("""
                        INSERT INTO practice (name, pilot_id, municipality_id, number_of_gps, registered_patients, patients_under_18)
                        VALUES (:n, :p, :m, 3, 7050, 1500) RETURNING id""")
                .param("n", unique("Praktijk ")).param("p", pilotId).param("m", municipalityId)
                .query(Long.class).single();
    }

    public long user(Role role) {
        return accounts.createUser(unique(role.name().toLowerCase().substring(0, 4)), PASSWORD, role, false, List.of(), List.of());
    }

    public String username(long userId) {
        return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).single();
    }

    /** A supporter with an account, a profile of the given function type, serving the given practices. */
    public Supporter supporter(long pilotId, String functionType, long... practiceIds) {
        long userId = user(Role.PRAKTIJKONDERSTEUNER);
        long id = jdbc.sql("INSERT INTO supporter (code, pilot_id, user_id) VALUES (:c, :p, :u) RETURNING id")
                .param("c", unique("P")).param("p", pilotId).param("u", userId).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO supporter_profile (supporter_id, valid_from, function_type, education, experience_years)
                        VALUES (:s, :from, :f, 'WO', 8)""")
                .param("s", id).param("from", LocalDate.of(2015, 1, 1)).param("f", functionType).update();
        for (long practice : practiceIds) {
            jdbc.sql("INSERT INTO supporter_practice (supporter_id, practice_id, hours_per_week) VALUES (:s, :p, 8)")
                    .param("s", id).param("p", practice).update();
        }
        return new Supporter(id, userId, username(userId));
    }

    public long projectLeader(long... pilotIds) {
        long userId = user(Role.PROJECTLEIDER);
        accounts.replaceScope(userId, java.util.Arrays.stream(pilotIds).boxed().toList(), List.of());
        return userId;
    }

    /** An open trajectory with the minimum the database demands. */
    public long trajectory(Supporter supporter, long practiceId, LocalDate start) {
        return jdbc.sql("""
                        INSERT INTO trajectory (supporter_id, practice_id, start_date, help_request, birth_month, birth_year,
                                                gender, applicants, contacts, private_reference)
                        VALUES (:s, :p, :start, 'Somberheid en piekeren', 3, 2010, 'V', '{OUDERS}', 1, 'AB-1')
                        RETURNING id""")
                .param("s", supporter.id()).param("p", practiceId).param("start", start)
                .query(Long.class).single();
    }

    public record Supporter(long id, long userId, String username) {
    }
}
