package nl.jeugdhulp.registratie.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;

/**
 * Turns the two kinds of conflict a form save can meet into messages on the form instead of an
 * error page: a stale edit (someone saved in between) and a violated database constraint.
 */
public final class FormConflicts {

    /** A database constraint, by name, and the form field that explains it. */
    public record ConstraintField(String constraint, String field, String code) {
    }

    private FormConflicts() {
    }

    /**
     * Shows the current data with the message form.stale and status 409: the user's change was not
     * saved, and the form now carries the newest version so a second attempt is deliberate.
     */
    public static void showCurrent(Model model, Object currentForm, HttpServletResponse response) {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(currentForm, "form");
        result.getPropertyEditorRegistry().registerCustomEditor(BigDecimal.class, new DecimalEditor());
        result.reject("form.stale");
        model.addAttribute("form", currentForm);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        response.setStatus(HttpServletResponse.SC_CONFLICT);
    }

    /**
     * Saves unless the form already has errors; a violation of one of the given constraints becomes
     * a field error. Returns whether the form was saved. A stale edit still throws
     * {@link org.springframework.dao.OptimisticLockingFailureException} for the caller to show.
     */
    public static boolean save(BindingResult result, Runnable save, ConstraintField... constraints) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            save.run();
            return true;
        } catch (DataIntegrityViolationException e) {
            if (!rejectConstraint(e, result, constraints)) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Rejects the field of the constraint the database named. Returns false when the violation is
     * none of the given ones, so the caller rethrows it (an unexpected violation is a bug).
     */
    public static boolean rejectConstraint(DataIntegrityViolationException e, Errors errors, ConstraintField... fields) {
        // PostgreSQL names the constraint in double quotes in every language it reports in.
        String message = e.getMostSpecificCause().getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (ConstraintField field : fields) {
            if (lower.contains("\"" + field.constraint() + "\"")) {
                errors.rejectValue(field.field(), field.code());
                return true;
            }
        }
        return false;
    }
}
