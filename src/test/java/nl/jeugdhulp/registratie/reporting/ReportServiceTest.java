package nl.jeugdhulp.registratie.reporting;

import static nl.jeugdhulp.registratie.reporting.Breakdown.EDUCATION;
import static nl.jeugdhulp.registratie.reporting.Breakdown.EXPERIENCE;
import static nl.jeugdhulp.registratie.reporting.Breakdown.FUNCTION_TYPE;
import static nl.jeugdhulp.registratie.reporting.ReportAssertions.assertTable;
import static nl.jeugdhulp.registratie.reporting.ReportAssertions.table;
import static nl.jeugdhulp.registratie.reporting.TrajectoryRow.none;
import static nl.jeugdhulp.registratie.reporting.TrajectoryRow.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.reporting.Report.SupporterGroup;
import nl.jeugdhulp.registratie.reporting.stats.IndependenceTest;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The trimester report over a hand-made data set whose every cell is counted by hand below.
 *
 * <p>Period T2 2026: 1 May – 31 Aug 2026. Three supporters in a pilot of their own:
 * <ul>
 * <li>POH (POH Jeugd): profile from 2024-01-01 HBO, 3 years of experience (at a start in May 2026:
 * 3 + 2 = 5, category LT5), a new profile from 2026-06-01 WO+, 12 years (11_15). Hours 10 / base 1,
 * from June 16 / base 2, registering 2026-01-05 – 2026-08-31 (34 weeks). Serves practice A.</li>
 * <li>SOH (SOH-JGGZ): profile from 2016-03-01 WO+, 6 years: 6 + 9 = 15 (11_15) for a start before
 * 2026-03-01, 16 (GT15) from then on. Hours 8.5 / base 0, registering 2025-09-01 – 2026-08-31 (52
 * weeks). Serves practices A and B.</li>
 * <li>OJG: profile from 2020-01-01 WO, 0 years: 6 in 2026 (6_10). Hours 24 / base 4, registering
 * from 2026-01-01 (no end). Serves practice B.</li>
 * </ul>
 * Practice A: 3 GPs, 7050 patients (3 normpraktijken); B: 2 GPs, 4700 patients (2).
 *
 * <pre>
 *      who start      registered end        birth   sex  applicants      contacts interventions       consultations outcome                capj          diagnosis
 * T1   POH 2026-05-01 04-20 (11d) 05-20 Z   2014-03 M    OUDERS,SCHOOL   3  TRIAGE,PSYCHO            HA,SCHOOL     ZELF                   A102,D400     GEEN
 * T2   POH 2026-04-30 -           08-31 V   2018-06 V    JEUGDIGE        12 ONDERST,KORTD,OVERBR,PSY {}            VERWEZEN NA_BEH SGGZ+JZ B000          GEEN
 * T3   POH 2026-06-10 04-01 (70d) 06-10 A   2009-01 ONB  null            1  TRIAGE                   null          ANDERS PARALLEL        -             null
 * T4   POH 2026-07-01 06-30 (1d)  open      2020-02 M    OUD,PROF,JEUGD  2  null                     null          -                      -             EERDERE ADHD
 * T5   SOH 2026-02-27 -           05-15 V   2012-05 V    OUDERS          2  TRIAGE,BEMID             CJG           VERWEZEN NA_VRAAG BGGZ A101          GEEN
 * T6   SOH 2026-03-02 -           07-31 Z   2011-10 M    OUDERS          null null                   HA,LOKALE     ZELF                   A201          GEEN
 * T7   SOH 2026-05-04 03-01 (64d) 09-01 Z   2004-09 V    JEUGDIGE        5  PSYCHO                   {}            ZELF (after the period) ONG          BEHOEFTE
 * T8   SOH 2026-08-31 08-31 (0d)  open      2016-08 X    SCHOOL,OUDERS   null null                   null          -                      A102,A201,E103 GEEN
 * T9   SOH 2026-06-01 -           07-06 V   null    null ANDERS          7  OPVOED,CRISIS,MEDIC      SCHOOL        VERWEZEN NA_VRAAG CJG+VRIJ D400,C102 EERDERE ASS
 * T10  OJG 2026-05-12 05-01 (11d) 06-30 Z   2013-11 V    OUDERS          4  {}                       {}            ZELF                   A102,D402     GEEN
 * T11  OJG 2026-01-15 -           05-01 A   2015-04 M    OUDERS          15 TRIAGE,OVERBR,ANDERS     HA            ANDERS OVERBRUGGING    E201          GEEN
 * T12  OJG 2026-07-20 06-01 (49d) 08-10 V   2022-07 M    OUDERS,JEUGDIGE 6  BEMID                    LOKALE,CJG    VERWEZEN NA_VRAAG LVB  B000          EERDERE (unknown which)
 * T13  OJG 2026-04-15 04-01       04-30 Z   (closed before the period: in no population)
 * T14  OJG 2026-09-01 08-20       open      (started after the period: in no population)
 * T15  SOH 2025-03-03 -           2026-08-15 V 2010-06 V  OUDERS          20 KORTD,BEMID              HA            VERWEZEN NA_BEH ANDERS A102          GEEN
 * </pre>
 *
 * Started in the period (intake): T1, T3, T4 (POH), T7, T8, T9 (SOH), T10, T12 (OJG); not T2 (started
 * on 30 April) nor T14. Closed in the period (process): T1, T2 (closed on 31 August), T3 (POH), T5,
 * T6, T9, T15 (SOH), T10, T11 (closed on 1 May), T12 (OJG); not T7 (closed on 1 September) nor T13.
 * Open at the end: T4, T7, T8.
 *
 * <p>Profiles at the trajectory's start: T1, T2 HBO/LT5; T3 WO+/11_15 (the June profile); T5 WO+/11_15
 * (before 2026-03-01), T6, T9 WO+/GT15, T15 WO+/11_15 (2025: 6 + 9); T10-T12 WO/6_10.
 *
 * <p>Ages at the start (whole years from the 15th of the birth month): T1 12, T3 17, T4 6, T7 21, T8 10,
 * T10 12, T12 4; T9 unknown. Durations (days): T1 19, T2 123, T3 0, T5 77, T6 151, T9 35, T10 49, T11 106,
 * T12 21, T15 530.
 *
 * <p>The data are built once per class; a foreign pilot's trajectory in the same period must not count.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportServiceTest {

    static final LocalDate FROM = LocalDate.of(2026, 5, 1);
    static final LocalDate TO = LocalDate.of(2026, 8, 31);

    @Autowired
    ReportService reports;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    long pilot;
    long emptyPilot;
    Supporter poh;
    Supporter soh;
    Supporter ojg;
    Report report;

    @BeforeAll
    void buildDataSet() {
        pilot = data.pilot();
        emptyPilot = data.pilot();
        long municipality = data.municipality();
        long a = data.practice(pilot, municipality);
        long b = data.practice(pilot, municipality);
        jdbc.sql("UPDATE practice SET number_of_gps = 2, registered_patients = 4700 WHERE id = :id").param("id", b).update();

        poh = data.supporter(pilot, "POH_JEUGD", a);
        soh = data.supporter(pilot, "SOH_JGGZ", a, b);
        ojg = data.supporter(pilot, "OJG", b);
        profile(poh, "2024-01-01", "HBO", 3, "10.0", "1.0", "2026-01-05", "2026-08-31");
        jdbc.sql("""
                        INSERT INTO supporter_profile (supporter_id, valid_from, function_type, education, experience_years,
                                                       hours_gp_practice, hours_base_team, registration_start, registration_end)
                        VALUES (:s, DATE '2026-06-01', 'POH_JEUGD', 'WO_PLUS', 12, 16.0, 2.0, DATE '2026-01-05', DATE '2026-08-31')""")
                .param("s", poh.id()).update();
        profile(soh, "2016-03-01", "WO_PLUS", 6, "8.5", "0.0", "2025-09-01", "2026-08-31");
        profile(ojg, "2020-01-01", "WO", 0, "24.0", "4.0", "2026-01-01", null);

        long p = poh.id();
        long s = soh.id();
        long o = ojg.id();
        started(p, a, "2026-05-01").registered("2026-04-20").closedSelf("2026-05-20").born(2014, 3).gender("M")
                .applicants("OUDERS", "SCHOOL").contacts(3).interventions("TRIAGE_SCREENING", "PSYCHO_EDUCATIE")
                .consultations("HUISARTS", "SCHOOL").diagnosis("GEEN", null).capj("A102", "D400").insert(jdbc);
        started(p, a, "2026-04-30").referred("2026-08-31", "NA_BEHANDELING", "SGGZ", "JEUGDHULP_JEUGDZORG")
                .born(2018, 6).gender("V").applicants("JEUGDIGE").contacts(12)
                .interventions("ONDERSTEUNENDE_GESPREKKEN", "KORTDURENDE_BEHANDELING", "OVERBRUGGINGSHULP", "PSYCHO_EDUCATIE")
                .consultations(none()).diagnosis("GEEN", null).capj("B000").insert(jdbc);
        started(p, a, "2026-06-10").registered("2026-04-01").closedOther("2026-06-10", "PARALLEL").born(2009, 1)
                .gender("ONBEKEND").contacts(1).interventions("TRIAGE_SCREENING").insert(jdbc);
        started(p, a, "2026-07-01").registered("2026-06-30").born(2020, 2).gender("M")
                .applicants("OUDERS", "PROFESSIONAL", "JEUGDIGE").contacts(2).diagnosis("EERDERE_DIAGNOSE", "ADHD")
                .insert(jdbc);
        started(s, a, "2026-02-27").referred("2026-05-15", "NA_VRAAGVERHELDERING", "BGGZ").born(2012, 5).gender("V")
                .applicants("OUDERS").contacts(2).interventions("TRIAGE_SCREENING", "BEMIDDELING_VERWIJZING")
                .consultations("CJG_WIJKTEAM").diagnosis("GEEN", null).capj("A101").insert(jdbc);
        started(s, b, "2026-03-02").closedSelf("2026-07-31").born(2011, 10).gender("M").applicants("OUDERS")
                .consultations("HUISARTS", "LOKALE_ZORG").diagnosis("GEEN", null).capj("A201").insert(jdbc);
        started(s, b, "2026-05-04").registered("2026-03-01").closedSelf("2026-09-01").born(2004, 9).gender("V")
                .applicants("JEUGDIGE").contacts(5).interventions("PSYCHO_EDUCATIE").consultations(none())
                .diagnosis("BEHOEFTE_DIAGNOSTIEK", null).capj("ONG").insert(jdbc);
        started(s, b, "2026-08-31").registered("2026-08-31").born(2016, 8).gender("X").applicants("SCHOOL", "OUDERS")
                .diagnosis("GEEN", null).capj("A102", "A201", "E103").insert(jdbc);
        started(s, a, "2026-06-01").referred("2026-07-06", "NA_VRAAGVERHELDERING", "CJG_WIJKTEAM", "VRIJ_TOEGANKELIJK")
                .applicants("ANDERS").contacts(7).interventions("OPVOEDONDERSTEUNING", "CRISISINTERVENTIE", "MEDICATIEVRAGEN")
                .consultations("SCHOOL").diagnosis("EERDERE_DIAGNOSE", "ASS").capj("D400", "C102").insert(jdbc);
        started(o, b, "2026-05-12").registered("2026-05-01").closedSelf("2026-06-30").born(2013, 11).gender("V")
                .applicants("OUDERS").contacts(4).interventions(none()).consultations(none()).diagnosis("GEEN", null)
                .capj("A102", "D402").insert(jdbc);
        started(o, b, "2026-01-15").closedOther("2026-05-01", "OVERBRUGGING").born(2015, 4).gender("M")
                .applicants("OUDERS").contacts(15).interventions("TRIAGE_SCREENING", "OVERBRUGGINGSHULP", "ANDERS")
                .consultations("HUISARTS").diagnosis("GEEN", null).capj("E201").insert(jdbc);
        started(o, b, "2026-07-20").registered("2026-06-01").referred("2026-08-10", "NA_VRAAGVERHELDERING", "JEUGDHULP_LVB")
                .born(2022, 7).gender("M").applicants("OUDERS", "JEUGDIGE").contacts(6)
                .interventions("BEMIDDELING_VERWIJZING").consultations("LOKALE_ZORG", "CJG_WIJKTEAM")
                .diagnosis("EERDERE_DIAGNOSE", null).capj("B000").insert(jdbc);
        started(o, b, "2026-04-15").registered("2026-04-01").closedSelf("2026-04-30").born(2012, 1).gender("V")
                .applicants("OUDERS").contacts(2).interventions("TRIAGE_SCREENING").consultations(none())
                .diagnosis("GEEN", null).capj("A102").insert(jdbc);
        started(o, b, "2026-09-01").registered("2026-08-20").born(2012, 1).gender("V").applicants("OUDERS").contacts(1)
                .diagnosis("GEEN", null).capj("A102").insert(jdbc);
        started(s, a, "2025-03-03").referred("2026-08-15", "NA_BEHANDELING", "ANDERS").born(2010, 6).gender("V")
                .applicants("OUDERS").contacts(20).interventions("KORTDURENDE_BEHANDELING", "BEMIDDELING_VERWIJZING")
                .consultations("HUISARTS").diagnosis("GEEN", null).capj("A102").insert(jdbc);

        // A foreign pilot's trajectory in the same period: never counted when filtering on our pilot.
        long foreignPilot = data.pilot();
        long foreignPractice = data.practice(foreignPilot, municipality);
        Supporter foreign = data.supporter(foreignPilot, "POH_JEUGD", foreignPractice);
        started(foreign.id(), foreignPractice, "2026-05-02").closedSelf("2026-06-01").gender("M").applicants("OUDERS")
                .contacts(2).interventions("TRIAGE_SCREENING").consultations(none()).capj("A102").insert(jdbc);

        report = reports.report(ourPilot(), ReportScope.everything());
    }

    private void profile(Supporter supporter, String validFrom, String education, int experience, String hours,
                         String baseTeam, String registrationStart, String registrationEnd) {
        jdbc.sql("""
                        UPDATE supporter_profile SET valid_from = CAST(:from AS DATE), education = :education,
                               experience_years = :experience, hours_gp_practice = CAST(:hours AS NUMERIC),
                               hours_base_team = CAST(:base AS NUMERIC), registration_start = CAST(:regStart AS DATE),
                               registration_end = CAST(:regEnd AS DATE)
                         WHERE supporter_id = :s""")
                .param("from", validFrom).param("education", education).param("experience", experience)
                .param("hours", hours).param("base", baseTeam).param("regStart", registrationStart)
                .param("regEnd", registrationEnd, java.sql.Types.VARCHAR).param("s", supporter.id()).update();
    }

    ReportFilter ourPilot() {
        return new ReportFilter(FROM, TO, pilot, null, null, null, null);
    }

    static CurrentUser user(Role role, Set<Long> pilots, Long supporterId) {
        return new CurrentUser(1L, "test", role, pilots, Set.of(), supporterId);
    }

    // ---------------------------------------------------------------- intake: started in the period

    @Test
    void genderAndAge() {
        // T3 ONBEKEND and T9 NULL are missing, not a category.
        assertTable(report, "geslacht", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                M                 2        0   1     3
                V                 0        1   1     2
                X                 0        1   0     1
                n                 2        2   2     6
                missing           1        1   0     2
                """);
        // T4 6 and T8 10 in 5-11; T1 12, T3 17, T10 12 in 12-17; T7 21; T12 4; T9 unknown.
        assertTable(report, "leeftijd", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                0_4               0        0   1     1
                5_11              1        1   0     2
                12_17             2        0   1     3
                18_23             0        1   0     1
                n                 3        2   2     7
                missing           0        1   0     1
                """);
    }

    @Test
    void applicantsAreMultiAnswerAndCountedPerTrajectory() {
        // POH: T1 {OUDERS,SCHOOL}, T4 {OUDERS,PROFESSIONAL,JEUGDIGE}, T3 unknown. SOH: T7 {JEUGDIGE},
        // T8 {SCHOOL,OUDERS}, T9 {ANDERS}. OJG: T10 {OUDERS}, T12 {OUDERS,JEUGDIGE}.
        assertTable(report, "aanmelders", FUNCTION_TYPE, """
                               POH_JEUGD SOH_JGGZ OJG TOTAL
                JEUGDIGE               1        1   1     3
                OUDERS                 2        1   2     5
                SCHOOL                 1        1   0     2
                PROFESSIONAL           1        0   0     1
                ANDERS                 0        1   0     1
                n                      2        3   2     7
                missing                1        0   0     1
                """);
        ReportTable applicants = table(report, "aanmelders", FUNCTION_TYPE);
        assertThat(applicants.multiAnswer()).isTrue();
        assertThat(applicants.test()).isEmpty(); // rows overlap: no test of independence
        assertThat(applicants.percent(1, applicants.totalColumn())).isEqualTo(71L); // 5 of 7 = 71.4%
        assertTable(report, "aantal_aanmelders", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                1                 0        2   1     3
                2                 1        1   1     3
                3PLUS             1        0   0     1
                n                 2        3   2     7
                missing           1        0   0     1
                """);
    }

    @Test
    void helpRequestsAreCountedOverRequestsRolledUpToGroupAndAxis() {
        // Requests: T1 A102 D400 | T8 A102 A201 E103, T9 D400 C102, T7 ONG | T10 A102 D402, T12 B000;
        // T3 and T4 (POH) have none: missing. n counts requests: 2 + 6 + 3 = 11.
        assertTable(report, "capj_assen", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                A                 1        2   1     4
                B                 0        0   1     1
                C                 0        1   0     1
                D                 1        1   1     3
                E                 0        1   0     1
                OVERIG            0        1   0     1
                n                 2        6   3    11
                missing           2        0   0     2
                """);
        // Rubric A102 counts under its group A100, A201 under A200; D400 itself and its rubric D402 under D400.
        assertTable(report, "capj_a", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                A100              1        1   1     3
                A200              0        1   0     1
                ...
                n                 2        6   3    11
                missing           2        0   0     2
                """);
        assertThat(table(report, "capj_a", FUNCTION_TYPE).rows())
                .contains("A100", "A200", "A300", "A400", "A500", "A900").doesNotContain("A102", "B000", "D400");
        assertTable(report, "capj_d", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                D400              1        1   1     3
                ...
                n                 2        6   3    11
                missing           2        0   0     2
                """);
        assertTable(report, "hulpvragen_per_traject", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                1                 0        1   1     2
                2                 1        1   1     3
                3PLUS             0        1   0     1
                n                 1        3   2     6
                missing           2        0   0     2
                """);
    }

    @Test
    void diagnosisQuestionsAndWaitingTime() {
        assertTable(report, "diagnosevraag", FUNCTION_TYPE, """
                                       POH_JEUGD SOH_JGGZ OJG TOTAL
                GEEN                           1        1   1     3
                EERDERE_DIAGNOSE               1        1   1     3
                BEHOEFTE_DIAGNOSTIEK           0        1   0     1
                n                              2        3   2     7
                missing                        1        0   0     1
                """);
        // Only over EERDERE_DIAGNOSE: T4 ADHD, T9 ASS, T12 which one unknown.
        assertTable(report, "diagnose", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                ADHD              1        0   0     1
                ASS               0        1   0     1
                ANDERS            0        0   0     0
                n                 1        1   0     2
                missing           0        0   1     1
                """);
        // Days from registration to start: T1 11, T3 70, T4 1 | T7 64, T8 0, T9 unknown | T10 11, T12 49.
        assertTable(report, "wachttijd", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                LE5W              2        1   1     4
                GT5W              1        1   1     3
                n                 3        2   2     7
                missing           0        1   0     1
                """);
        // 8 started, 7 with a registration date, 3 over 35 days, mean (11+70+1+64+0+11+49)/7 = 206/7.
        assertThat(report.waiting().started()).isEqualTo(8);
        assertThat(report.waiting().known()).isEqualTo(7);
        assertThat(report.waiting().overFiveWeeks()).isEqualTo(3);
        assertThat(report.waiting().meanDays()).isCloseTo(206.0 / 7, within(1e-9));
    }

    @Test
    void ageDistributionsPerGenderAndOpenAtTheEnd() {
        assertThat(report.distributions().get("leeftijd_M").frequencies()).isEqualTo(Map.of(4, 1L, 6, 1L, 12, 1L));
        assertThat(report.distributions().get("leeftijd_M").mean()).isCloseTo(22.0 / 3, within(1e-9));
        assertThat(report.distributions().get("leeftijd_V").frequencies()).isEqualTo(Map.of(12, 1L, 21, 1L));
        assertThat(report.distributions().get("leeftijd_V").mean()).isCloseTo(16.5, within(1e-9));
        // T4 and T8 open, T7 closed only on 1 September; T2 closed on 31 August is not open at the end.
        assertThat(report.openAtEnd()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- process: closed in the period

    @Test
    void interventionsPerFunctionEducationAndExperience() {
        // T6 (SOH) has interventions unknown: missing. T10 has none ({}): known, counted in n, no row.
        assertTable(report, "interventies", FUNCTION_TYPE, """
                                            POH_JEUGD SOH_JGGZ OJG TOTAL
                TRIAGE_SCREENING                    2        1   1     4
                PSYCHO_EDUCATIE                     2        0   0     2
                ONDERSTEUNENDE_GESPREKKEN           1        0   0     1
                OPVOEDONDERSTEUNING                 0        1   0     1
                BEMIDDELING_VERWIJZING              0        2   1     3
                KORTDURENDE_BEHANDELING             1        1   0     2
                OVERBRUGGINGSHULP                   1        0   1     2
                CRISISINTERVENTIE                   0        1   0     1
                MEDICATIEVRAGEN                     0        1   0     1
                ANDERS                              0        0   1     1
                n                                   3        3   3     9
                missing                             0        1   0     1
                """);
        // HBO: T1, T2. WO: T10, T11, T12. WO+: T3 (POH's June profile), T5, T6, T9, T15.
        assertTable(report, "interventies", EDUCATION, """
                                            HBO WO WO_PLUS TOTAL
                TRIAGE_SCREENING              1  1       2     4
                PSYCHO_EDUCATIE               2  0       0     2
                ONDERSTEUNENDE_GESPREKKEN     1  0       0     1
                OPVOEDONDERSTEUNING           0  0       1     1
                BEMIDDELING_VERWIJZING        0  1       2     3
                KORTDURENDE_BEHANDELING       1  0       1     2
                OVERBRUGGINGSHULP             1  1       0     2
                CRISISINTERVENTIE             0  0       1     1
                MEDICATIEVRAGEN               0  0       1     1
                ANDERS                        0  1       0     1
                n                             2  3       4     9
                missing                       0  0       1     1
                """);
        // LT5: T1, T2. 6_10: T10, T11, T12. 11_15: T3, T5, T15. GT15: T6, T9.
        assertTable(report, "interventies", EXPERIENCE, """
                                            LT5 6_10 11_15 GT15 TOTAL
                TRIAGE_SCREENING              1    1     2    0     4
                PSYCHO_EDUCATIE               2    0     0    0     2
                ONDERSTEUNENDE_GESPREKKEN     1    0     0    0     1
                OPVOEDONDERSTEUNING           0    0     0    1     1
                BEMIDDELING_VERWIJZING        0    1     2    0     3
                KORTDURENDE_BEHANDELING       1    0     1    0     2
                OVERBRUGGINGSHULP             1    1     0    0     2
                CRISISINTERVENTIE             0    0     0    1     1
                MEDICATIEVRAGEN               0    0     0    1     1
                ANDERS                        0    1     0    0     1
                n                             2    3     3    1     9
                missing                       0    0     0    1     1
                """);
        assertTable(report, "aantal_interventies", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                0                 0        0   1     1
                1                 1        0   1     2
                2                 1        2   0     3
                3                 0        1   1     2
                4PLUS             1        0   0     1
                n                 3        3   3     9
                missing           0        1   0     1
                """);
    }

    @Test
    void consultationsContactsAndDuration() {
        // T3 consultations unknown; T2 and T10 none ({}).
        assertTable(report, "overleg", FUNCTION_TYPE, """
                               POH_JEUGD SOH_JGGZ OJG TOTAL
                HUISARTS               1        2   1     4
                LOKALE_ZORG            0        1   1     2
                CJG_WIJKTEAM           0        1   1     2
                SCHOOL                 1        1   0     2
                n                      2        4   3     9
                missing                1        0   0     1
                """);
        // Contacts: T1 3, T2 12, T3 1 | T5 2, T6 unknown, T9 7, T15 20 | T10 4, T11 15, T12 6.
        assertTable(report, "contacten", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                LE2               1        1   0     2
                3_5               1        0   1     2
                6_10              0        1   1     2
                11PLUS            1        1   1     3
                n                 3        3   3     9
                missing           0        1   0     1
                """);
        // Days: T1 19, T2 123, T3 0 | T5 77, T6 151, T9 35, T15 530 | T10 49, T11 106, T12 21 (the class edge).
        assertTable(report, "duur", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                LE1               1        0   0     1
                2_3               1        0   1     2
                4_10              0        1   1     2
                11_50             1        2   1     4
                GT50              0        1   0     1
                n                 3        4   3    10
                missing           0        0   0     0
                """);
        assertThat(report.distributions().get("contacten").frequencies())
                .isEqualTo(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L, 6, 1L, 7, 1L, 12, 1L, 15, 1L, 20, 1L));
        assertThat(report.distributions().get("contacten").cumulativePercent(2)).isEqualTo(22L); // 2/9
        assertThat(report.distributions().get("contacten").cumulativePercent(5)).isEqualTo(44L); // 4/9
        // Weeks = (days + 6) / 7, at least 1: 0 -> 1, 19 and 21 -> 3, 35 -> 5, 49 -> 7, 77 -> 11, 106 -> 16, 123 -> 18,
        // 151 -> 22, 530 -> 76.
        assertThat(report.distributions().get("weken").frequencies())
                .isEqualTo(Map.of(1, 1L, 3, 2L, 5, 1L, 7, 1L, 11, 1L, 16, 1L, 18, 1L, 22, 1L, 76, 1L));
        assertThat(report.distributions().get("weken").max()).isEqualTo(76);
        assertThat(report.distributions().get("weken").cumulativePercent(3)).isEqualTo(30L); // 3/10
    }

    @Test
    void outcomePerFunctionEducationAndExperience() {
        assertTable(report, "afronding", FUNCTION_TYPE, """
                                POH_JEUGD SOH_JGGZ OJG TOTAL
                ZELF_AFGEROND           1        1   1     3
                VERWEZEN                1        3   1     5
                ANDERS                  1        0   1     2
                n                       3        4   3    10
                missing                 0        0   0     0
                """);
        assertTable(report, "afronding", EDUCATION, """
                                HBO WO WO_PLUS TOTAL
                ZELF_AFGEROND     1  1       1     3
                VERWEZEN          1  1       3     5
                ANDERS            0  1       1     2
                n                 2  3       5    10
                missing           0  0       0     0
                """);
        // T5 (started 2026-02-27) is 11_15, T6 (started 2026-03-02) GT15: experience grows on 1 March.
        assertTable(report, "afronding", EXPERIENCE, """
                                LT5 6_10 11_15 GT15 TOTAL
                ZELF_AFGEROND     1    1     0    1     3
                VERWEZEN          1    1     2    1     5
                ANDERS            0    1     1    0     2
                n                 2    3     3    2    10
                missing           0    0     0    0     0
                """);
        ReportTable outcome = table(report, "afronding", FUNCTION_TYPE);
        assertThat(outcome.percent(1, 1)).isEqualTo(75L); // SOH referred 3 of 4
        assertThat(outcome.percent(1, outcome.totalColumn())).isEqualTo(50L);
        assertThat(outcome.count("VERWEZEN", "TOTAL")).isEqualTo(5);
        assertThat(outcome.n("SOH_JGGZ")).isEqualTo(4);
        assertThat(outcome.missing("TOTAL")).isZero();
        assertTable(report, "reden_anders", FUNCTION_TYPE, """
                                POH_JEUGD SOH_JGGZ OJG TOTAL
                OVERBRUGGING            0        0   1     1
                PARALLEL                1        0   0     1
                INTENSIVERING           0        0   0     0
                ANDERS                  0        0   0     0
                n                       1        0   1     2
                missing                 0        0   0     0
                """);
        assertTable(report, "moment_verwijzing", FUNCTION_TYPE, """
                                       POH_JEUGD SOH_JGGZ OJG TOTAL
                NA_VRAAGVERHELDERING           0        2   1     3
                NA_BEHANDELING                 1        1   0     2
                n                              1        3   1     5
                missing                        0        0   0     0
                """);
    }

    @Test
    void referralDestinationsOverReferredTrajectories() {
        // T2 SGGZ + jeugdzorg, T5 BGGZ, T9 CJG + vrij toegankelijk, T15 ANDERS, T12 LVB.
        assertTable(report, "verwijzing", FUNCTION_TYPE, """
                                      POH_JEUGD SOH_JGGZ OJG TOTAL
                SGGZ                          1        0   0     1
                BGGZ                          0        1   0     1
                CJG_WIJKTEAM                  0        1   0     1
                VRIJ_TOEGANKELIJK             0        1   0     1
                JEUGDHULP_JEUGDZORG           1        0   0     1
                JEUGDHULP_LVB                 0        0   1     1
                JEUGDCONSULENT                0        0   0     0
                ANDERS                        0        1   0     1
                n                             1        3   1     5
                missing                       0        0   0     0
                """);
        assertTable(report, "verwijzing", EDUCATION, """
                                      HBO WO WO_PLUS TOTAL
                SGGZ                    1  0       0     1
                BGGZ                    0  0       1     1
                CJG_WIJKTEAM            0  0       1     1
                VRIJ_TOEGANKELIJK       0  0       1     1
                JEUGDHULP_JEUGDZORG     1  0       0     1
                JEUGDHULP_LVB           0  1       0     1
                JEUGDCONSULENT          0  0       0     0
                ANDERS                  0  0       1     1
                n                       1  1       3     5
                missing                 0  0       0     0
                """);
        assertTable(report, "verwijzing", EXPERIENCE, """
                                      LT5 6_10 11_15 GT15 TOTAL
                SGGZ                    1    0     0    0     1
                BGGZ                    0    0     1    0     1
                CJG_WIJKTEAM            0    0     0    1     1
                VRIJ_TOEGANKELIJK       0    0     0    1     1
                JEUGDHULP_JEUGDZORG     1    0     0    0     1
                JEUGDHULP_LVB           0    1     0    0     1
                JEUGDCONSULENT          0    0     0    0     0
                ANDERS                  0    0     1    0     1
                n                       1    1     2    1     5
                missing                 0    0     0    0     0
                """);
        assertTable(report, "aantal_verwijzingen", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                1                 0        2   1     3
                2PLUS             1        1   0     2
                n                 1        3   1     5
                missing           0        0   0     0
                """);
        // Two destinations: 7 over 5 referred trajectories, 140%.
        assertThat(table(report, "verwijzing", FUNCTION_TYPE).multiAnswer()).isTrue();
    }

    @Test
    void theOtherProcessTablesPerEducationAndExperience() {
        // Education at the start: HBO T1, T2; WO T10, T11, T12; WO+ T3, T5, T6, T9, T15.
        // Experience at the start: LT5 T1, T2; 6_10 T10, T11, T12; 11_15 T3, T5, T15; GT15 T6, T9.
        assertTable(report, "aantal_interventies", EDUCATION, """
                         HBO  WO  WO_PLUS  TOTAL
                0          0   1        0      1
                1          0   1        1      2
                2          1   0        2      3
                3          0   1        1      2
                4PLUS      1   0        0      1
                n          2   3        4      9
                missing    0   0        1      1
                """);
        assertTable(report, "aantal_interventies", EXPERIENCE, """
                         LT5  6_10  11_15  GT15  TOTAL
                0          0     1      0     0      1
                1          0     1      1     0      2
                2          1     0      2     0      3
                3          0     1      0     1      2
                4PLUS      1     0      0     0      1
                n          2     3      3     1      9
                missing    0     0      0     1      1
                """);
        assertTable(report, "overleg", EDUCATION, """
                              HBO  WO  WO_PLUS  TOTAL
                HUISARTS        1   1        2      4
                LOKALE_ZORG     0   1        1      2
                CJG_WIJKTEAM    0   1        1      2
                SCHOOL          1   0        1      2
                n               2   3        4      9
                missing         0   0        1      1
                """);
        assertTable(report, "overleg", EXPERIENCE, """
                              LT5  6_10  11_15  GT15  TOTAL
                HUISARTS        1     1      1     1      4
                LOKALE_ZORG     0     1      0     1      2
                CJG_WIJKTEAM    0     1      1     0      2
                SCHOOL          1     0      0     1      2
                n               2     3      2     2      9
                missing         0     0      1     0      1
                """);
        assertTable(report, "contacten", EDUCATION, """
                         HBO  WO  WO_PLUS  TOTAL
                LE2        0   0        2      2
                3_5        1   1        0      2
                6_10       0   1        1      2
                11PLUS     1   1        1      3
                n          2   3        4      9
                missing    0   0        1      1
                """);
        assertTable(report, "contacten", EXPERIENCE, """
                         LT5  6_10  11_15  GT15  TOTAL
                LE2        0     0      2     0      2
                3_5        1     1      0     0      2
                6_10       0     1      0     1      2
                11PLUS     1     1      1     0      3
                n          2     3      3     1      9
                missing    0     0      0     1      1
                """);
        assertTable(report, "duur", EDUCATION, """
                         HBO  WO  WO_PLUS  TOTAL
                LE1        0   0        1      1
                2_3        1   1        0      2
                4_10       0   1        1      2
                11_50      1   1        2      4
                GT50       0   0        1      1
                n          2   3        5     10
                missing    0   0        0      0
                """);
        assertTable(report, "duur", EXPERIENCE, """
                         LT5  6_10  11_15  GT15  TOTAL
                LE1        0     0      1     0      1
                2_3        1     1      0     0      2
                4_10       0     1      0     1      2
                11_50      1     1      1     1      4
                GT50       0     0      1     0      1
                n          2     3      3     2     10
                missing    0     0      0     0      0
                """);
        assertTable(report, "reden_anders", EDUCATION, """
                               HBO  WO  WO_PLUS  TOTAL
                OVERBRUGGING     0   1        0      1
                PARALLEL         0   0        1      1
                INTENSIVERING    0   0        0      0
                ANDERS           0   0        0      0
                n                0   1        1      2
                missing          0   0        0      0
                """);
        assertTable(report, "reden_anders", EXPERIENCE, """
                               LT5  6_10  11_15  GT15  TOTAL
                OVERBRUGGING     0     1      0     0      1
                PARALLEL         0     0      1     0      1
                INTENSIVERING    0     0      0     0      0
                ANDERS           0     0      0     0      0
                n                0     1      1     0      2
                missing          0     0      0     0      0
                """);
        assertTable(report, "moment_verwijzing", EDUCATION, """
                                      HBO  WO  WO_PLUS  TOTAL
                NA_VRAAGVERHELDERING    0   1        2      3
                NA_BEHANDELING          1   0        1      2
                n                       1   1        3      5
                missing                 0   0        0      0
                """);
        assertTable(report, "moment_verwijzing", EXPERIENCE, """
                                      LT5  6_10  11_15  GT15  TOTAL
                NA_VRAAGVERHELDERING    0     1      1     1      3
                NA_BEHANDELING          1     0      1     0      2
                n                       1     1      2     1      5
                missing                 0     0      0     0      0
                """);
        assertTable(report, "aantal_verwijzingen", EDUCATION, """
                         HBO  WO  WO_PLUS  TOTAL
                1          0   1        2      3
                2PLUS      1   0        1      2
                n          1   1        3      5
                missing    0   0        0      0
                """);
        assertTable(report, "aantal_verwijzingen", EXPERIENCE, """
                         LT5  6_10  11_15  GT15  TOTAL
                1          0     1      2     0      3
                2PLUS      1     0      0     1      2
                n          1     1      2     1      5
                missing    0     0      0     0      0
                """);
    }

    @Test
    void everyTableExistsOncePerBreakdown() {
        List<String> intake = List.of("geslacht", "leeftijd", "aanmelders", "aantal_aanmelders", "capj_assen", "capj_a",
                "capj_d", "hulpvragen_per_traject", "diagnosevraag", "diagnose", "wachttijd");
        List<String> process = List.of("interventies", "aantal_interventies", "overleg", "contacten", "duur", "afronding",
                "reden_anders", "moment_verwijzing", "verwijzing", "aantal_verwijzingen");
        assertThat(report.intake()).extracting(ReportTable::id).containsExactlyElementsOf(intake);
        assertThat(report.intake()).allMatch(t -> t.breakdown() == FUNCTION_TYPE);
        for (Breakdown b : Breakdown.values()) {
            assertThat(report.process(b)).extracting(ReportTable::id).containsExactlyElementsOf(process);
        }
    }

    @Test
    void educationAndExperienceColumnsAddUpToTheTotal() {
        // Every supporter has an education and experience, so for every process table and breakdown
        // each group column adds up to the total column (n, missing and every count).
        for (Breakdown b : List.of(EDUCATION, EXPERIENCE)) {
            for (ReportTable t : report.process(b)) {
                ReportTable perFunction = table(report, t.id(), FUNCTION_TYPE);
                int total = t.totalColumn();
                for (int r = 0; r < t.rows().size(); r++) {
                    long sum = 0;
                    for (int c = 0; c < total; c++) {
                        sum += t.counts()[r][c];
                    }
                    assertThat(sum).as("%s %s row %s", t.id(), b, t.rows().get(r)).isEqualTo(t.counts()[r][total]);
                    assertThat(t.counts()[r][total]).isEqualTo(perFunction.counts()[r][perFunction.totalColumn()]);
                }
                assertThat(t.n()[total]).isEqualTo(perFunction.n()[perFunction.totalColumn()]);
                assertThat(t.missing()[total]).isEqualTo(perFunction.missing()[perFunction.totalColumn()]);
            }
        }
    }

    // ---------------------------------------------------------------- the test of independence

    @Test
    void outcomeTestIsAMonteCarloTestBecauseExpectedCountsAreSmall() {
        // afronding per function type: rows Z (1,1,1), V (1,3,1), A (1,0,1); row totals 3, 5, 2; columns 3, 4, 3;
        // N = 10. Expected E = row x column / 10:
        //   Z 0.9 1.2 0.9 | V 1.5 2.0 1.5 | A 0.6 0.8 0.6   (smallest 0.6 < 5: Monte Carlo)
        // X2 = Z: .01/.9 + .04/1.2 + .01/.9              = 0.0111 + 0.0333 + 0.0111 = 0.0556
        //      V: .25/1.5 + 1/2 + .25/1.5                = 0.1667 + 0.5    + 0.1667 = 0.8333
        //      A: .16/.6 + .64/.8 + .16/.6               = 0.2667 + 0.8    + 0.2667 = 1.3333
        //      total 2.2222 = 20/9, df (3-1)(3-1) = 4.
        // The exact permutation p-value (all tables with these margins, hypergeometric weights, checked in
        // python) is P(X2 >= 20/9) = 29/35 = 0.8286; 10,000 Monte Carlo draws are within 0.02 of it.
        TestResult result = table(report, "afronding", FUNCTION_TYPE).test().orElseThrow();
        assertThat(result.method()).isEqualTo(TestResult.Method.MONTE_CARLO);
        assertThat(result.permutations()).isEqualTo(IndependenceTest.PERMUTATIONS).isEqualTo(10_000);
        assertThat(result.statistic()).isCloseTo(20.0 / 9, within(1e-9));
        assertThat(result.degreesOfFreedom()).isEqualTo(4);
        assertThat(result.minExpected()).isCloseTo(0.6, within(1e-9));
        assertThat(result.n()).isEqualTo(10);
        assertThat(result.smallSample()).isTrue();
        assertThat(result.pValue()).isBetween(0.80, 0.86);
        // Multi-answer tables are not tested; the duration per education has a test too.
        assertThat(table(report, "verwijzing", FUNCTION_TYPE).test()).isEmpty();
        assertThat(table(report, "duur", EDUCATION).test()).isPresent();
    }

    @Test
    void outcomeTestIsAPlainChiSquareOnALargerDataSet() {
        // A dedicated pilot, 150 trajectories closed in the period, inserted in one statement:
        //              POH  SOH  OJG | row
        //   ZELF        30   20   10 |  60
        //   VERWEZEN    12   20   28 |  60
        //   ANDERS       8   10   12 |  30
        //   column      50   50   50 | 150
        // Expected: ZELF and VERWEZEN 60 x 50 / 150 = 20 in every cell, ANDERS 30 x 50 / 150 = 10 (all >= 5).
        // X2 = (10² + 0 + 10²)/20 + (8² + 0 + 8²)/20 + (2² + 0 + 2²)/10 = 10 + 6.4 + 0.8 = 17.2, df = 4,
        // p = exp(-x/2)(1 + x/2) = exp(-8.6) x 9.6 = 1.8411e-4 x 9.6 = 0.0017674.
        long chiPilot = data.pilot();
        long practice = data.practice(chiPilot, data.municipality());
        Supporter p = data.supporter(chiPilot, "POH_JEUGD", practice);
        Supporter s = data.supporter(chiPilot, "SOH_JGGZ", practice);
        Supporter o = data.supporter(chiPilot, "OJG", practice);
        int inserted = jdbc.sql("""
                        INSERT INTO trajectory (supporter_id, practice_id, start_date, end_date, help_request, outcome,
                                                outcome_other_reason, referral_moment, referral_destinations)
                        SELECT b.supporter, :practice, DATE '2026-05-04', DATE '2026-06-15', 'Gegenereerd', b.outcome,
                               CASE WHEN b.outcome = 'ANDERS' THEN 'PARALLEL' END,
                               CASE WHEN b.outcome = 'VERWEZEN' THEN 'NA_VRAAGVERHELDERING' END,
                               CASE WHEN b.outcome = 'VERWEZEN' THEN ARRAY['BGGZ']::VARCHAR(20)[] END
                          FROM (VALUES (:p, 'ZELF_AFGEROND', 30), (:s, 'ZELF_AFGEROND', 20), (:o, 'ZELF_AFGEROND', 10),
                                       (:p, 'VERWEZEN', 12),      (:s, 'VERWEZEN', 20),      (:o, 'VERWEZEN', 28),
                                       (:p, 'ANDERS', 8),         (:s, 'ANDERS', 10),        (:o, 'ANDERS', 12))
                               AS b(supporter, outcome, k)
                         CROSS JOIN LATERAL generate_series(1, b.k)""")
                .param("practice", practice).param("p", p.id()).param("s", s.id()).param("o", o.id()).update();
        assertThat(inserted).isEqualTo(150);

        Report big = reports.report(new ReportFilter(FROM, TO, chiPilot, null, null, null, null), ReportScope.everything());
        assertTable(big, "afronding", FUNCTION_TYPE, """
                                POH_JEUGD SOH_JGGZ OJG TOTAL
                ZELF_AFGEROND          30       20  10    60
                VERWEZEN               12       20  28    60
                ANDERS                  8       10  12    30
                n                      50       50  50   150
                missing                 0        0   0     0
                """);
        TestResult result = table(big, "afronding", FUNCTION_TYPE).test().orElseThrow();
        assertThat(result.method()).isEqualTo(TestResult.Method.CHI_SQUARE);
        assertThat(result.permutations()).isNull();
        assertThat(result.statistic()).isCloseTo(17.2, within(1e-9));
        assertThat(result.degreesOfFreedom()).isEqualTo(4);
        assertThat(result.pValue()).isCloseTo(Math.exp(-8.6) * 9.6, within(1e-12)).isCloseTo(0.0017674, within(1e-7));
        assertThat(result.minExpected()).isCloseTo(10.0, within(1e-9));
        assertThat(result.smallSample()).isFalse();
        // Every supporter has the default profile (WO, 8 years from 2015: 19 in 2026), so per education and
        // experience all trajectories fall in one group: nothing to compare, no test.
        assertThat(table(big, "afronding", EDUCATION).test()).isEmpty();
        assertThat(table(big, "afronding", EDUCATION).n()).containsExactly(0, 150, 0, 150);
        assertThat(table(big, "afronding", EXPERIENCE).n()).containsExactly(0, 0, 0, 150, 150);
    }

    // ---------------------------------------------------------------- supporters (T1, T2)

    @Test
    void supporterFiguresUseTheProfileAtThePeriodsEnd() {
        // Active in the period: all three. POH's profile on 31 August is the June one (WO+, 12 years,
        // 16 hours), not the HBO one. Experience on 31 August: POH 12 + 0, SOH 6 + 10 = 16, OJG 0 + 6 = 6.
        // Started in the period: POH 3, SOH 3, OJG 2; the period has 123 days = 123/7 weeks, so new
        // clients per week are 21/123, 21/123 and 14/123.
        List<SupporterGroup> groups = report.supporters().groups();
        assertThat(groups).extracting(SupporterGroup::functionType).containsExactly("POH_JEUGD", "SOH_JGGZ", "OJG", "TOTAL");
        assertThat(groups).extracting(SupporterGroup::supporters).containsExactly(1L, 1L, 1L, 3L);

        SupporterGroup pohGroup = groups.get(0);
        assertThat(pohGroup.education()).isEqualTo(Map.of("HBO", 0L, "WO", 0L, "WO_PLUS", 1L, "ANDERS", 0L));
        assertThat(pohGroup.experience()).isEqualTo(Map.of("LT5", 0L, "6_10", 0L, "11_15", 1L, "GT15", 0L));
        assertThat(pohGroup.meanHours()).isEqualTo(16.0);
        assertThat(pohGroup.meanBaseTeamHours()).isEqualTo(2.0);
        assertThat(pohGroup.meanPractices()).isEqualTo(1.0);
        assertThat(pohGroup.meanGps()).isEqualTo(3.0);
        assertThat(pohGroup.meanNormPractices()).isCloseTo(3.0, within(1e-9));
        assertThat(pohGroup.meanRegistrationWeeks()).isCloseTo(34.0, within(1e-9)); // 238 days
        assertThat(pohGroup.meanNewPerWeek()).isCloseTo(21.0 / 123, within(1e-9));
        assertThat(pohGroup.sdNewPerWeek()).isNull(); // one supporter

        SupporterGroup sohGroup = groups.get(1);
        assertThat(sohGroup.education()).containsEntry("WO_PLUS", 1L);
        assertThat(sohGroup.experience()).isEqualTo(Map.of("LT5", 0L, "6_10", 0L, "11_15", 0L, "GT15", 1L));
        assertThat(sohGroup.meanHours()).isEqualTo(8.5);
        assertThat(sohGroup.meanPractices()).isEqualTo(2.0);
        assertThat(sohGroup.meanGps()).isEqualTo(5.0);
        assertThat(sohGroup.meanNormPractices()).isCloseTo(5.0, within(1e-9)); // (7050 + 4700) / 2350
        assertThat(sohGroup.meanRegistrationWeeks()).isCloseTo(52.0, within(1e-9)); // 364 days

        SupporterGroup ojgGroup = groups.get(2);
        assertThat(ojgGroup.education()).isEqualTo(Map.of("HBO", 0L, "WO", 1L, "WO_PLUS", 0L, "ANDERS", 0L));
        assertThat(ojgGroup.experience()).containsEntry("6_10", 1L);
        assertThat(ojgGroup.meanHours()).isEqualTo(24.0);
        assertThat(ojgGroup.meanRegistrationWeeks()).isNull(); // no registration end
        assertThat(ojgGroup.meanNewPerWeek()).isCloseTo(14.0 / 123, within(1e-9));

        SupporterGroup total = groups.get(3);
        assertThat(total.education()).isEqualTo(Map.of("HBO", 0L, "WO", 1L, "WO_PLUS", 2L, "ANDERS", 0L));
        assertThat(total.experience()).isEqualTo(Map.of("LT5", 0L, "6_10", 1L, "11_15", 1L, "GT15", 1L));
        assertThat(total.meanHours()).isCloseTo(48.5 / 3, within(1e-9));
        assertThat(total.minHours()).isEqualTo(8.5);
        assertThat(total.maxHours()).isEqualTo(24.0);
        assertThat(total.meanBaseTeamHours()).isCloseTo(2.0, within(1e-9));
        assertThat(total.meanPractices()).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(total.meanGps()).isCloseTo(10.0 / 3, within(1e-9));
        assertThat(total.meanNormPractices()).isCloseTo(10.0 / 3, within(1e-9));
        assertThat(total.meanRegistrationWeeks()).isCloseTo(43.0, within(1e-9)); // (34 + 52) / 2
        assertThat(total.minRegistrationWeeks()).isCloseTo(34.0, within(1e-9));
        assertThat(total.maxRegistrationWeeks()).isCloseTo(52.0, within(1e-9));
        // mean (21 + 21 + 14) / 3 / 123 = 56/369; deviations 7, 7, -14 (/369): SD = sqrt(294/2)/369.
        assertThat(total.meanNewPerWeek()).isCloseTo(56.0 / 369, within(1e-9));
        assertThat(total.sdNewPerWeek()).isCloseTo(Math.sqrt(147) / 369, within(1e-9));
        assertThat(total.minNewPerWeek()).isCloseTo(14.0 / 123, within(1e-9));
        assertThat(total.maxNewPerWeek()).isCloseTo(21.0 / 123, within(1e-9));
    }

    // ---------------------------------------------------------------- scope

    @Test
    void aProjectLeaderOfThePilotSeesTheSameWithoutFilteringOnIt() {
        Report scoped = reports.report(ReportFilter.period(FROM, TO),
                ReportScope.of(user(Role.PROJECTLEIDER, Set.of(pilot), null)));
        for (ReportTable t : report.intake()) {
            assertThat(ReportAssertions.render(table(scoped, t.id(), t.breakdown()), false))
                    .isEqualTo(ReportAssertions.render(t, false));
        }
        for (ReportTable t : report.process()) {
            assertThat(ReportAssertions.render(table(scoped, t.id(), t.breakdown()), false))
                    .isEqualTo(ReportAssertions.render(t, false));
        }
        assertThat(scoped.waiting()).isEqualTo(report.waiting());
        assertThat(scoped.openAtEnd()).isEqualTo(3);
        assertThat(scoped.supporters()).isEqualTo(report.supporters());
    }

    @Test
    void aSupporterSeesOnlyTheirOwnTrajectories() {
        // SOH: started T7 (V), T8 (X), T9 (unknown); closed T5, T6, T9, T15; open at the end T7, T8.
        Report own = reports.report(ReportFilter.period(FROM, TO),
                ReportScope.of(user(Role.PRAKTIJKONDERSTEUNER, Set.of(), soh.id())));
        assertTable(own, "geslacht", FUNCTION_TYPE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                M                 0        0   0     0
                V                 0        1   0     1
                X                 0        1   0     1
                n                 0        2   0     2
                missing           0        1   0     1
                """);
        assertTable(own, "afronding", FUNCTION_TYPE, """
                                POH_JEUGD SOH_JGGZ OJG TOTAL
                ZELF_AFGEROND           0        1   0     1
                VERWEZEN                0        3   0     3
                ANDERS                  0        0   0     0
                n                       0        4   0     4
                missing                 0        0   0     0
                """);
        assertTable(own, "afronding", EXPERIENCE, """
                                LT5 6_10 11_15 GT15 TOTAL
                ZELF_AFGEROND     0    0     0    1     1
                VERWEZEN          0    0     2    1     3
                ANDERS            0    0     0    0     0
                n                 0    0     2    2     4
                missing           0    0     0    0     0
                """);
        // Only one group has counts: no test of independence.
        assertThat(table(own, "afronding", FUNCTION_TYPE).test()).isEmpty();
        assertThat(own.waiting()).isEqualTo(new Report.Waiting(3, 2, 1, 32.0)); // T7 64 days, T8 0
        assertThat(own.openAtEnd()).isEqualTo(2);
        assertThat(own.distributions().get("contacten").frequencies()).isEqualTo(Map.of(2, 1L, 7, 1L, 20, 1L));
        assertThat(own.supporters().groups()).extracting(SupporterGroup::functionType).containsExactly("SOH_JGGZ", "TOTAL");
        assertThat(own.supporters().groups()).extracting(SupporterGroup::supporters).containsExactly(1L, 1L);
    }

    @Test
    void aProjectLeaderOfAnotherPilotSeesNothing() {
        Report other = reports.report(ReportFilter.period(FROM, TO),
                ReportScope.of(user(Role.PROJECTLEIDER, Set.of(emptyPilot), null)));
        assertThat(other.intake()).hasSize(report.intake().size()).allMatch(ReportAssertions::empty);
        assertThat(other.process()).hasSize(report.process().size()).allMatch(ReportAssertions::empty);
        assertThat(other.distributions().values()).allMatch(d -> d.n() == 0);
        assertThat(other.waiting()).isEqualTo(new Report.Waiting(0, 0, 0, null));
        assertThat(other.openAtEnd()).isZero();
        assertThat(other.supporters().groups()).allMatch(g -> g.supporters() == 0);
        assertThat(other.types().population()).isZero();
        // Asking for our pilot explicitly does not widen the scope either.
        Report asked = reports.report(ourPilot(), ReportScope.of(user(Role.PROJECTLEIDER, Set.of(emptyPilot), null)));
        assertThat(asked.process()).allMatch(ReportAssertions::empty);
        // A project leader without any pilot sees nothing at all.
        Report none = reports.report(ReportFilter.period(FROM, TO), ReportScope.of(user(Role.PROJECTLEIDER, Set.of(), null)));
        assertThat(none.intake()).allMatch(ReportAssertions::empty);
        assertThat(none.openAtEnd()).isZero();
    }
}
