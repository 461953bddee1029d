package nl.jeugdhulp.registratie.summary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A pilot's cost assumptions from {@code validFrom} on (euro). */
record CostAssumption(long id, long pilotId, LocalDate validFrom, BigDecimal amountPerTrajectory,
                      BigDecimal staffCostPerYear, BigDecimal housingCostPerYear, int version) {
}
