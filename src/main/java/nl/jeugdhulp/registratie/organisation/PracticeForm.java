package nl.jeugdhulp.registratie.organisation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;

class PracticeForm {

    /** Patients per full-time GP in a "normpraktijk". */
    static final int NORM_PRACTICE_PATIENTS = 2350;

    /**
     * The categories of other disciplines in a practice, in form order; the same codes as the CHECK
     * on practice_discipline.category (V6) and the demo catalogue. Labels: admin.practice.discipline.CODE.
     */
    static final List<String> DISCIPLINES = List.of("POH_GGZ", "POH_SOMATIEK", "PRAKTIJKVERPLEEGKUNDIGE",
            "DOKTERSASSISTENT", "FYSIOTHERAPEUT", "MAATSCHAPPELIJK_WERKER", "ANDERS");

    @NotBlank
    @Size(max = 150)
    private String name = "";

    @NotNull
    private Long pilotId;

    @NotNull
    private Long municipalityId;

    @DecimalMin("0")
    @DecimalMax("50")
    @Digits(integer = 3, fraction = 1, message = "{admin.decimal.oneDecimal}")
    private BigDecimal numberOfGps;

    @DecimalMin("20")
    @DecimalMax("90")
    @Digits(integer = 3, fraction = 1, message = "{admin.decimal.oneDecimal}")
    private BigDecimal averageGpAge;

    private Boolean cooperativeMember;

    @Min(0)
    @Max(100000)
    private Integer registeredPatients;

    @Min(0)
    @Max(100000)
    private Integer patientsUnder18;

    /** Number (FTE or persons) per discipline category, bound as disciplines[POH_GGZ]; blank means none. */
    private final Map<String, @DecimalMin(value = "0", message = "{admin.practice.discipline.range}")
            @DecimalMax(value = "100", message = "{admin.practice.discipline.range}")
            @Digits(integer = 3, fraction = 1, message = "{admin.decimal.oneDecimal}") BigDecimal> disciplines =
            new LinkedHashMap<>();

    private Integer version;

    static PracticeForm of(Practices.Practice practice, Map<String, BigDecimal> disciplines) {
        PracticeForm form = new PracticeForm();
        form.name = practice.name();
        form.pilotId = practice.pilotId();
        form.municipalityId = practice.municipalityId();
        form.numberOfGps = practice.numberOfGps();
        form.averageGpAge = practice.averageGpAge();
        form.cooperativeMember = practice.cooperativeMember();
        form.registeredPatients = practice.registeredPatients();
        form.patientsUnder18 = practice.patientsUnder18();
        form.disciplines.putAll(disciplines);
        form.version = practice.version();
        return form;
    }

    /** The filled-in disciplines of the fixed list, in list order; posted keys outside the list are ignored. */
    Map<String, BigDecimal> filledDisciplines() {
        Map<String, BigDecimal> filled = new LinkedHashMap<>();
        for (String category : DISCIPLINES) {
            BigDecimal amount = disciplines.get(category);
            if (amount != null) {
                filled.put(category, amount);
            }
        }
        return filled;
    }

    void validate(Errors errors) {
        if (registeredPatients != null && patientsUnder18 != null && patientsUnder18 > registeredPatients
                && !errors.hasFieldErrors("patientsUnder18")) {
            errors.rejectValue("patientsUnder18", "admin.practice.patientsUnder18.tooMany");
        }
    }

    /** Registered patients expressed in "normpraktijken" (patients / 2350), or null when unknown. */
    public BigDecimal getNormPractices() {
        return registeredPatients == null ? null
                : BigDecimal.valueOf(registeredPatients).divide(BigDecimal.valueOf(NORM_PRACTICE_PATIENTS), 2, RoundingMode.HALF_UP);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public Long getPilotId() {
        return pilotId;
    }

    public void setPilotId(Long pilotId) {
        this.pilotId = pilotId;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public void setMunicipalityId(Long municipalityId) {
        this.municipalityId = municipalityId;
    }

    public BigDecimal getNumberOfGps() {
        return numberOfGps;
    }

    public void setNumberOfGps(BigDecimal numberOfGps) {
        this.numberOfGps = numberOfGps;
    }

    public BigDecimal getAverageGpAge() {
        return averageGpAge;
    }

    public void setAverageGpAge(BigDecimal averageGpAge) {
        this.averageGpAge = averageGpAge;
    }

    public Boolean getCooperativeMember() {
        return cooperativeMember;
    }

    public void setCooperativeMember(Boolean cooperativeMember) {
        this.cooperativeMember = cooperativeMember;
    }

    public Integer getRegisteredPatients() {
        return registeredPatients;
    }

    public void setRegisteredPatients(Integer registeredPatients) {
        this.registeredPatients = registeredPatients;
    }

    public Integer getPatientsUnder18() {
        return patientsUnder18;
    }

    public void setPatientsUnder18(Integer patientsUnder18) {
        this.patientsUnder18 = patientsUnder18;
    }

    public Map<String, BigDecimal> getDisciplines() {
        return disciplines;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
