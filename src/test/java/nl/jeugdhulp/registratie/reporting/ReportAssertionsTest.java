package nl.jeugdhulp.registratie.reporting;

import static nl.jeugdhulp.registratie.reporting.ReportAssertions.assertTable;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The matrix assertion itself: it must fail on any wrong cell, row or column, not only pass. */
class ReportAssertionsTest {

    private static final ReportTable TABLE = new ReportTable("t", Population.CLOSED, Breakdown.EDUCATION, false,
            "code.", List.of("A", "B", "C"), new long[][] {{1, 0, 2, 3}, {0, 0, 0, 0}, {4, 5, 6, 15}},
            new long[] {5, 5, 8, 18}, new long[] {0, 1, 0, 1}, Optional.empty(), List.of());

    @Test
    void theExactMatrixPasses() {
        assertThatCode(() -> assertTable(TABLE, """
                          HBO WO WO_PLUS TOTAL
                A           1  0       2     3
                B           0  0       0     0
                C           4  5       6    15
                n           5  5       8    18
                missing     0  1       0     1
                """)).doesNotThrowAnyException();
        assertThatCode(() -> assertTable(TABLE, """
                          HBO WO WO_PLUS TOTAL
                A           1  0       2     3
                C           4  5       6    15
                ...
                n           5  5       8    18
                missing     0  1       0     1
                """)).doesNotThrowAnyException();
    }

    @Test
    void anyDifferenceFails() {
        assertThatThrownBy(() -> assertTable(TABLE, """
                          HBO WO WO_PLUS TOTAL
                A           1  0       2     3
                B           0  0       0     0
                C           4  5       7    15
                n           5  5       8    18
                missing     0  1       0     1
                """)).isInstanceOf(AssertionError.class);
        // a row left out without "..."
        assertThatThrownBy(() -> assertTable(TABLE, """
                          HBO WO WO_PLUS TOTAL
                A           1  0       2     3
                C           4  5       6    15
                n           5  5       8    18
                missing     0  1       0     1
                """)).isInstanceOf(AssertionError.class);
        // a non-zero row left out with "..."
        assertThatThrownBy(() -> assertTable(TABLE, """
                          HBO WO WO_PLUS TOTAL
                A           1  0       2     3
                ...
                n           5  5       8    18
                missing     0  1       0     1
                """)).isInstanceOf(AssertionError.class);
        // wrong columns, wrong missing
        assertThatThrownBy(() -> assertTable(TABLE, """
                          POH_JEUGD SOH_JGGZ OJG TOTAL
                A           1  0       2     3
                B           0  0       0     0
                C           4  5       6    15
                n           5  5       8    18
                missing     0  1       0     1
                """)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertTable(TABLE, """
                          HBO WO WO_PLUS TOTAL
                A           1  0       2     3
                B           0  0       0     0
                C           4  5       6    15
                n           5  5       8    18
                missing     0  0       0     1
                """)).isInstanceOf(AssertionError.class);
    }
}
