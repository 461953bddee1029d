package nl.jeugdhulp.registratie.organisation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/** The supporter profile as edited by the administrator and by the supporter. */
class ProfileForm {

    static final List<String> FUNCTION_TYPES = List.of("POH_JEUGD", "SOH_JGGZ", "OJG");
    static final List<String> GENDERS = List.of("M", "V", "X");
    static final List<String> EDUCATIONS = List.of("HBO", "WO", "WO_PLUS", "ANDERS");
    static final List<String> PROFESSIONS = List.of("SPV", "VERPLEEGKUNDIG_SPECIALIST", "MAATSCHAPPELIJK_WERKER",
            "ORTHOPEDAGOOG", "PSYCHOLOOG", "GZ_PSYCHOLOOG", "ORTHOPEDAGOOG_GENERALIST", "PSYCHOTHERAPEUT",
            "KLINISCH_PSYCHOLOOG", "ANDERS");
    static final List<String> FUNDINGS = List.of("GEMEENTE", "ZORGVERZEKERAAR", "HUISARTS", "ANDERS");

    /** The code lists, for the template. */
    record Options(List<String> functionTypes, List<String> genders, List<String> educations, List<String> professions,
                   List<String> fundings, List<String> yesNo) {
    }

    static final Options OPTIONS = new Options(FUNCTION_TYPES, GENDERS, EDUCATIONS, PROFESSIONS, FUNDINGS,
            List.of("true", "false"));

    @NotNull
    @Pattern(regexp = "POH_JEUGD|SOH_JGGZ|OJG", message = "{admin.choice.unknown}")
    private String functionType;
    @Min(18)
    @Max(80)
    private Integer age;
    @Pattern(regexp = "[MVX]", message = "{admin.choice.unknown}")
    private String gender;
    @Pattern(regexp = "HBO|WO|WO_PLUS|ANDERS", message = "{admin.choice.unknown}")
    private String education;
    @Size(max = 100)
    private String educationOther = "";
    @Pattern(regexp = "SPV|VERPLEEGKUNDIG_SPECIALIST|MAATSCHAPPELIJK_WERKER|ORTHOPEDAGOOG|PSYCHOLOOG|GZ_PSYCHOLOOG"
            + "|ORTHOPEDAGOOG_GENERALIST|PSYCHOTHERAPEUT|KLINISCH_PSYCHOLOOG|ANDERS", message = "{admin.choice.unknown}")
    private String profession;
    @Size(max = 100)
    private String professionOther = "";
    @Min(0)
    @Max(50)
    private Integer experienceYears;
    @Size(max = 500)
    private String otherExperience = "";
    @Size(max = 150)
    private String secondingOrganisation = "";
    private Boolean salariedByGp;
    @Pattern(regexp = "GEMEENTE|ZORGVERZEKERAAR|HUISARTS|ANDERS", message = "{admin.choice.unknown}")
    private String funding;
    @Size(max = 100)
    private String fundingOther = "";
    @DecimalMin("0")
    @DecimalMax("40")
    @Digits(integer = 2, fraction = 1, message = "{admin.decimal.oneDecimal}")
    private BigDecimal hoursGpPractice;
    @DecimalMin("0")
    @DecimalMax("40")
    @Digits(integer = 2, fraction = 1, message = "{admin.decimal.oneDecimal}")
    private BigDecimal hoursInstitution;
    @DecimalMin("0")
    @DecimalMax("40")
    @Digits(integer = 2, fraction = 1, message = "{admin.decimal.oneDecimal}")
    private BigDecimal hoursBaseTeam;
    private Boolean housedInPractice;
    private Boolean paysRent;
    private Boolean usesHis;
    private Boolean usesZorgmail;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registrationStart;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registrationEnd;
    /** Version of the profile row the form was filled from; null for a supporter without a profile. */
    private Integer profileVersion;

    static ProfileForm of(SupporterProfiles.CurrentProfile current) {
        ProfileForm form = new ProfileForm();
        if (current == null) {
            return form;
        }
        ProfileData d = current.data();
        form.functionType = d.functionType();
        form.age = d.age();
        form.gender = d.gender();
        form.education = d.education();
        form.educationOther = orEmpty(d.educationOther());
        form.profession = d.profession();
        form.professionOther = orEmpty(d.professionOther());
        form.experienceYears = d.experienceYears();
        form.otherExperience = orEmpty(d.otherExperience());
        form.secondingOrganisation = orEmpty(d.secondingOrganisation());
        form.salariedByGp = d.salariedByGp();
        form.funding = d.funding();
        form.fundingOther = orEmpty(d.fundingOther());
        form.hoursGpPractice = d.hoursGpPractice();
        form.hoursInstitution = d.hoursInstitution();
        form.hoursBaseTeam = d.hoursBaseTeam();
        form.housedInPractice = d.housedInPractice();
        form.paysRent = d.paysRent();
        form.usesHis = d.usesHis();
        form.usesZorgmail = d.usesZorgmail();
        form.registrationStart = d.registrationStart();
        form.registrationEnd = d.registrationEnd();
        form.profileVersion = current.version();
        return form;
    }

    ProfileData toData() {
        return new ProfileData(functionType, age, gender, education, educationOther, profession, professionOther,
                experienceYears, otherExperience, secondingOrganisation, salariedByGp, funding, fundingOther,
                hoursGpPractice, hoursInstitution, hoursBaseTeam, housedInPractice, paysRent, usesHis, usesZorgmail,
                registrationStart, registrationEnd);
    }

    /** Rules across fields; field names are relative, so a caller nesting this form pushes its path first. */
    void validate(Errors errors) {
        requireOther(errors, education, educationOther, "educationOther");
        requireOther(errors, profession, professionOther, "professionOther");
        requireOther(errors, funding, fundingOther, "fundingOther");
        if (registrationStart != null && registrationEnd != null && registrationEnd.isBefore(registrationStart)) {
            errors.rejectValue("registrationEnd", "admin.profile.registrationEnd.beforeStart");
        }
    }

    private static void requireOther(Errors errors, String choice, String other, String field) {
        if (ProfileData.OTHER.equals(choice) && (other == null || other.isBlank()) && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "admin.profile.other.required");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getFunctionType() {
        return functionType;
    }

    public void setFunctionType(String functionType) {
        this.functionType = code(functionType);
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = code(gender);
    }

    public String getEducation() {
        return education;
    }

    public void setEducation(String education) {
        this.education = code(education);
    }

    public String getEducationOther() {
        return educationOther;
    }

    public void setEducationOther(String educationOther) {
        this.educationOther = educationOther;
    }

    public String getProfession() {
        return profession;
    }

    public void setProfession(String profession) {
        this.profession = code(profession);
    }

    public String getProfessionOther() {
        return professionOther;
    }

    public void setProfessionOther(String professionOther) {
        this.professionOther = professionOther;
    }

    public Integer getExperienceYears() {
        return experienceYears;
    }

    public void setExperienceYears(Integer experienceYears) {
        this.experienceYears = experienceYears;
    }

    public String getOtherExperience() {
        return otherExperience;
    }

    public void setOtherExperience(String otherExperience) {
        this.otherExperience = otherExperience;
    }

    public String getSecondingOrganisation() {
        return secondingOrganisation;
    }

    public void setSecondingOrganisation(String secondingOrganisation) {
        this.secondingOrganisation = secondingOrganisation;
    }

    public Boolean getSalariedByGp() {
        return salariedByGp;
    }

    public void setSalariedByGp(Boolean salariedByGp) {
        this.salariedByGp = salariedByGp;
    }

    public String getFunding() {
        return funding;
    }

    public void setFunding(String funding) {
        this.funding = code(funding);
    }

    public String getFundingOther() {
        return fundingOther;
    }

    public void setFundingOther(String fundingOther) {
        this.fundingOther = fundingOther;
    }

    public BigDecimal getHoursGpPractice() {
        return hoursGpPractice;
    }

    public void setHoursGpPractice(BigDecimal hoursGpPractice) {
        this.hoursGpPractice = hoursGpPractice;
    }

    public BigDecimal getHoursInstitution() {
        return hoursInstitution;
    }

    public void setHoursInstitution(BigDecimal hoursInstitution) {
        this.hoursInstitution = hoursInstitution;
    }

    public BigDecimal getHoursBaseTeam() {
        return hoursBaseTeam;
    }

    public void setHoursBaseTeam(BigDecimal hoursBaseTeam) {
        this.hoursBaseTeam = hoursBaseTeam;
    }

    public Boolean getHousedInPractice() {
        return housedInPractice;
    }

    public void setHousedInPractice(Boolean housedInPractice) {
        this.housedInPractice = housedInPractice;
    }

    public Boolean getPaysRent() {
        return paysRent;
    }

    public void setPaysRent(Boolean paysRent) {
        this.paysRent = paysRent;
    }

    public Boolean getUsesHis() {
        return usesHis;
    }

    public void setUsesHis(Boolean usesHis) {
        this.usesHis = usesHis;
    }

    public Boolean getUsesZorgmail() {
        return usesZorgmail;
    }

    public void setUsesZorgmail(Boolean usesZorgmail) {
        this.usesZorgmail = usesZorgmail;
    }

    public LocalDate getRegistrationStart() {
        return registrationStart;
    }

    public void setRegistrationStart(LocalDate registrationStart) {
        this.registrationStart = registrationStart;
    }

    public LocalDate getRegistrationEnd() {
        return registrationEnd;
    }

    public void setRegistrationEnd(LocalDate registrationEnd) {
        this.registrationEnd = registrationEnd;
    }

    public Integer getProfileVersion() {
        return profileVersion;
    }

    public void setProfileVersion(Integer profileVersion) {
        this.profileVersion = profileVersion;
    }
}
