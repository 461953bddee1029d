package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of a trajectory list, bound from the URL so a filtered list can be bookmarked. The
 * period applies to the end date of closed trajectories.
 */
public class TrajectoryFilter {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Long practice;
    private Outcome outcome;
    private Long supporter;
    private String q;
    private int page;

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getPractice() {
        return practice;
    }

    public void setPractice(Long practice) {
        this.practice = practice;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public Long getSupporter() {
        return supporter;
    }

    public void setSupporter(Long supporter) {
        this.supporter = supporter;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
