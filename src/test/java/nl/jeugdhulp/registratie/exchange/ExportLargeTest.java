package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 20,000 trajectories through both writers (one test, so the rows are generated once): every row
 * arrives with the right values. The rows are generated in SQL and removed afterwards so pooled
 * exports of other tests stay small.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExportLargeTest {

    private static final int ROWS = 20_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ExportService exports;

    long pilot;
    long supporter;
    String leader;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "POH_JEUGD", practice).id();
        leader = data.username(data.projectLeader(pilot));
        // Gender by i mod 4: 5,000 each of M, V, X and ONBEKEND; contacts i mod 10; one CAP-J code each.
        jdbc.sql("""
                        INSERT INTO trajectory (supporter_id, practice_id, source_id, birth_month, birth_year, gender,
                                                start_date, help_request, applicants, contacts)
                        SELECT :s, :p, 'G-' || i, 1 + i % 12, 2010, (ARRAY['M', 'V', 'X', 'ONBEKEND'])[1 + i % 4],
                               DATE '2025-01-01' + (i % 365), 'Hulpvraag ' || i, '{OUDERS}', i % 10
                          FROM generate_series(1, :n) AS i""")
                .param("s", supporter).param("p", practice).param("n", ROWS).update();
        jdbc.sql("""
                        INSERT INTO trajectory_capj (trajectory_id, position, capj_code)
                        SELECT id, 1, 'A102' FROM trajectory WHERE supporter_id = :s""")
                .param("s", supporter).update();
    }

    @AfterEach
    void removeTheRows() {
        jdbc.sql("DELETE FROM trajectory_capj WHERE trajectory_id IN (SELECT id FROM trajectory WHERE supporter_id = :s)")
                .param("s", supporter).update();
        jdbc.sql("DELETE FROM trajectory WHERE supporter_id = :s").param("s", supporter).update();
    }

    private byte[] download(String format) throws Exception {
        return mvc.perform(get("/export/download").with(user(users.loadUserByUsername(leader)))
                        .param("formaat", format).param("pilot", String.valueOf(pilot)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private String lastAudit() {
        return jdbc.sql("""
                        SELECT details FROM audit_event WHERE username = :u AND event_type = 'EXCHANGE_EXPORTED'
                         ORDER BY id DESC LIMIT 1""")
                .param("u", leader).query(String.class).single();
    }

    @Test
    void twentyThousandRowsAsCsvAndAsWorkbookEveryOneWithItsValues() throws Exception {
        String csv = ExportWebTest.unzip(download("ZIP")).get("trajecten.csv");

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(ROWS + 1);
        Map<String, Integer> genders = new TreeMap<>();
        int withCapj = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertThat(cells).hasSize(ExchangeColumns.TRAJECTEN.size());
            genders.merge(cells[5], 1, Integer::sum);
            withCapj += "A-102".equals(cells[11]) ? 1 : 0;
        }
        assertThat(genders).containsExactlyEntriesOf(new TreeMap<>(Map.of("", 5000, "M", 5000, "V", 5000, "X", 5000)));
        assertThat(withCapj).isEqualTo(ROWS);
        assertThat(lastAudit()).contains("formaat=ZIP", "rijen=20000");

        byte[] xlsx = download("XLSX");

        // The workbook: count the rows of the trajecten sheet (the second) with a streaming XML reader.
        int rows = 0;
        int sourceIds = 0;
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile());
                 InputStream sheet = zip.getInputStream(zip.getEntry("xl/worksheets/sheet2.xml"))) {
                XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(sheet);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        if (xml.getLocalName().equals("row")) {
                            rows++;
                        } else if (xml.getLocalName().equals("t") && xml.getElementText().startsWith("G-")) {
                            sourceIds++;
                        }
                    }
                }
                xml.close();
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(rows).isEqualTo(ROWS + 1);
        assertThat(sourceIds).isEqualTo(ROWS);
        assertThat(lastAudit()).contains("formaat=XLSX", "rijen=20000");
    }

    @Test
    void aDownloadThatBreaksOffInTheMiddleOfTheRowsEndsTheQueryAndTheNextExportWorks() throws Exception {
        AccountPrincipal principal = (AccountPrincipal) users.loadUserByUsername(leader);
        // A client that goes away after 20 kB: the first 64 kB the ZIP hands on, well inside the rows.
        BrokenDownload.exportZip(exports, principal, pilot, BrokenDownload.client(20_000, () -> { }));

        String aborted = jdbc.sql("""
                        SELECT details FROM audit_event WHERE username = :u AND event_type = 'EXCHANGE_EXPORT_ABORTED'
                         ORDER BY id DESC LIMIT 1""")
                .param("u", leader).query(String.class).single();
        java.util.regex.Matcher written = java.util.regex.Pattern.compile("afgebroken na (\\d+) rijen").matcher(aborted);
        assertThat(written.find()).as(aborted).isTrue();
        assertThat(Integer.parseInt(written.group(1))).isBetween(1, ROWS - 1);
        // PostgreSQL is no longer sending rows to anyone, and the next export is whole.
        assertThat(jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY%'")
                .query(Integer.class).single()).isZero();
        String csv = ExportWebTest.unzip(download("ZIP")).get("trajecten.csv");
        assertThat(csv.split("\r\n")).hasSize(ROWS + 1);
    }
}
