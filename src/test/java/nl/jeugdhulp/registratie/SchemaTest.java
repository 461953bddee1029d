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
        // The 20 groups of V3 (other tests in this JVM add groups of their own to the shared database).
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM capj_code WHERE level = 'GROEP' AND code IN ('A100', 'A200', 'A300', 'A400',
                    'A500', 'A900', 'B000', 'C100', 'D100', 'D200', 'D300', 'D400', 'D500', 'D600', 'D700', 'D800',
                    'E100', 'E200', 'E300', 'ONG')""", Integer.class)).isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT label FROM capj_code WHERE code = 'A102'", String.class)).isEqualTo("Angstproblemen");
        assertThat(jdbc.queryForObject("SELECT group_code FROM capj_code WHERE code = 'D402'", String.class)).isEqualTo("D400");
    }
}
