package nl.jeugdhulp.registratie.questionnaire;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;

/** What every rendering of the questionnaire form needs besides the form itself. */
final class QuestionnaireViews {

    static final List<Integer> SCORES = IntStream.rangeClosed(0, 10).boxed().toList();

    private QuestionnaireViews() {
    }

    static void scales(Model model) {
        model.addAttribute("scores", SCORES);
        model.addAttribute("scoreItems", Scales.SCORE_ITEMS);
        model.addAttribute("goalLevels", Scales.GOAL_ATTAINMENT);
        model.addAttribute("agreementLevels", Scales.AGREEMENT);
        model.addAttribute("statementItems", Scales.STATEMENT_ITEMS);
    }

    /** Empty answers are no answer (null); only the questionnaire's own fields bind. */
    static void binder(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(false) {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : text);
            }
        });
        binder.setAllowedFields("understand", "listen", "involve", "goal", "goalAttainment", "recommend", "learned",
                "confidence", "remarks", "formToken");
    }
}
