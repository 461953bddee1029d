package nl.jeugdhulp.registratie.account;

import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;

/** Role and scope of a user, as chosen by the administrator. Scope that does not fit the role is ignored. */
class UserScopeForm {

    @NotNull
    private Role role;
    private List<Long> pilotIds = new ArrayList<>();
    private List<Long> municipalityIds = new ArrayList<>();
    private Long supporterId;

    void validate(Errors errors) {
        if (role == Role.PROJECTLEIDER && pilotIds.isEmpty()) {
            errors.rejectValue("pilotIds", "admin.user.pilots.required");
        }
        if (role == Role.GEMEENTE && municipalityIds.isEmpty()) {
            errors.rejectValue("municipalityIds", "admin.user.municipalities.required");
        }
    }

    List<Long> pilotsInScope() {
        return role == Role.PROJECTLEIDER ? pilotIds.stream().distinct().toList() : List.of();
    }

    List<Long> municipalitiesInScope() {
        return role == Role.GEMEENTE ? municipalityIds.stream().distinct().toList() : List.of();
    }

    Long supporterInScope() {
        return role == Role.PRAKTIJKONDERSTEUNER ? supporterId : null;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public List<Long> getPilotIds() {
        return pilotIds;
    }

    public void setPilotIds(List<Long> pilotIds) {
        this.pilotIds = pilotIds == null ? new ArrayList<>() : pilotIds;
    }

    public List<Long> getMunicipalityIds() {
        return municipalityIds;
    }

    public void setMunicipalityIds(List<Long> municipalityIds) {
        this.municipalityIds = municipalityIds == null ? new ArrayList<>() : municipalityIds;
    }

    public Long getSupporterId() {
        return supporterId;
    }

    public void setSupporterId(Long supporterId) {
        this.supporterId = supporterId;
    }
}
