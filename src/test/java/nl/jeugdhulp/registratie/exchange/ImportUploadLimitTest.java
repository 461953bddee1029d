package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.unit.DataSize;

/**
 * The multipart limit itself is enforced by the servlet container, which MockMvc bypasses; this
 * checks the answer the advice gives when the container refuses an upload.
 */
class ImportUploadLimitTest {

    @Test
    void tooLargeUploadGets413AndADutchMessage() {
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();
        Object view = new ImportUploadLimit(DataSize.ofMegabytes(100), bundles())
                .tooLarge(new MockHttpServletRequest("POST", "/import"), model, response, java.util.Locale.forLanguageTag("nl-NL"));
        assertThat(view).isEqualTo("exchange/import");
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(model.get("error")).isEqualTo("Het bestand is te groot; het mag hoogstens 100 MB zijn.");
    }

    @Test
    void tooLargeApiUploadGets413AndJson() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Object answer = new ImportUploadLimit(DataSize.ofMegabytes(100), bundles())
                .tooLarge(new MockHttpServletRequest("POST", "/api/v1/imports"), new ExtendedModelMap(), response,
                        java.util.Locale.forLanguageTag("nl-NL"));
        assertThat(answer).isInstanceOf(org.springframework.http.ResponseEntity.class);
        org.springframework.http.ResponseEntity<?> entity = (org.springframework.http.ResponseEntity<?>) answer;
        assertThat(entity.getStatusCode().value()).isEqualTo(413);
        assertThat(entity.getBody()).isEqualTo(java.util.Map.of("error", "Het bestand is te groot; het mag hoogstens 100 MB zijn."));
    }

    @Test
    void columnNamesMatchCaseInsensitivelyWithDashSpaceAndUnderscoreAlike() {
        assertThat(ImportRowReader.columnKey(" Datum-laatste Contact ")).isEqualTo("datum_laatste_contact");
        assertThat(ImportRowReader.columnKey("CAPJ_1")).isEqualTo("capj_1");
        assertThat(ImportRowReader.columnKey("interventie - triage")).isEqualTo("interventie_triage");
    }

    /** The application's message bundles, as Spring Boot configures them. */
    static org.springframework.context.MessageSource bundles() {
        var source = new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
