package nl.jeugdhulp.registratie.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

class SecondFactorForm {

    @NotBlank(message = "{secondFactor.code.format}")
    @Pattern(regexp = "\\s*[0-9]{3}\\s?[0-9]{3}\\s*", message = "{secondFactor.code.format}")
    private String code = "";

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code;
    }
}
