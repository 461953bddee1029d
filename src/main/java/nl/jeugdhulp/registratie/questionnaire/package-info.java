/**
 * The anonymous client questionnaire (appendix 3 of the study): each practice supporter has a
 * personal link and a printable QR card; young people and parents answer without logging in; staff
 * type in paper forms. A response keeps pilot, function type, supporter, day and answers only.
 * {@link nl.jeugdhulp.registratie.questionnaire.QuestionnaireStatistics} is the facade for reports:
 * aggregates over a {@link nl.jeugdhulp.registratie.questionnaire.ResponseSelection}, with the rule
 * that a supporter sees their own figures only from five responses on.
 */
package nl.jeugdhulp.registratie.questionnaire;
