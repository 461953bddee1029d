package nl.jeugdhulp.registratie.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

class NewUserForm extends UserScopeForm {

    @NotBlank
    @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "{admin.user.username.format}")
    private String username = "";

    /** Temporary: the user must choose their own at first login. */
    @NotBlank
    @AcceptablePassword
    @Size(min = AccountService.MIN_PASSWORD_LENGTH, max = 128, message = "{password.length}")
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
