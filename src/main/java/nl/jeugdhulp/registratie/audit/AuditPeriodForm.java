package nl.jeugdhulp.registratie.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The period filter of the audit views, bound from the URL (?van=…&tot=…&pagina=…); both days inclusive. */
public class AuditPeriodForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate van;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate tot;
    private int pagina;

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

    public int getPagina() {
        return pagina;
    }

    public void setPagina(int pagina) {
        this.pagina = Math.max(0, pagina);
    }

    String describe() {
        return "van=" + (van == null ? "-" : van) + ", tot=" + (tot == null ? "-" : tot);
    }
}
