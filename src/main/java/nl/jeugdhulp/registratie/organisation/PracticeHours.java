package nl.jeugdhulp.registratie.organisation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/** One row of the practices a supporter may serve: ticked or not, with hours per week. */
class PracticeHours {

    private Long practiceId;
    private boolean selected;
    @DecimalMin("0")
    @DecimalMax("40")
    @Digits(integer = 2, fraction = 1, message = "{admin.decimal.oneDecimal}")
    private BigDecimal hours;

    PracticeHours() {
    }

    PracticeHours(long practiceId, boolean selected, BigDecimal hours) {
        this.practiceId = practiceId;
        this.selected = selected;
        this.hours = hours;
    }

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public boolean isSelected() {
        return selected;
    }

    public void setSelected(boolean selected) {
        this.selected = selected;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }
}
