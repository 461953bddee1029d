package nl.jeugdhulp.registratie.reporting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The report's filters as they stand in the URL (shareable, bookmarkable): a period as a year, a
 * trimester of a year (T1 January–April, T2 May–August, T3 September–December) or any date range,
 * and the narrowing choices.
 */
public class ReportForm {

    static final List<String> PERIODS = List.of("JAAR", "T1", "T2", "T3", "EIGEN");
    static final List<String> FUNCTION_TYPES = List.of("POH_JEUGD", "SOH_JGGZ", "OJG");

    private Integer jaar;
    private String periode;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate van;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate tot;
    private Long pilot;
    private Long gemeente;
    private Long praktijk;
    private String functie;
    private Long ondersteuner;

    /** Fills the defaults (this year) and checks the period; errors go to the fields. */
    ReportFilter toFilter(LocalDate today, Errors errors) {
        if (periode == null || periode.isBlank()) {
            periode = "JAAR";
        }
        if (jaar == null) {
            jaar = today.getYear();
        }
        if (!PERIODS.contains(periode)) {
            errors.rejectValue("periode", "report.filter.period.invalid");
        }
        if (jaar < 2000 || jaar > 2100) {
            errors.rejectValue("jaar", "report.filter.year.invalid");
        }
        if (functie != null && !functie.isBlank() && !FUNCTION_TYPES.contains(functie)) {
            errors.rejectValue("functie", "report.filter.choice.invalid");
        }
        if ("EIGEN".equals(periode)) {
            if (van == null) {
                errors.rejectValue("van", "report.filter.from.required");
            }
            if (tot == null) {
                errors.rejectValue("tot", "report.filter.to.required");
            }
            if (van != null && tot != null && tot.isBefore(van)) {
                errors.rejectValue("tot", "report.filter.to.beforeFrom");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        LocalDate from;
        LocalDate to;
        switch (periode) {
            case "T1" -> { from = LocalDate.of(jaar, 1, 1); to = LocalDate.of(jaar, 4, 30); }
            case "T2" -> { from = LocalDate.of(jaar, 5, 1); to = LocalDate.of(jaar, 8, 31); }
            case "T3" -> { from = LocalDate.of(jaar, 9, 1); to = LocalDate.of(jaar, 12, 31); }
            case "EIGEN" -> { from = van; to = tot; }
            default -> { from = LocalDate.of(jaar, 1, 1); to = LocalDate.of(jaar, 12, 31); }
        }
        return new ReportFilter(from, to, pilot, gemeente, praktijk, blankToNull(functie), ondersteuner);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public Integer getJaar() { return jaar; }
    public void setJaar(Integer jaar) { this.jaar = jaar; }
    public String getPeriode() { return periode; }
    public void setPeriode(String periode) { this.periode = periode; }
    public LocalDate getVan() { return van; }
    public void setVan(LocalDate van) { this.van = van; }
    public LocalDate getTot() { return tot; }
    public void setTot(LocalDate tot) { this.tot = tot; }
    public Long getPilot() { return pilot; }
    public void setPilot(Long pilot) { this.pilot = pilot; }
    public Long getGemeente() { return gemeente; }
    public void setGemeente(Long gemeente) { this.gemeente = gemeente; }
    public Long getPraktijk() { return praktijk; }
    public void setPraktijk(Long praktijk) { this.praktijk = praktijk; }
    public String getFunctie() { return functie; }
    public void setFunctie(String functie) { this.functie = functie; }
    public Long getOndersteuner() { return ondersteuner; }
    public void setOndersteuner(Long ondersteuner) { this.ondersteuner = ondersteuner; }
}
