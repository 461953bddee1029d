package nl.jeugdhulp.registratie.web;

import java.util.Map;

/**
 * A form whose required fields follow from rules in code rather than from annotations (the trajectory
 * rules) declares them here, so the form fragments can mark them. Its own test checks the declaration
 * against the rules.
 */
public interface DeclaredRequiredFields {

    /** The mark shown for an always-required field, and the one that makes the field aria-required. */
    String ALWAYS = "form.required.mark";

    /** Field path to the message key of its mark: {@link #ALWAYS}, or a conditional one such as "(verplicht bij afsluiten)". */
    Map<String, String> requiredMarks();
}
