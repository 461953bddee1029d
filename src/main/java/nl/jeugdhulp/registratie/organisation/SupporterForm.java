package nl.jeugdhulp.registratie.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The administrator's view of a supporter: pseudonymous code, pilot, account, profile, practices. */
class SupporterForm {

    /** A pseudonym such as P001: letters, digits, - or _, and at least one digit, so never just a name. */
    @NotBlank
    @Pattern(regexp = "(?=.*[0-9])[A-Z0-9_-]{1,20}", message = "{admin.supporter.code.format}")
    private String code = "";

    @NotNull
    private Long pilotId;

    private Long userId;

    private Integer version;

    @Valid
    private ProfileForm profile = new ProfileForm();

    @Valid
    private List<PracticeHours> practices = new ArrayList<>();

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    public Long getPilotId() {
        return pilotId;
    }

    public void setPilotId(Long pilotId) {
        this.pilotId = pilotId;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public ProfileForm getProfile() {
        return profile;
    }

    public void setProfile(ProfileForm profile) {
        this.profile = profile;
    }

    public List<PracticeHours> getPractices() {
        return practices;
    }

    public void setPractices(List<PracticeHours> practices) {
        this.practices = practices;
    }
}
