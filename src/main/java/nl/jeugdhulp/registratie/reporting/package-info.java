/**
 * The trimester report: every table and figure of the study, computed live from the registrations
 * with aggregate SQL (never by loading trajectories). {@link nl.jeugdhulp.registratie.reporting.ReportService}
 * is the facade; {@link nl.jeugdhulp.registratie.reporting.ReportFilter} and
 * {@link nl.jeugdhulp.registratie.reporting.ReportScope} say what is counted and what the user may see.
 */
package nl.jeugdhulp.registratie.reporting;
