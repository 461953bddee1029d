package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;

/** A trajectory in a list. {@code noRecentContact}: open and no contact for 8 weeks. */
public record WorklistRow(long id, String privateReference, String supporterCode, String practiceName,
                          LocalDate startDate, Integer contacts, LocalDate lastContactDate, LocalDate endDate,
                          Outcome outcome, boolean noRecentContact) {
}
