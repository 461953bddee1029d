package nl.jeugdhulp.registratie.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class PasswordResetForm {

    @NotBlank
    @AcceptablePassword
    @Size(min = AccountService.MIN_PASSWORD_LENGTH, max = 128, message = "{password.length}")
    private String password = "";

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
