package nl.jeugdhulp.registratie;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class SchemaTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsSeedTheCapjCodeList() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM capj_code WHERE level = 'GROEP'", Integer.class)).isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT label FROM capj_code WHERE code = 'A102'", String.class)).isEqualTo("Angstproblemen");
        assertThat(jdbc.queryForObject("SELECT group_code FROM capj_code WHERE code = 'D402'", String.class)).isEqualTo("D400");
    }
}
