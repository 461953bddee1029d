package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.jeugdhulp.registratie.exchange.ExchangeColumns.Code;
import nl.jeugdhulp.registratie.exchange.ExchangeColumns.Column;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The user documentation of the registration exchange format ({@code /registratiebestand}),
 * generated from {@link ExchangeColumns} so it always says what export and import do, and an empty
 * template workbook to fill in ({@code /registratiebestand/sjabloon.xlsx}). Any signed-in user.
 */
@Controller
@RequestMapping("/registratiebestand")
class FormatDocController {

    static final String TEMPLATE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExportService exports;

    FormatDocController(ExportService exports) {
        this.exports = exports;
    }

    /** One sheet of the format as the page shows it. */
    record SheetDoc(String name, List<ColumnDoc> columns) {
    }

    /** One column: name, Dutch label (with the option of a 0/1 column), type and allowed codes. */
    record ColumnDoc(String name, String label, ExchangeColumns.Type type, List<Code> codes, boolean multiAnswer,
                     boolean freeText) {
    }

    @GetMapping
    String page(Model model) {
        ExportScripts scripts = exports.scripts();
        model.addAttribute("sheets", List.of(
                sheet(ExchangeColumns.PROFESSIONALS_SHEET, ExchangeColumns.PROFESSIONALS, scripts),
                sheet(ExchangeColumns.TRAJECTEN_SHEET, ExchangeColumns.TRAJECTEN, scripts)));
        model.addAttribute("codebookSheet", ExchangeColumns.CODEBOOK_SHEET);
        return "exchange/format";
    }

    @GetMapping("/sjabloon.xlsx")
    void template(HttpServletResponse response) throws IOException {
        response.setContentType(TEMPLATE_CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("registratiebestand-sjabloon.xlsx").build().toString());
        exports.template(response.getOutputStream());
    }

    private static SheetDoc sheet(String name, List<Column> columns, ExportScripts scripts) {
        return new SheetDoc(name, columns.stream()
                .map(c -> new ColumnDoc(c.name(), scripts.label(c), c.type(), c.codes(), c.multiAnswer(), c.freeText()))
                .toList());
    }
}
