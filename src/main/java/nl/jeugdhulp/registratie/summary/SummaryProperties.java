package nl.jeugdhulp.registratie.summary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the municipal summary.
 *
 * @param minCell k: a municipality sees counts from 1 to k−1 only as "&lt;k" ({@code app.summary.min-cell})
 */
@ConfigurationProperties("app.summary")
@Validated
record SummaryProperties(@DefaultValue("5") @Min(2) @Max(50) int minCell) {
}
