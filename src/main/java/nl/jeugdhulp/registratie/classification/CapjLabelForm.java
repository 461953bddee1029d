package nl.jeugdhulp.registratie.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class CapjLabelForm {

    @NotBlank
    @Size(max = 200)
    private String label = "";

    private Integer version;

    static CapjLabelForm of(CapjAdministration.Code code) {
        CapjLabelForm form = new CapjLabelForm();
        form.label = code.label();
        form.version = code.version();
        return form;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label == null ? "" : label.trim();
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
