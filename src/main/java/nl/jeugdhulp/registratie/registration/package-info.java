/**
 * Registration of client trajectories by practice supporters: the worklist, registering, contacts,
 * closing and reopening. {@link nl.jeugdhulp.registratie.registration.TrajectoryService} is the
 * facade; {@link nl.jeugdhulp.registratie.registration.TrajectoryRules} holds the validation rules
 * that the web form and the import share. A supporter reaches only their own trajectories, a project
 * leader those of their pilots (read-only, without private references); a foreign id answers 404.
 */
package nl.jeugdhulp.registratie.registration;
