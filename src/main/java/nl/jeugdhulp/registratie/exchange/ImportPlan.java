package nl.jeugdhulp.registratie.exchange;

import java.io.Serializable;
import java.util.List;

/**
 * What reading and checking an import file found (the dry run), or what an import did: counts of
 * new, updated and rejected trajectory rows, the professionals of the file, every problem as
 * "blad, rij, kolom: melding" (the first {@value #MAX_PROBLEMS} are kept, {@code problemCount}
 * counts all) and warnings. Small whatever the size of the file: no rows are kept.
 */
public record ImportPlan(List<String> header, List<String> warnings, int trajectoryRows, int newRows, int updatedRows,
                         int rejectedRows, List<String> problems, int problemCount, List<Professional> professionals,
                         int newProfessionals, int updatedProfessionals, int rejectedProfessionals)
        implements Serializable {

    public static final int MAX_PROBLEMS = 1000;

    /** Problems not listed because there were more than {@value #MAX_PROBLEMS}. */
    public int unlistedProblems() {
        return problemCount - problems.size();
    }

    /** Rows the import reads: trajectories and professionals (for the progress bar). */
    public int totalRows() {
        return trajectoryRows + professionals.size() + rejectedProfessionals;
    }

    /** Professionals that need an account chosen or created: new ones, and existing ones without account. */
    public List<Professional> withoutAccount() {
        return professionals.stream().filter(p -> p.username() == null).toList();
    }

    /** A valid row of the professionals sheet: its code, whether the supporter is new, the linked account. */
    public record Professional(int rowNumber, String code, boolean isNew, String username) implements Serializable {
    }
}
