package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** A production start has no demo data and creates the first administrator from the environment. */
@SpringBootTest(properties = {"app.bootstrap.admin-username=eerste.beheerder",
        "app.security.totp-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "app.bootstrap.admin-password=lang-genoeg-wachtwoord"})
@ActiveProfiles("prod")
class ProductionStartTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void noDemoDataSeederInProduction() {
        assertThat(context.getBeanNamesForType(nl.jeugdhulp.registratie.demo.DemoDataSeeder.class)).isEmpty();
        assertThat(context.getBeanNamesForType(FirstAdministrator.class)).hasSize(1);
    }

    @Test
    @Transactional // rolled back: the shared test database keeps its users
    void onAnEmptyDatabaseTheFirstAdministratorComesFromTheEnvironmentAndMustChangeThePassword() throws Exception {
        removeAllUsers();
        new FirstAdministrator(accounts, "eerste.beheerder", "lang-genoeg-wachtwoord").run(new DefaultApplicationArguments());

        var admin = jdbc.sql("SELECT role, must_change_password, password_hash FROM app_user WHERE username = 'eerste.beheerder'")
                .query((rs, i) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getString(3))).single();
        assertThat(admin.get(0)).isEqualTo("BEHEERDER");
        assertThat(admin.get(1)).isEqualTo(true);
        assertThat(encoder.matches("lang-genoeg-wachtwoord", (String) admin.get(2))).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    @Transactional
    void withoutUsersAndWithoutAStrongEnoughPasswordTheStartIsRefused() {
        removeAllUsers();
        assertThatThrownBy(() -> new FirstAdministrator(accounts, "beheer", "kort").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("APP_ADMIN_PASSWORD");
    }

    private void removeAllUsers() {
        jdbc.sql("UPDATE supporter SET user_id = NULL").update();
        jdbc.sql("DELETE FROM app_user").update();
    }
}
