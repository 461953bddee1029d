package nl.jeugdhulp.registratie.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

class PilotForm {

    @NotBlank
    @Size(max = 100)
    private String name = "";

    @Size(max = 150)
    private String organisation = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;

    private List<Long> municipalityIds = new ArrayList<>();

    private Integer version;

    static PilotForm of(Pilots.Pilot pilot) {
        PilotForm form = new PilotForm();
        form.name = pilot.name();
        form.organisation = pilot.organisation() == null ? "" : pilot.organisation();
        form.startDate = pilot.startDate();
        form.endDate = pilot.endDate();
        form.municipalityIds = new ArrayList<>(pilot.municipalityIds());
        form.version = pilot.version();
        return form;
    }

    /** Rules across fields, checked after the annotations. */
    void validate(Errors errors) {
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            errors.rejectValue("endDate", "admin.pilot.endDate.beforeStart");
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation == null ? "" : organisation.trim();
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public List<Long> getMunicipalityIds() {
        return municipalityIds;
    }

    public void setMunicipalityIds(List<Long> municipalityIds) {
        this.municipalityIds = municipalityIds == null ? new ArrayList<>() : municipalityIds;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
