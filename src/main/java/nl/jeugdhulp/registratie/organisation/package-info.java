/**
 * The organisation around the registration: pilots, municipalities, GP practices and practice
 * supporters with their dated profiles, managed by the administrator under /beheer; a supporter
 * edits their own profile under /profiel. {@link nl.jeugdhulp.registratie.organisation.PracticeDirectory}
 * is the read facade for other features, {@link nl.jeugdhulp.registratie.organisation.ProfessionalRegister}
 * the facade for the exchange import of supporters and profiles; everything else is package-private. A profile change is
 * saved only through SupporterProfiles, which keeps older dated rows for reports.
 */
package nl.jeugdhulp.registratie.organisation;
