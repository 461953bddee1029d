package nl.jeugdhulp.registratie.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

class MunicipalityForm {

    @NotBlank
    @Size(max = 100)
    private String name = "";

    @NotBlank
    @Pattern(regexp = "GM[0-9]{4}", message = "{admin.municipality.cbsCode.format}")
    private String cbsCode = "";

    private Integer version;

    static MunicipalityForm of(Municipalities.Municipality municipality) {
        MunicipalityForm form = new MunicipalityForm();
        form.name = municipality.name();
        form.cbsCode = municipality.cbsCode();
        form.version = municipality.version();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public String getCbsCode() {
        return cbsCode;
    }

    public void setCbsCode(String cbsCode) {
        this.cbsCode = cbsCode == null ? "" : cbsCode.trim().toUpperCase(Locale.ROOT);
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
