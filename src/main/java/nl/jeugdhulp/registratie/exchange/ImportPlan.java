package nl.jeugdhulp.registratie.exchange;

import java.util.List;
import nl.jeugdhulp.registratie.registration.ImportOutcome;
import nl.jeugdhulp.registratie.registration.ImportRow;

/**
 * The outcome of reading and checking an import file (the dry run): the valid rows, which of them
 * are new or update an earlier import, the rejected rows with their problems, and warnings.
 */
public record ImportPlan(List<String> header, List<String> warnings, List<ImportRow> valid, List<Rejected> rejected,
                  int newRows, int updatedRows) {

    /** Every problem of every rejected row, as "blad, rij, kolom: melding". */
    public List<String> problems() {
        return rejected.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** A row that breaks a rule: its original cells, the full problem lines and the short reasons. */
    public record Rejected(int rowNumber, List<String> cells, List<String> problems, List<String> reasons) {
    }

    /** What an import run did; {@code outcome} is null when nothing was written. */
    public record Result(ImportPlan plan, ImportOutcome outcome) {
    }
}
