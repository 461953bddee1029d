package nl.jeugdhulp.registratie.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class PasswordChangeForm {

    @NotBlank
    private String currentPassword = "";

    @NotBlank
    @AcceptablePassword
    @Size(min = 12, max = 128, message = "{password.length}")
    private String newPassword = "";

    private String repeatPassword = "";

    void clearPasswords() {
        currentPassword = "";
        newPassword = "";
        repeatPassword = "";
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
