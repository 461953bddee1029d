package nl.jeugdhulp.registratie.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.account.AccountService;
import nl.jeugdhulp.registratie.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with a realistic demo: two pilots, four municipalities, nine practices,
 * fourteen supporters, one account per role and about 2,500 anonymous trajectories whose
 * distributions resemble the study, and about 180 client questionnaire responses (T16–T18). Reproducible (fixed random seed, dates relative to today) and
 * skipped when any pilot exists, so restarts never duplicate. All demo accounts use the password
 * {@value DemoCatalog#PASSWORD}.
 */
@Component
@Profile("demo")
public class DemoDataSeeder implements ApplicationRunner {

    static final long SEED = 20190521L;
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final JdbcTemplate jdbc;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDataSeeder(JdbcTemplate jdbc, AccountService accounts, PlatformTransactionManager transactionManager,
                   ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pilot)", Boolean.class))) {
            log.debug("Pilots exist: no demo data seeded");
            return;
        }
        seed();
    }

    /** Seeds the demo in one transaction, whatever is already there; fails if demo names are taken. */
    Seeded seed() {
        long began = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        Seeded seeded = transaction.execute(status -> insertAll(today));
        // Statistics right after a bulk load, as PostgreSQL advises: autovacuum would get there within a minute
        // or so, and until then the report planned for a handful of trajectories per pilot (six times its CPU
        // without the small tables' statistics, docs/performance.md).
        jdbc.execute("ANALYZE");
        log.info("Seeded demo data in {} ms: {} pilots, {} municipalities, {} practices, {} supporters, {} users "
                        + "(beheerder, projectleider, gemeente, onderzoeker, poh, soh, ojg; password '{}'), "
                        + "{} trajectories ({} open) with {} CAP-J codes, up to {}",
                (System.nanoTime() - began) / 1_000_000, seeded.pilots(), seeded.municipalities(), seeded.practices(),
                seeded.supporters(), seeded.users(), DemoCatalog.PASSWORD, seeded.trajectories(), seeded.open(),
                seeded.capjCodes(), today);
        return seeded;
    }

    record Seeded(int pilots, int municipalities, int practices, int supporters, int users, int trajectories, int open,
                  int capjCodes) {
    }

    private Seeded insertAll(LocalDate today) {
        List<Long> municipalityIds = new ArrayList<>();
        for (DemoCatalog.Municipality municipality : DemoCatalog.MUNICIPALITIES) {
            municipalityIds.add(jdbc.queryForObject("""
                            INSERT INTO municipality (name, cbs_code) VALUES (?, ?)
                            ON CONFLICT (cbs_code) DO UPDATE SET name = EXCLUDED.name RETURNING id""",
                    Long.class, municipality.name(), municipality.cbsCode()));
        }

        List<Long> pilotIds = new ArrayList<>();
        for (DemoCatalog.Pilot pilot : DemoCatalog.PILOTS) {
            long id = jdbc.queryForObject("INSERT INTO pilot (name, organisation, start_date) VALUES (?, ?, ?) RETURNING id",
                    Long.class, pilot.name(), pilot.organisation(), pilotStart(pilot, today));
            pilotIds.add(id);
            for (int municipality : pilot.municipalities()) {
                jdbc.update("INSERT INTO pilot_municipality (pilot_id, municipality_id) VALUES (?, ?)",
                        id, municipalityIds.get(municipality));
            }
        }

        insertCostAssumptions(pilotIds, today);

        List<Long> practiceIds = new ArrayList<>();
        for (DemoCatalog.Practice practice : DemoCatalog.PRACTICES) {
            long id = jdbc.queryForObject("""
                            INSERT INTO practice (name, pilot_id, municipality_id, number_of_gps, average_gp_age,
                                                  cooperative_member, registered_patients, patients_under_18)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                    Long.class, practice.name(), pilotIds.get(practice.pilot()), municipalityIds.get(practice.municipality()),
                    practice.gps(), practice.averageGpAge(), practice.cooperative(), practice.patients(),
                    practice.patientsUnder18());
            practiceIds.add(id);
            for (Map.Entry<String, Double> discipline : practice.disciplines().entrySet()) {
                jdbc.update("INSERT INTO practice_discipline (practice_id, category, amount) VALUES (?, ?, ?)",
                        id, discipline.getKey(), discipline.getValue());
            }
        }

        List<Long> supporterIds = new ArrayList<>();
        for (DemoCatalog.Supporter supporter : DemoCatalog.SUPPORTERS) {
            supporterIds.add(insertSupporter(supporter, pilotIds, practiceIds, today));
        }

        int users = insertUsers(pilotIds, municipalityIds, supporterIds);

        List<DemoTrajectory> trajectories = new DemoTrajectoryGenerator(SEED, today).generate();
        int capjCodes = insertTrajectories(trajectories, supporterIds, practiceIds);
        int open = (int) trajectories.stream().filter(t -> t.endDate() == null).count();
        insertResponses(today, supporterIds, pilotIds);
        return new Seeded(pilotIds.size(), municipalityIds.size(), practiceIds.size(), supporterIds.size(), users,
                trajectories.size(), open, capjCodes);
    }

    /**
     * Cost assumptions for the municipal summary, as in the Hilversum letter: EUR 2000 per trajectory
     * (the first pilot started at 2500 and lowered it a year ago), staff for two supporters, and
     * housing paid to the practices from a year ago on.
     */
    private void insertCostAssumptions(List<Long> pilotIds, LocalDate today) {
        LocalDate yearAgo = today.minusYears(1).withDayOfMonth(1);
        String sql = """
                INSERT INTO pilot_cost_assumption (pilot_id, valid_from, amount_per_trajectory, staff_cost_per_year,
                                                   housing_cost_per_year) VALUES (?, ?, ?, ?, ?)""";
        jdbc.update(sql, pilotIds.get(0), pilotStart(DemoCatalog.PILOTS.get(0), today), 2500, 180_000, 0);
        jdbc.update(sql, pilotIds.get(0), yearAgo, 2000, 180_000, 48_000);
        jdbc.update(sql, pilotIds.get(1), pilotStart(DemoCatalog.PILOTS.get(1), today), 2000, 150_000, 24_000);
    }

    private static LocalDate pilotStart(DemoCatalog.Pilot pilot, LocalDate today) {
        return today.minusMonths(pilot.startMonthsAgo()).withDayOfMonth(1);
    }

    private long insertSupporter(DemoCatalog.Supporter supporter, List<Long> pilotIds, List<Long> practiceIds,
                                 LocalDate today) {
        long id = jdbc.queryForObject("INSERT INTO supporter (code, pilot_id) VALUES (?, ?) RETURNING id",
                Long.class, supporter.code(), pilotIds.get(supporter.pilot()));
        LocalDate start = pilotStart(DemoCatalog.PILOTS.get(supporter.pilot()), today);
        // Two supporters moved two hours from their institution to the practices a year ago: the profile
        // is dated, so reports use the values of the time.
        boolean changed = supporter.code().equals("P003") || supporter.code().equals("P013");
        insertProfile(id, supporter, start, start, 0, changed ? -2 : 0);
        if (changed) {
            LocalDate since = today.minusYears(1).withDayOfMonth(1);
            insertProfile(id, supporter, since, start, since.getYear() - start.getYear(), 0);
        }
        for (DemoCatalog.Hours hours : supporter.practiceHours()) {
            jdbc.update("INSERT INTO supporter_practice (supporter_id, practice_id, hours_per_week) VALUES (?, ?, ?)",
                    id, practiceIds.get(hours.practice()), hours.perWeek());
        }
        return id;
    }

    private void insertProfile(long supporterId, DemoCatalog.Supporter s, LocalDate validFrom, LocalDate registrationStart,
                               int yearsLater, double practiceHoursChange) {
        jdbc.update("""
                        INSERT INTO supporter_profile (supporter_id, valid_from, function_type, age, gender, education,
                            profession, profession_other, experience_years, other_experience, seconding_organisation,
                            salaried_by_gp, funding, hours_gp_practice, hours_institution, hours_base_team,
                            housed_in_practice, pays_rent, uses_his, uses_zorgmail, registration_start)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, TRUE, ?, TRUE, ?, ?)""",
                supporterId, validFrom, s.functionType(), s.age() - 3 + yearsLater, s.gender(), s.education(),
                s.profession(), s.professionOther(), Math.max(0, s.experienceYears() - 3 + yearsLater), s.otherExperience(),
                s.secondingOrganisation(), s.funding(), s.hoursGpPractice() + practiceHoursChange, s.hoursInstitution() - practiceHoursChange,
                s.hoursBaseTeam(), s.paysRent(), s.usesZorgmail(), registrationStart);
    }

    private int insertUsers(List<Long> pilotIds, List<Long> municipalityIds, List<Long> supporterIds) {
        String password = DemoCatalog.PASSWORD;
        accounts.createUser("beheerder", password, Role.BEHEERDER, false, List.of(), List.of());
        accounts.createUser("projectleider", password, Role.PROJECTLEIDER, false, List.of(pilotIds.get(0)), List.of());
        accounts.createUser("gemeente", password, Role.GEMEENTE, false, List.of(), List.of(municipalityIds.get(0)));
        accounts.createUser("onderzoeker", password, Role.ONDERZOEKER, false, List.of(), List.of());
        int users = 4;
        for (int i = 0; i < DemoCatalog.SUPPORTERS.size(); i++) {
            String username = DemoCatalog.SUPPORTERS.get(i).demoUsername();
            if (username != null) {
                long userId = accounts.createUser(username, password, Role.PRAKTIJKONDERSTEUNER, false, List.of(), List.of());
                jdbc.update("UPDATE supporter SET user_id = ? WHERE id = ?", userId, supporterIds.get(i));
                users++;
            }
        }
        return users;
    }

    /**
     * Trajectories and their CAP-J codes go in as one JSON document each, expanded by PostgreSQL
     * ({@code json_populate_recordset}): one round trip for thousands of rows.
     */
    private int insertTrajectories(List<DemoTrajectory> trajectories, List<Long> supporterIds, List<Long> practiceIds) {
        List<Long> ids = jdbc.queryForList("SELECT nextval('trajectory_id_seq') FROM generate_series(1, ?)",
                Long.class, trajectories.size());
        Json rows = new Json();
        Json codes = new Json();
        for (int i = 0; i < trajectories.size(); i++) {
            DemoTrajectory t = trajectories.get(i);
            LocalDate touched = t.endDate() != null ? t.endDate() : t.lastContactDate() != null ? t.lastContactDate() : t.startDate();
            rows.object().field("id", ids.get(i)).field("supporter_id", supporterIds.get(t.supporter()))
                    .field("practice_id", practiceIds.get(t.practice())).field("private_reference", t.privateReference())
                    .field("birth_month", t.birthMonth()).field("birth_year", t.birthYear()).field("gender", t.gender())
                    .field("registration_date", t.registrationDate()).field("start_date", t.startDate())
                    .field("help_request", t.helpRequest()).field("diagnosis_question", t.diagnosisQuestion())
                    .field("diagnosis", t.diagnosis()).field("diagnosis_other", t.diagnosisOther())
                    .field("applicants", t.applicants()).field("applicant_other", t.applicantOther())
                    .field("contacts", t.contacts()).field("last_contact_date", t.lastContactDate())
                    .field("interventions", t.interventions()).field("intervention_other", t.interventionOther())
                    .field("consultations", t.consultations()).field("end_date", t.endDate()).field("outcome", t.outcome())
                    .field("outcome_other_reason", t.outcomeOtherReason()).field("outcome_other_text", t.outcomeOtherText())
                    .field("referral_moment", t.referralMoment()).field("referral_destinations", t.referralDestinations())
                    .field("chain_partner", t.chainPartner()).field("created_at", at(t.startDate(), 9))
                    .field("updated_at", at(touched, 17)).end();
            for (int position = 0; position < t.capjCodes().size(); position++) {
                codes.object().field("trajectory_id", ids.get(i)).field("position", position + 1)
                        .field("capj_code", t.capjCodes().get(position)).end();
            }
        }
        jdbc.update("""
                INSERT INTO trajectory (id, supporter_id, practice_id, private_reference, birth_month, birth_year, gender,
                    registration_date, start_date, help_request, diagnosis_question, diagnosis, diagnosis_other,
                    applicants, applicant_other, contacts, last_contact_date, interventions, intervention_other,
                    consultations, end_date, outcome, outcome_other_reason, outcome_other_text, referral_moment,
                    referral_destinations, chain_partner, created_at, updated_at)
                SELECT id, supporter_id, practice_id, private_reference, birth_month, birth_year, gender,
                    registration_date, start_date, help_request, diagnosis_question, diagnosis, diagnosis_other,
                    applicants, applicant_other, contacts, last_contact_date, interventions, intervention_other,
                    consultations, end_date, outcome, outcome_other_reason, outcome_other_text, referral_moment,
                    referral_destinations, chain_partner, created_at, updated_at
                  FROM json_populate_recordset(NULL::trajectory, ?::json)""", rows.toString());
        return jdbc.update("""
                INSERT INTO trajectory_capj (trajectory_id, position, capj_code)
                SELECT trajectory_id, position, capj_code FROM json_populate_recordset(NULL::trajectory_capj, ?::json)""",
                codes.toString());
    }

    /** Questionnaire responses with the pilot and current function type of their supporter. */
    private void insertResponses(LocalDate today, List<Long> supporterIds, List<Long> pilotIds) {
        java.util.Random tokens = new java.util.Random(SEED + 1);
        List<Object[]> rows = new ArrayList<>();
        for (DemoResponses.Response r : DemoResponses.generate(SEED, today, supporterIds.size())) {
            DemoCatalog.Supporter s = DemoCatalog.SUPPORTERS.get(r.supporter());
            rows.add(new Object[] {pilotIds.get(s.pilot()), s.functionType(), supporterIds.get(r.supporter()), r.day(),
                    r.source(), DemoResponses.formToken(tokens), r.understand(), r.listen(), r.involve(), r.goal(),
                    r.goalAttainment(), r.recommend(), r.learned(), r.confidence(), r.remarks()});
        }
        jdbc.batchUpdate("""
                INSERT INTO questionnaire_response (pilot_id, function_type, supporter_id, response_date, source,
                    form_token, understand, listen, involve, goal, goal_attainment, recommend, learned, confidence, remarks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        LocalDateTime time = day.atTime(hour, 0);
        return OffsetDateTime.of(time, ZONE.getRules().getOffset(time));
    }
}
