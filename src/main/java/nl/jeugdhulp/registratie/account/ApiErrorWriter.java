package nl.jeugdhulp.registratie.account;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's own small error body, {"error": "..."} in Dutch, for what the security filters answer
 * before any controller runs (401, 403). Never a stack trace, never an HTML page.
 */
class ApiErrorWriter {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final JsonMapper json;
    private final MessageSource messages;

    ApiErrorWriter(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    void write(HttpServletResponse response, int status, String messageCode) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            // RFC 6750: say which scheme is expected, without detail on what was wrong.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"jeugdhulp-registratie\"");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String text = messages.getMessage(messageCode, null, messageCode, DUTCH);
        response.getWriter().write(json.writeValueAsString(Map.of("error", text)));
        response.flushBuffer();
    }
}
