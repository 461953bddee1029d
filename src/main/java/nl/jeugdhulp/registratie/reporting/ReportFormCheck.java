package nl.jeugdhulp.registratie.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The report's filters as one check shared by the report page, its exports and the API, so every URL they
 * accept means the same: the period must be valid and every narrowing choice must be one the user
 * is offered (a pilot, municipality, practice or supporter within their scope).
 */
@Component
class ReportFormCheck {

    private final ReportOptions options;
    private final Clock clock;

    ReportFormCheck(ReportOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** What the user may choose in each filter. */
    Choices choices(ReportScope scope) {
        return new Choices(options.pilots(scope), options.municipalities(scope), options.practices(scope),
                options.supporters(scope));
    }

    /** What the user may choose, also put into the model for the filter form. */
    Choices choices(ReportScope scope, Model model) {
        Choices choices = choices(scope);
        model.addAttribute("pilots", scope.supporterId() == null ? choices.pilots() : List.of());
        model.addAttribute("municipalities", choices.municipalities());
        model.addAttribute("practices", choices.practices());
        model.addAttribute("supporters", choices.supporters());
        model.addAttribute("periods", ReportForm.PERIODS);
        model.addAttribute("functionTypes", ReportForm.FUNCTION_TYPES);
        return choices;
    }

    /** The filter the form asks for, or null when {@code result} holds errors (binding errors included). */
    ReportFilter filter(ReportForm form, BindingResult result, Choices choices) {
        ReportFilter filter = result.hasErrors() ? null : form.toFilter(LocalDate.now(clock), result);
        if (filter != null) {
            checkChoice(form.getPilot(), choices.pilots(), "pilot", result);
            checkChoice(form.getGemeente(), choices.municipalities(), "gemeente", result);
            checkChoice(form.getPraktijk(), choices.practices(), "praktijk", result);
            checkChoice(form.getOndersteuner(), choices.supporters(), "ondersteuner", result);
        }
        return result.hasErrors() ? null : filter;
    }

    private static void checkChoice(Long chosen, List<ReportOptions.Option> allowed, String field, BindingResult result) {
        if (chosen != null && allowed.stream().noneMatch(o -> o.id() == chosen)) {
            result.rejectValue(field, "report.filter.choice.invalid");
        }
    }

    /** The options a user is offered per filter. */
    record Choices(List<ReportOptions.Option> pilots, List<ReportOptions.Option> municipalities,
                   List<ReportOptions.Option> practices, List<ReportOptions.Option> supporters) {

        /** The label of a chosen option; null when nothing was chosen. */
        static String label(List<ReportOptions.Option> options, Long id) {
            return id == null ? null : options.stream().filter(o -> o.id() == id).map(ReportOptions.Option::label)
                    .findFirst().orElse(String.valueOf(id));
        }
    }
}
