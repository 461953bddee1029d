package nl.jeugdhulp.registratie.questionnaire;

import java.util.List;

/** The answer scales of the questionnaire, as stored codes (the database checks the same lists). */
final class Scales {

    /** Item 5: how far the goal was reached, worst first. */
    static final List<String> GOAL_ATTAINMENT = List.of("MINDER_GOED", "HETZELFDE", "DEEL_BEREIKT", "BEREIKT",
            "MEER_BEREIKT", "VEEL_MEER_BEREIKT");

    /** Items 6–8: agreement with a statement. */
    static final List<String> AGREEMENT = List.of("HELEMAAL_NIET_EENS", "NIET_EENS", "WEL_EENS", "HELEMAAL_EENS");

    /** Items 1–3 (0–10) by their column. */
    static final List<String> SCORE_ITEMS = List.of("understand", "listen", "involve");

    /** Items 6–8 by their column, in the order of the form. */
    static final List<String> STATEMENT_ITEMS = List.of("recommend", "learned", "confidence");

    /** The two versions of the form: young people 12+ (je/jij) and parents (u). */
    static final List<String> VERSIONS = List.of("jongere", "ouder");

    private Scales() {
    }
}
