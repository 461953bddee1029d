package nl.jeugdhulp.registratie.reporting;

import java.time.LocalDate;
import java.util.List;
import nl.jeugdhulp.registratie.account.CurrentUser;
import org.springframework.validation.BindingResult;

/**
 * One request for the report, shared by the page and the API: the user's scope, the choices the
 * filters may offer them, and the form's filter checked against both. A pilot, municipality,
 * practice or supporter outside the scope is a field error, the same as one that does not exist.
 */
record ReportRequest(ReportScope scope, List<ReportOptions.Option> pilots, List<ReportOptions.Option> municipalities,
                     List<ReportOptions.Option> practices, List<ReportOptions.Option> supporters) {

    /** Throws NotFoundException for a role without a report (see {@link ReportScope#of}). */
    static ReportRequest of(CurrentUser user, ReportOptions options) {
        ReportScope scope = ReportScope.of(user);
        return new ReportRequest(scope, options.pilots(scope), options.municipalities(scope),
                options.practices(scope), options.supporters(scope));
    }

    /** The filter, or null when the period or a choice is wrong; the reasons are on the result's fields. */
    ReportFilter filter(ReportForm form, BindingResult result, LocalDate today) {
        ReportFilter filter = result.hasErrors() ? null : form.toFilter(today, result);
        if (filter != null) {
            checkChoice(form.getPilot(), pilots, "pilot", result);
            checkChoice(form.getGemeente(), municipalities, "gemeente", result);
            checkChoice(form.getPraktijk(), practices, "praktijk", result);
            checkChoice(form.getOndersteuner(), supporters, "ondersteuner", result);
        }
        return result.hasErrors() ? null : filter;
    }

    private static void checkChoice(Long chosen, List<ReportOptions.Option> allowed, String field, BindingResult result) {
        if (chosen != null && allowed.stream().noneMatch(o -> o.id() == chosen)) {
            result.rejectValue(field, "report.filter.choice.invalid");
        }
    }
}
