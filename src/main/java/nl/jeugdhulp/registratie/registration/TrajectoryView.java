package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.jeugdhulp.registratie.classification.CapjCode;

/**
 * A trajectory as shown on its page, with derived values. For a project leader the private
 * reference is left out (null).
 */
public record TrajectoryView(long id, int version, String supporterCode, String practiceName, TrajectoryData data,
                             List<CapjCode> capj) {

    public boolean closed() {
        return data.endDate() != null;
    }

    public Integer ageAtStart() {
        if (data.birthYear() == null || data.birthMonth() == null) {
            return null;
        }
        return Math.max(0, TrajectoryRules.ageAt(data.birthYear(), data.birthMonth(), data.startDate()));
    }

    /** Days from registration to first contact, when the registration date is known. */
    public Long waitingDays() {
        return data.registrationDate() == null ? null
                : ChronoUnit.DAYS.between(data.registrationDate(), data.startDate());
    }

    public Long durationDays() {
        return data.endDate() == null ? null : ChronoUnit.DAYS.between(data.startDate(), data.endDate());
    }

    public boolean noContactSince(LocalDate day) {
        LocalDate last = data.lastContactDate() != null ? data.lastContactDate() : data.startDate();
        return !closed() && last.isBefore(day);
    }
}
