package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.util.Map;
import nl.jeugdhulp.registratie.web.DeclaredRequiredFields;

/** Binds the closing form. */
class CloseForm extends ClosingFields implements DeclaredRequiredFields {

    @Override
    public Map<String, String> requiredMarks() {
        return RequiredMarks.CLOSING;
    }

    static CloseForm from(TrajectoryData d, int version, LocalDate today) {
        CloseForm f = new CloseForm();
        f.fillClosing(d, version);
        if (f.getEndDate() == null) {
            f.setEndDate(today);
        }
        return f;
    }

    ClosingData toData() {
        return new ClosingData(getEndDate(), getOutcome(), getOtherReason(), getOtherReasonText(), getReferralMoment(),
                getDestinations(), getChainPartner(), getContacts(), interventionsOrNone(), getInterventionOther(),
                consultationsOrNone());
    }
}
