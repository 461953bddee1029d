package nl.jeugdhulp.registratie.summary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A pilot's cost assumptions as typed; the ranges mirror the CHECK constraints of V9. */
class CostAssumptionForm {

    /** The Hilversum letter's estimate of an average BGGZ/SGGZ trajectory (80% BGGZ, 20% SGGZ). */
    static final BigDecimal DEFAULT_AMOUNT = BigDecimal.valueOf(2000);

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("1000000")
    @Digits(integer = 7, fraction = 2)
    private BigDecimal amount = DEFAULT_AMOUNT;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("100000000")
    @Digits(integer = 9, fraction = 2)
    private BigDecimal staffCost;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("100000000")
    @Digits(integer = 9, fraction = 2)
    private BigDecimal housingCost;

    private Integer version;

    static CostAssumptionForm of(CostAssumption assumption) {
        CostAssumptionForm form = new CostAssumptionForm();
        form.validFrom = assumption.validFrom();
        form.amount = assumption.amountPerTrajectory();
        form.staffCost = assumption.staffCostPerYear();
        form.housingCost = assumption.housingCostPerYear();
        form.version = assumption.version();
        return form;
    }

    /** A new row starts from the latest values, so a change of one of them is one field to type. */
    static CostAssumptionForm following(CostAssumption latest) {
        CostAssumptionForm form = of(latest);
        form.validFrom = null;
        form.version = null;
        return form;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public BigDecimal getStaffCost() {
        return staffCost;
    }

    public void setStaffCost(BigDecimal staffCost) {
        this.staffCost = staffCost;
    }

    public BigDecimal getHousingCost() {
        return housingCost;
    }

    public void setHousingCost(BigDecimal housingCost) {
        this.housingCost = housingCost;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
