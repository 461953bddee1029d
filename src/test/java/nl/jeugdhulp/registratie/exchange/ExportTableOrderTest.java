package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ZIP's rows come in the table's stored order while the CAP-J codes are read in id order on another
 * connection; a row whose id is far ahead of the codes read so far (here the first and the 301st row of the
 * table) is kept until its codes are in, and every line still gets its own codes, in the table's order.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExportTableOrderTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void rowsWithIdsAheadOfTheCapjCodesReadSoFarKeepTheirOrderAndGetTheirOwnCodes() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        long leader = data.projectLeader(pilot);
        // Ids above anything the sequence hands out in the tests.
        long high = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);

        List<Long> inserted = new ArrayList<>();
        inserted.add(trajectory(high, supporter, practice));
        for (int i = 0; i < 600; i++) {
            if (i == 300) {
                inserted.add(trajectory(high + 1, supporter, practice));
            }
            inserted.add(data.trajectory(supporter, practice, LocalDate.of(2026, 1, 1).plusDays(i % 90)));
        }
        capj(high, "A102", "E103", "A201");
        capj(high + 1, "E103");
        for (int i = 0; i < inserted.size(); i++) {
            long id = inserted.get(i);
            if (id < high && i % 3 == 1) {
                capj(id, "A102");
            } else if (id < high && i % 3 == 2) {
                capj(id, "A201", "A102");
            }
        }
        List<Long> tableOrder = jdbc.sql("SELECT id FROM trajectory WHERE supporter_id = :s ORDER BY ctid")
                .param("s", supporter.id()).query(Long.class).list();
        assertThat(tableOrder).containsExactlyInAnyOrderElementsOf(inserted);

        byte[] zip = mvc.perform(get("/export/download").param("formaat", "ZIP").param("pilot", String.valueOf(pilot))
                        .with(user(users.loadUserByUsername(data.username(leader)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String csv = ExportWebTest.unzip(zip).get("trajecten.csv");
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines).hasSize(1 + inserted.size());

        List<Long> fileOrder = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            // bron_id is the id (no source id); capj_1 … capj_5 are cells 11 to 15 (no quoted cell before them).
            String[] cells = line.split(",", -1);
            long id = Long.parseLong(cells[0]);
            fileOrder.add(id);
            int index = inserted.indexOf(id);
            String expected = id == high ? "A-102,E-103,A-201,," : id == high + 1 ? "E-103,,,,"
                    : index % 3 == 1 ? "A-102,,,," : index % 3 == 2 ? "A-201,A-102,,," : ",,,,";
            assertThat(String.join(",", Arrays.copyOfRange(cells, 11, 16))).as("trajectory " + id).isEqualTo(expected);
        }
        assertThat(fileOrder).isEqualTo(tableOrder);
    }

    private long trajectory(long id, Supporter supporter, long practice) {
        return jdbc.sql("""
                        INSERT INTO trajectory (id, supporter_id, practice_id, start_date, help_request, birth_month, birth_year,
                                                gender, applicants, contacts)
                        VALUES (:id, :s, :p, DATE '2026-02-01', 'Somberheid', 3, 2010, 'V', '{OUDERS}', 1) RETURNING id""")
                .param("id", id).param("s", supporter.id()).param("p", practice).query(Long.class).single();
    }

    private void capj(long trajectory, String... codes) {
        for (int i = 0; i < codes.length; i++) {
            jdbc.sql("INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (:t, :p, :c)")
                    .param("t", trajectory).param("p", i + 1).param("c", codes[i]).update();
        }
    }
}
