package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.util.List;

/**
 * Where exported rows go, sheet by sheet. Values are {@code null} (empty cell), {@link String},
 * {@link Integer}, {@link java.math.BigDecimal} or {@link java.time.LocalDate}.
 */
interface ExportSink {

    void startSheet(String name, List<String> header) throws IOException;

    void row(List<Object> values) throws IOException;

    void endSheet() throws IOException;
}
