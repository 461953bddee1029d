package nl.jeugdhulp.registratie.account;

import java.util.ArrayList;

class EditUserForm extends UserScopeForm {

    private Integer version;

    static EditUserForm of(UserAdministration.User user) {
        EditUserForm form = new EditUserForm();
        form.setRole(user.role());
        form.setPilotIds(new ArrayList<>(user.pilotIds()));
        form.setMunicipalityIds(new ArrayList<>(user.municipalityIds()));
        form.setSupporterId(user.supporterId());
        form.version = user.version();
        return form;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
