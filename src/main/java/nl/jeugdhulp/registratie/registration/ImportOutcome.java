package nl.jeugdhulp.registratie.registration;

/** What an import wrote: trajectories created and updated. */
public record ImportOutcome(int created, int updated) {
}
