package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
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
 * The ZIP's codebook and scripts are made once per CAP-J list and reused while the list stays the same; every
 * export still reads the list, so a label changed between two downloads is in the second one, and the files
 * are the same again once the label is back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExportCodebookReuseTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void aChangedCapjLabelIsInTheNextDownloadsCodebookAndScripts() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        data.trajectory(supporter, practice, LocalDate.of(2026, 2, 1));
        String leader = data.username(data.projectLeader(pilot));
        String label = jdbc.sql("SELECT label FROM capj_code WHERE code = 'A100'").query(String.class).single();
        assertThat(label).isEqualTo("Emotionele problemen");

        Map<String, String> before = download(leader, pilot);
        Map<String, String> again = download(leader, pilot);
        assertThat(again.get("codeboek.csv")).isEqualTo(before.get("codeboek.csv"));
        assertThat(again.get("trajecten.sps")).isEqualTo(before.get("trajecten.sps"));
        assertThat(again.get("trajecten.R")).isEqualTo(before.get("trajecten.R"));
        assertThat(before.get("codeboek.csv")).contains("\r\ntrajecten,capj_1,CAP-J-code 1,TEXT,A-100,Emotionele problemen\r\n");

        try {
            jdbc.sql("UPDATE capj_code SET label = 'Emotionele problemen, gewijzigd' WHERE code = 'A100'").update();
            Map<String, String> changed = download(leader, pilot);
            assertThat(changed.get("codeboek.csv"))
                    .contains("\r\ntrajecten,capj_1,CAP-J-code 1,TEXT,A-100,\"Emotionele problemen, gewijzigd\"\r\n",
                            "\r\ntrajecten,capj_5,CAP-J-code 5,TEXT,A-100,\"Emotionele problemen, gewijzigd\"\r\n")
                    .doesNotContain(",A-100,Emotionele problemen\r\n");
            assertThat(changed.get("trajecten.sps")).contains("\n    'A-100' 'Emotionele problemen, gewijzigd'\n");
            assertThat(changed.get("trajecten.R")).contains("\"A-100 Emotionele problemen, gewijzigd\"");
            // Only the label differs: the same files with the old label put back.
            assertThat(changed.get("codeboek.csv").replace("\"Emotionele problemen, gewijzigd\"", "Emotionele problemen"))
                    .isEqualTo(before.get("codeboek.csv"));
        } finally {
            jdbc.sql("UPDATE capj_code SET label = 'Emotionele problemen' WHERE code = 'A100'").update();
        }

        Map<String, String> restored = download(leader, pilot);
        assertThat(restored.get("codeboek.csv")).isEqualTo(before.get("codeboek.csv"));
        assertThat(restored.get("trajecten.sps")).isEqualTo(before.get("trajecten.sps"));
        assertThat(restored.get("trajecten.R")).isEqualTo(before.get("trajecten.R"));
    }

    private Map<String, String> download(String username, long pilot) throws Exception {
        byte[] zip = mvc.perform(get("/export/download").param("formaat", "ZIP").param("pilot", String.valueOf(pilot))
                        .with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return ExportWebTest.unzip(zip);
    }
}
