package nl.jeugdhulp.registratie.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new API token: only a name, so its owner knows later which script uses it. */
class ApiTokenForm {

    @NotBlank
    @Size(max = 60, message = "{api.token.name.length}")
    private String name = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
