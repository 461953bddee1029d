/**
 * The municipal pilot summary (the Hilversum letter): for a municipality, project leader or
 * administrator, the young people seen, what they asked, how they were helped and referred, and a
 * cost-benefit estimate from the pilot's dated cost assumptions; as a page, PDF, XLSX and CSV.
 * Everything is counted in SQL; for a municipality small numbers are suppressed by
 * {@link nl.jeugdhulp.registratie.summary.SmallNumbers}. Uses other modules only through their public
 * base-package types (account, audit, registration's code lists, reporting's chart facade).
 */
package nl.jeugdhulp.registratie.summary;
