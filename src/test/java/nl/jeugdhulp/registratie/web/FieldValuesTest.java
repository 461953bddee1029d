package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chosen options of the written-out radio and checkbox groups, as Spring's th:field would mark them. */
class FieldValuesTest {

    enum Gender { M, V }

    private final FieldValues values = new FieldValues();

    @Test
    void aSingleValueMatchesItsOptionByValueOrByText() {
        assertThat(values.selected("M", "M")).isTrue();
        assertThat(values.selected("M", "V")).isFalse();
        assertThat(values.selected(Gender.V, "V")).isTrue();
        assertThat(values.selected(Gender.V, Gender.V)).isTrue();
        assertThat(values.selected(Gender.V, "M")).isFalse();
        assertThat(values.selected(Boolean.TRUE, true)).isTrue();
        assertThat(values.selected(Boolean.FALSE, "true")).isFalse();
        assertThat(values.selected(3, 3)).isTrue();
        assertThat(values.selected(3, "3")).isTrue();
    }

    @Test
    void aListOrArrayMatchesEachOfItsOptions() {
        assertThat(values.selected(List.of("OUDERS", "SCHOOL"), "SCHOOL")).isTrue();
        assertThat(values.selected(Set.of("OUDERS"), "JEUGDIGE")).isFalse();
        assertThat(values.selected(new String[] {"A", "B"}, "B")).isTrue();
        assertThat(values.selected(List.of(), "A")).isFalse();
    }

    @Test
    void nothingIsChosenWithoutAValue() {
        assertThat(values.selected(null, "M")).isFalse();
        assertThat(values.selected("M", null)).isFalse();
        assertThat(values.selected(java.util.Arrays.asList("A", null), "B")).isFalse();
    }
}
