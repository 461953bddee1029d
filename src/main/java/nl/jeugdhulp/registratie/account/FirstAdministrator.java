package nl.jeugdhulp.registratie.account;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A production start has no users: the first administrator comes from APP_ADMIN_USERNAME and
 * APP_ADMIN_PASSWORD, and must change that password at first login.
 */
@Component
@Profile("prod")
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    FirstAdministrator(AccountService accounts, @Value("${app.bootstrap.admin-username:}") String username,
                       @Value("${app.bootstrap.admin-password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUserExists()) {
            return;
        }
        if (username.isBlank() || !PasswordPolicy.isAcceptable(password)) {
            throw new IllegalStateException("No users yet: set APP_ADMIN_USERNAME and APP_ADMIN_PASSWORD (at least "
                    + AccountService.MIN_PASSWORD_LENGTH + " characters, not a common password) to create the first"
                    + " administrator");
        }
        accounts.createUser(username, password, Role.BEHEERDER, true, List.of(), List.of());
        log.info("Created the first administrator '{}'; the password must be changed at first login", username);
    }
}
