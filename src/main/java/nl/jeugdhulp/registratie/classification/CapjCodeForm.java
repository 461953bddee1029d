package nl.jeugdhulp.registratie.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A new CAP-J code. Accepts A100 and A-100 (as the study report writes it); keeps the form without hyphen. */
class CapjCodeForm {

    @NotBlank
    @Pattern(regexp = "[A-E][0-9]{3}", message = "{admin.capj.code.format}")
    private String code = "";

    @NotBlank
    @Size(max = 200)
    private String label = "";

    static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replaceFirst("^([A-Z])\\s*-\\s*", "$1");
    }

    boolean isGroup() {
        return code.endsWith("00");
    }

    /** The group a rubric belongs to: same axis and hundred, e.g. A102 belongs to A100. */
    String groupCode() {
        return isGroup() ? null : code.substring(0, 2) + "00";
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = normalise(code);
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label == null ? "" : label.trim();
    }
}
