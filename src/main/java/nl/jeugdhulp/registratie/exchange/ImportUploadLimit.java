package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over spring.servlet.multipart.max-file-size is refused by the multipart parser before
 * any controller runs; answer 413 with the import page and a Dutch message instead of an error page
 * (JSON {"error": ...} on the API).
 */
@ControllerAdvice
class ImportUploadLimit {

    private final DataSize maxSize;
    private final MessageSource messages;

    ImportUploadLimit(@Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxSize,
                      MessageSource messages) {
        this.maxSize = maxSize;
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, Model model, HttpServletResponse response, Locale locale) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", ImportController.tooLarge(messages, maxSize, locale)));
        }
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        model.addAttribute("maxSize", ImportController.size(maxSize));
        model.addAttribute("error", ImportController.tooLarge(messages, maxSize, locale));
        return "exchange/import";
    }
}
