package nl.jeugdhulp.registratie.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import nl.jeugdhulp.registratie.classification.CapjCode;
import org.junit.jupiter.api.Test;

class CapjChoicesTest {

    private final CapjChoices choices = new CapjChoices();

    @Test
    void headsEachAxisOnceTicksTheChosenCodesAndGivesTheFirstBoxTheFieldsId() {
        List<CapjCode> codes = List.of(
                new CapjCode("A100", "A", "Psychosociaal", false, null, "Emotionele problemen"),
                new CapjCode("A101", "A", "Psychosociaal", true, "A100", "Angst"),
                new CapjCode("B200", "B", "Gezin", false, null, "Opvoeding"),
                new CapjCode("X", null, null, false, null, "Niet te classificeren"));

        String html = choices.html(codes, Set.of("A101", "X"), "Overig");

        assertThat(html).isEqualTo("""
                <div class="capj-axis">A – Psychosociaal</div>
                <div class="form-check" data-search="a100 a-100 emotionele problemen psychosociaal">\
                <input class="form-check-input" type="checkbox" name="capjCodes" id="capjCodes" value="A100"> \
                <label class="form-check-label" for="capjCodes"><span class="fw-semibold">A-100</span> \
                <span>Emotionele problemen</span></label></div>
                <div class="form-check capj-rubric" data-search="a101 a-101 angst psychosociaal">\
                <input class="form-check-input" type="checkbox" name="capjCodes" id="capj-A101" value="A101" checked="checked"> \
                <label class="form-check-label" for="capj-A101"><span class="fw-semibold">A-101</span> \
                <span>Angst</span></label></div>
                <div class="capj-axis">B – Gezin</div>
                <div class="form-check" data-search="b200 b-200 opvoeding gezin">\
                <input class="form-check-input" type="checkbox" name="capjCodes" id="capj-B200" value="B200"> \
                <label class="form-check-label" for="capj-B200"><span class="fw-semibold">B-200</span> \
                <span>Opvoeding</span></label></div>
                <div class="capj-axis">Overig</div>
                <div class="form-check" data-search="x x niet te classificeren ">\
                <input class="form-check-input" type="checkbox" name="capjCodes" id="capj-X" value="X" checked="checked"> \
                <label class="form-check-label" for="capj-X"><span class="fw-semibold">X</span> \
                <span>Niet te classificeren</span></label></div>
                """);
    }

    @Test
    void escapesWhatAnAdministratorTyped() {
        List<CapjCode> codes = List.of(new CapjCode("A100", "A", "Psycho\"sociaal", false, null, "<b>Angst</b> & 'zorgen'"));

        String html = choices.html(codes, null, "Overig");

        assertThat(html).contains("<div class=\"capj-axis\">A – Psycho&quot;sociaal</div>")
                .contains("<span>&lt;b&gt;Angst&lt;/b&gt; &amp; &#39;zorgen&#39;</span>")
                .contains("data-search=\"a100 a-100 &lt;b&gt;angst&lt;/b&gt; &amp; &#39;zorgen&#39; psycho&quot;sociaal\"")
                .doesNotContain("checked");
    }
}
