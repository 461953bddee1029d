package nl.jeugdhulp.registratie.reporting;

import static nl.jeugdhulp.registratie.reporting.Breakdown.FUNCTION_TYPE;
import static nl.jeugdhulp.registratie.reporting.ReportAssertions.assertTable;
import static nl.jeugdhulp.registratie.reporting.ReportAssertions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The study's tables 6 and 7 (report 2019, reports.md) reproduced from raw counts: 2012 closed
 * trajectories generated in one INSERT ... SELECT generate_series, the report's rounded percentages
 * compared with the published ones.
 *
 * <p>Counts derived from the published percentages (n per function type POH 578, OJG 429, SOH 1005; the
 * report's columns are POH, SOH, OJG, so the published OJG and SOH columns are swapped below):
 * <pre>
 *                 POH  SOH  OJG  total   published %
 * zelf afgerond   242  393  182   817    42 39 42 | 41   (text: "817 (41%)")
 * verwezen        263  500  182   945    46 50 42 | 47   (table 7: 263, 500, 182, 945)
 * anders           73  112   65   250    13 11 15 | 12   (text: "250 trajecten (12%)")
 * </pre>
 * Each cell is the only choice, or one of a few, that rounds (half up) to the published percentage with
 * the published totals: POH zelf must be 240-242 and anders 73-75 given 263 referred, OJG zelf 181-182,
 * SOH zelf 390-396, summing to the 817 of the text. The published numbers are consistent: 263 of 578 is
 * 45.50%, which rounds half up to the published 46% (46% of 578 would be 266, but any count from 263 to
 * 268 rounds to 46%), so no published count had to be changed.
 *
 * <p>Destinations (table 7), % of referred trajectories, 28 referred to two destinations: per function type
 * counts that round to every published cell and whose totals round to the total column:
 * <pre>
 *                       POH (263)  SOH (500)  OJG (182) | total (945)
 * SGGZ                  164  62%   215  43%   71  39%   | 450  48%
 * BGGZ                   32  12%   130  26%    8   4%   | 170  18%
 * CJG, wijkteam          14   5%    60  12%   50  27%   | 124  13%
 * vrij toegankelijk       8   3%    60  12%   17   9%   |  85   9%
 * jeugdzorg              14   5%    30   6%   17   9%   |  61   6%
 * LVB                     3   1%     5   1%    0   0%   |   8   1%
 * anders                 35  13%    16   3%   24  13%   |  75   8%
 * sum (referred+doubles) 270 = 263+7  516 = 500+16  187 = 182+5 | 973 = 945+28
 * </pre>
 * The doubles: 7 POH trajectories to SGGZ and jeugdzorg, 16 SOH to SGGZ and BGGZ, 5 OJG to CJG and anders.
 * The published per-type columns add up to 101, 103 and 101%, the total to 103%, as they should with
 * 28 of 945 trajectories (3%) referred twice and rounding.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyReproductionTest {

    @Autowired
    ReportService reports;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Report report;

    @BeforeAll
    void generateTheStudysClosedTrajectories() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter poh = data.supporter(pilot, "POH_JEUGD", practice);
        Supporter soh = data.supporter(pilot, "SOH_JGGZ", practice);
        Supporter ojg = data.supporter(pilot, "OJG", practice);
        int inserted = jdbc.sql("""
                        INSERT INTO trajectory (supporter_id, practice_id, start_date, end_date, help_request, outcome,
                                                outcome_other_reason, referral_moment, referral_destinations)
                        SELECT CASE b.type WHEN 'POH' THEN :poh WHEN 'SOH' THEN :soh ELSE :ojg END, :practice,
                               DATE '2026-05-04', DATE '2026-06-15', 'Gegenereerd', b.outcome,
                               CASE WHEN b.outcome = 'ANDERS' THEN 'OVERBRUGGING' END,
                               CASE WHEN b.outcome = 'VERWEZEN' THEN 'NA_VRAAGVERHELDERING' END,
                               CAST(b.destinations AS VARCHAR(20)[])
                          FROM (VALUES
                                ('POH', 'ZELF_AFGEROND', NULL, 242),
                                ('POH', 'ANDERS', NULL, 73),
                                ('POH', 'VERWEZEN', '{SGGZ,JEUGDHULP_JEUGDZORG}', 7),
                                ('POH', 'VERWEZEN', '{SGGZ}', 157),
                                ('POH', 'VERWEZEN', '{BGGZ}', 32),
                                ('POH', 'VERWEZEN', '{CJG_WIJKTEAM}', 14),
                                ('POH', 'VERWEZEN', '{VRIJ_TOEGANKELIJK}', 8),
                                ('POH', 'VERWEZEN', '{JEUGDHULP_JEUGDZORG}', 7),
                                ('POH', 'VERWEZEN', '{JEUGDHULP_LVB}', 3),
                                ('POH', 'VERWEZEN', '{ANDERS}', 35),
                                ('SOH', 'ZELF_AFGEROND', NULL, 393),
                                ('SOH', 'ANDERS', NULL, 112),
                                ('SOH', 'VERWEZEN', '{SGGZ,BGGZ}', 16),
                                ('SOH', 'VERWEZEN', '{SGGZ}', 199),
                                ('SOH', 'VERWEZEN', '{BGGZ}', 114),
                                ('SOH', 'VERWEZEN', '{CJG_WIJKTEAM}', 60),
                                ('SOH', 'VERWEZEN', '{VRIJ_TOEGANKELIJK}', 60),
                                ('SOH', 'VERWEZEN', '{JEUGDHULP_JEUGDZORG}', 30),
                                ('SOH', 'VERWEZEN', '{JEUGDHULP_LVB}', 5),
                                ('SOH', 'VERWEZEN', '{ANDERS}', 16),
                                ('OJG', 'ZELF_AFGEROND', NULL, 182),
                                ('OJG', 'ANDERS', NULL, 65),
                                ('OJG', 'VERWEZEN', '{CJG_WIJKTEAM,ANDERS}', 5),
                                ('OJG', 'VERWEZEN', '{SGGZ}', 71),
                                ('OJG', 'VERWEZEN', '{BGGZ}', 8),
                                ('OJG', 'VERWEZEN', '{CJG_WIJKTEAM}', 45),
                                ('OJG', 'VERWEZEN', '{VRIJ_TOEGANKELIJK}', 17),
                                ('OJG', 'VERWEZEN', '{JEUGDHULP_JEUGDZORG}', 17),
                                ('OJG', 'VERWEZEN', '{ANDERS}', 19)
                               ) AS b(type, outcome, destinations, k)
                         CROSS JOIN LATERAL generate_series(1, b.k)""")
                .param("poh", poh.id()).param("soh", soh.id()).param("ojg", ojg.id()).param("practice", practice)
                .update();
        assertThat(inserted).isEqualTo(2012);
        report = reports.report(new ReportFilter(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 31), pilot, null, null,
                null, null), ReportScope.everything());
    }

    /** The table's percentages in the text form of {@link ReportAssertions}, n as counts. */
    static String percentages(ReportTable table, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" ", table.columns()));
        for (String row : rows) {
            int r = table.rows().indexOf(row);
            lines.add(row + " " + java.util.stream.IntStream.range(0, table.columns().size())
                    .mapToObj(c -> String.valueOf(table.percent(r, c))).collect(Collectors.joining(" ")));
        }
        lines.add("n " + java.util.Arrays.stream(table.n()).mapToObj(Long::toString).collect(Collectors.joining(" ")));
        return String.join("\n", lines);
    }

    static String normalised(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> String.join(" ", l.split("\\s+")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void table6OutcomePercentagesPerFunctionTypeAreThePublishedOnes() {
        ReportTable outcome = table(report, "afronding", FUNCTION_TYPE);
        assertThat(percentages(outcome, outcome.rows())).isEqualTo(normalised("""
                              POH_JEUGD SOH_JGGZ  OJG TOTAL
                ZELF_AFGEROND        42       39   42    41
                VERWEZEN             46       50   42    47
                ANDERS               13       11   15    12
                n                   578     1005  429  2012
                """));
        assertTable(outcome, """
                              POH_JEUGD SOH_JGGZ  OJG TOTAL
                ZELF_AFGEROND       242      393  182   817
                VERWEZEN            263      500  182   945
                ANDERS               73      112   65   250
                n                   578     1005  429  2012
                missing               0        0    0     0
                """);
    }

    @Test
    void table6ShowsNoSignificantDifferenceBetweenFunctionTypesAsTheStudyFound() {
        // Expected counts (row total x column total / 2012) are all above 50, so Pearson's chi-square:
        //   ZELF      234.70 408.09 174.20
        //   VERWEZEN  271.48 472.03 201.49
        //   ANDERS     71.82 124.88  53.31
        // X2 = 0.2268 + 0.5583 + 0.3491 + 0.2646 + 1.6573 + 1.8859 + 0.0194 + 1.3276 + 2.5658 = 8.8548 (python:
        // 8.854819667785328), df = 4, p = exp(-x/2)(1 + x/2) = 0.01194 x 5.4274 = 0.0648 > 0.05: "geen
        // statistisch significant verschil", as the study reports.
        TestResult result = table(report, "afronding", FUNCTION_TYPE).test().orElseThrow();
        assertThat(result.method()).isEqualTo(TestResult.Method.CHI_SQUARE);
        assertThat(result.statistic()).isCloseTo(8.854819667785328, within(1e-9));
        assertThat(result.degreesOfFreedom()).isEqualTo(4);
        double x = result.statistic();
        assertThat(result.pValue()).isCloseTo(Math.exp(-x / 2) * (1 + x / 2), within(1e-12))
                .isCloseTo(0.0648325, within(1e-7)).isGreaterThan(0.05);
    }

    @Test
    void table7DestinationPercentagesOfReferredTrajectoriesAreThePublishedOnes() {
        ReportTable destinations = table(report, "verwijzing", FUNCTION_TYPE);
        assertThat(percentages(destinations, destinations.rows())).isEqualTo(normalised("""
                                    POH_JEUGD SOH_JGGZ OJG TOTAL
                SGGZ                       62       43  39    48
                BGGZ                       12       26   4    18
                CJG_WIJKTEAM                5       12  27    13
                VRIJ_TOEGANKELIJK           3       12   9     9
                JEUGDHULP_JEUGDZORG         5        6   9     6
                JEUGDHULP_LVB               1        1   0     1
                JEUGDCONSULENT              0        0   0     0
                ANDERS                     13        3  13     8
                n                         263      500 182   945
                """));
        // 28 of the 945 referred trajectories (3%) went to two destinations.
        ReportTable number = table(report, "aantal_verwijzingen", FUNCTION_TYPE);
        assertTable(number, """
                      POH_JEUGD SOH_JGGZ OJG TOTAL
                1           256      484 177   917
                2PLUS         7       16   5    28
                n           263      500 182   945
                missing       0        0   0     0
                """);
        assertThat(number.percent(1, number.totalColumn())).isEqualTo(3L);
    }
}
