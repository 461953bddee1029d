package nl.jeugdhulp.registratie.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The summary over a hand-made data set, every figure counted by hand. Period 1 Jan – 30 Apr 2026.
 *
 * <pre>
 *      start      end        outcome               sex  birth    applicants       contacts interventions        capj
 * T1   2025-12-01 open       -                     M    2014-03  OUDERS           -        -                    A102
 * T2   2026-01-10 2026-02-10 ZELF                  V    2012-06  JEUGDIGE,OUDERS  2        TRIAGE,PSYCHO        A102,D400
 * T3   2026-02-01 2026-03-01 VERWEZEN vraag BGGZ   V    2010-01  OUDERS           1        TRIAGE,BEMIDDELING   B000
 * T4   2026-03-01 2026-04-30 VERWEZEN beh. CJG     M    2016-05  SCHOOL,OUDERS    7        OPVOED               D400
 * T5   2026-03-15 2026-04-15 VERWEZEN beh. SGGZ+JC X    -        null             12       null                 -
 * T6   2025-10-01 2025-12-20 ZELF  (closed before the period: nowhere)
 * T7   2026-05-01 open       (started after the period: nowhere)
 * T8   2025-11-01 2026-01-05 ANDERS                ONB  2008-09  PROFESSIONAL     4        {}                   ONG
 * </pre>
 * Seen: T1–T5, T8 (6). Closed in the period: T2, T3, T4 (closed on the last day), T5, T8 (5). Ages at
 * start: T1 11, T2 13, T3 16, T4 9, T8 17; mean boys (11 + 9) / 2 = 10, girls (13 + 16) / 2 = 14,5.
 * Valued (baten): T2 (zelf) and T4 (only CJG); T5 also went to SGGZ, so it does not count.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryServiceTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 4, 30);

    @Autowired
    SummaryService service;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    PilotChoice pilot;
    Summary full;

    @BeforeAll
    void buildDataSet() {
        long pilotId = data.pilot();
        pilot = new PilotChoice(pilotId, "Testpilot");
        long practice = data.practice(pilotId, data.municipality());
        Supporter supporter = data.supporter(pilotId, "POH_JEUGD", practice);
        Rows rows = new Rows(jdbc, supporter.id(), practice);
        rows.one("2025-12-01", null, null, null, null, "M", 2014, 3, "{OUDERS}", null, null, "A102");
        rows.one("2026-01-10", "2026-02-10", "ZELF_AFGEROND", null, null, "V", 2012, 6, "{JEUGDIGE,OUDERS}", 2,
                "{TRIAGE_SCREENING,PSYCHO_EDUCATIE}", "A102", "D400");
        rows.one("2026-02-01", "2026-03-01", "VERWEZEN", "NA_VRAAGVERHELDERING", "{BGGZ}", "V", 2010, 1, "{OUDERS}", 1,
                "{TRIAGE_SCREENING,BEMIDDELING_VERWIJZING}", "B000");
        rows.one("2026-03-01", "2026-04-30", "VERWEZEN", "NA_BEHANDELING", "{CJG_WIJKTEAM}", "M", 2016, 5,
                "{SCHOOL,OUDERS}", 7, "{OPVOEDONDERSTEUNING}", "D400");
        rows.one("2026-03-15", "2026-04-15", "VERWEZEN", "NA_BEHANDELING", "{SGGZ,JEUGDCONSULENT}", "X", null, null,
                null, 12, null);
        rows.one("2025-10-01", "2025-12-20", "ZELF_AFGEROND", null, null, "V", 2012, 6, "{OUDERS}", 2, "{}");
        rows.one("2026-05-01", null, null, null, null, "V", 2012, 6, "{OUDERS}", null, null);
        rows.one("2025-11-01", "2026-01-05", "ANDERS", null, null, "ONBEKEND", 2008, 9, "{PROFESSIONAL}", 4, "{}", "ONG");
        // Another pilot's trajectory in the same period must not count.
        long other = data.pilot();
        long otherPractice = data.practice(other, data.municipality());
        new Rows(jdbc, data.supporter(other, "OJG", otherPractice).id(), otherPractice)
                .one("2026-02-01", "2026-02-02", "ZELF_AFGEROND", null, null, "M", 2012, 1, "{OUDERS}", 1, "{}");
        full = service.summary(List.of(pilot), FROM, TO, false, Locale.forLanguageTag("nl-NL"));
    }

    private Summary.Table table(Summary summary, String id) {
        return summary.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<org.assertj.core.groups.Tuple> lines(Summary.Table table) {
        return table.lines().stream().map(l -> tuple(l.label(), l.count().text(), l.percent())).toList();
    }

    @Test
    void countsTheYoungPeopleSeenAndTheTrajectoriesClosed() {
        assertThat(full.seen().text()).isEqualTo("6");
        assertThat(full.closed().text()).isEqualTo("5");
        assertThat(full.closedWithoutReferral()).isEqualTo("20%");
        assertThat(full.suppressed()).isFalse();
    }

    @Test
    void genderWithMeanAgePerGender() {
        Summary.Table gender = table(full, "geslacht");
        assertThat(gender.lines()).extracting(l -> l.label(), l -> l.count().text(), l -> l.percent(), l -> l.extra())
                .containsExactly(tuple("Jongen", "2", "33%", "10"), tuple("Meisje", "2", "33%", "14,5"),
                        tuple("X (anders)", "1", "17%", ""), tuple("Onbekend", "1", "17%", ""));
        assertThat(gender.total().text()).isEqualTo("6");
    }

    @Test
    void helpRequestAreasCountYoungPeoplePerCapjAxis() {
        assertThat(lines(table(full, "hulpvraag"))).containsExactly(
                tuple("Psychosociaal functioneren", "2", "33%"), tuple("Lichamelijke gezondheid", "1", "17%"),
                tuple("Cognitieve ontwikkeling en vaardigheden", "0", "0%"), tuple("Gezin en opvoeding", "2", "33%"),
                tuple("Jeugdige en omgeving", "0", "0%"), tuple("Niet geclassificeerd", "2", "33%"));
        assertThat(table(full, "hulpvraag").multiAnswer()).isTrue();
    }

    @Test
    void applicantsAndActivities() {
        assertThat(table(full, "aanmelders").lines()).extracting(l -> l.count().text())
                .containsExactly("1", "4", "1", "1", "0", "1");
        // Interventions over the 5 closed: triage T2 T3, psycho-educatie T2, bemiddeling T3, opvoed T4; T5 unknown.
        assertThat(table(full, "werkzaamheden").lines()).extracting(l -> l.count().text())
                .containsExactly("2", "1", "0", "1", "1", "0", "0", "0", "0", "0", "1");
        assertThat(table(full, "werkzaamheden").lines().get(0).percent()).isEqualTo("40%");
    }

    @Test
    void contactClassesOfClosedTrajectories() {
        assertThat(lines(table(full, "contacten"))).containsExactly(tuple("1–2 contacten", "2", "40%"),
                tuple("3–5 contacten", "1", "20%"), tuple("6–10 contacten", "1", "20%"),
                tuple("11 of meer contacten", "1", "20%"), tuple("Onbekend", "0", "0%"));
    }

    @Test
    void outcomeAndReferralsByMomentAndDestination() {
        assertThat(table(full, "afronding").lines()).extracting(l -> l.count().text())
                .containsExactly("1", "1", "2", "1");
        Summary.Table afterClarification = table(full, "verwijzing_NA_VRAAGVERHELDERING");
        assertThat(afterClarification.total().text()).isEqualTo("1");
        assertThat(afterClarification.lines()).extracting(l -> l.count().text())
                .containsExactly("0", "1", "0", "0", "0", "0", "0", "0");
        Summary.Table afterTreatment = table(full, "verwijzing_NA_BEHANDELING");
        assertThat(afterTreatment.total().text()).isEqualTo("2");
        // SGGZ, BGGZ, CJG, vrij toegankelijk, jeugdzorg, LVB, jeugdconsulent, anders; % of the 2 referred.
        assertThat(afterTreatment.lines()).extracting(l -> l.count().text(), l -> l.percent()).containsExactly(
                tuple("1", "50%"), tuple("0", "0%"), tuple("1", "50%"), tuple("0", "0%"), tuple("0", "0%"),
                tuple("0", "0%"), tuple("1", "50%"), tuple("0", "0%"));
    }

    @Test
    void everyTableHasAnAccessibleSvgChart() {
        assertThat(full.tables()).allSatisfy(t -> assertThat(t.chart()).startsWith("<svg").contains("role=\"img\"")
                .contains(t.title()));
    }

    @Test
    void withoutAssumptionsTheCostBlockNamesThePilot() {
        assertThat(full.cost().computed()).isFalse();
        assertThat(full.cost().missingPilots()).containsExactly("Testpilot");
        assertThat(full.cost().valued().text()).isEqualTo("2");
    }

    @Test
    void forAMunicipalityEverySmallCountIsHidden() {
        Summary municipal = service.summary(List.of(pilot), FROM, TO, true, Locale.forLanguageTag("nl-NL"));
        assertThat(municipal.seen().text()).isEqualTo("6");
        assertThat(municipal.closed().text()).isEqualTo("5");
        assertThat(table(municipal, "geslacht").lines()).extracting(l -> l.count().text(), l -> l.percent(), l -> l.extra())
                .containsExactly(tuple("<5", "", ""), tuple("<5", "", ""), tuple("<5", "", ""), tuple("<5", "", ""));
        assertThat(table(municipal, "afronding").lines()).extracting(l -> l.count().text())
                .containsExactly("<5", "<5", "<5", "<5");
        assertThat(municipal.closedWithoutReferral()).isEmpty();
        assertThat(table(municipal, "contacten").lines()).extracting(l -> l.count().text())
                .containsExactly("<5", "<5", "<5", "<5", "0");
    }
}
