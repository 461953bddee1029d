package nl.jeugdhulp.registratie.questionnaire;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the public questionnaire: submissions per sender address and per personal link within
 * one clock hour. A waiting room behind one address (a practice's Wi-Fi) must fit.
 */
@Validated
@ConfigurationProperties("app.questionnaire")
record QuestionnaireProperties(@DefaultValue("30") @Min(1) int perAddressPerHour,
                               @DefaultValue("60") @Min(1) int perLinkPerHour) {
}
