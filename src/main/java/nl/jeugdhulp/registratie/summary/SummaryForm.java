package nl.jeugdhulp.registratie.summary;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/** The summary's choice, all in the URL: a pilot (empty for all the user's pilots) and a period. */
class SummaryForm {

    /** A longer period is refused: the page is a progress letter, not a history. */
    static final int MAX_YEARS = 10;

    private Long pilot;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate van;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate tot;

    void validate(Errors errors) {
        if (van == null && !errors.hasFieldErrors("van")) {
            errors.rejectValue("van", "summary.period.required");
        }
        if (tot == null && !errors.hasFieldErrors("tot")) {
            errors.rejectValue("tot", "summary.period.required");
        }
        if (van != null && tot != null) {
            if (tot.isBefore(van)) {
                errors.rejectValue("tot", "summary.period.order");
            } else if (van.plusYears(MAX_YEARS).isBefore(tot)) {
                errors.rejectValue("tot", "summary.period.tooLong", new Object[] {MAX_YEARS}, null);
            }
        }
    }

    public Long getPilot() {
        return pilot;
    }

    public void setPilot(Long pilot) {
        this.pilot = pilot;
    }

    public LocalDate getVan() {
        return van;
    }

    public void setVan(LocalDate van) {
        this.van = van;
    }

    public LocalDate getTot() {
        return tot;
    }

    public void setTot(LocalDate tot) {
        this.tot = tot;
    }
}
