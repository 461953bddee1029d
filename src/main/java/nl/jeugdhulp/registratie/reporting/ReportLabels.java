package nl.jeugdhulp.registratie.reporting;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.classification.CapjCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the report outside a template (the exports), from the same message keys as the page:
 * {@code report.table.<id>}, the row label prefix plus the row code, {@code report.group.<column>},
 * and for CAP-J group rows the catalogue's own code and label.
 */
@Component
class ReportLabels {

    private final MessageSource messages;
    private final CapjCatalogue capj;

    ReportLabels(MessageSource messages, CapjCatalogue capj) {
        this.messages = messages;
        this.capj = capj;
    }

    /** CAP-J code to "display label" for the active codes, as the page shows group rows. */
    Map<String, String> capjLabels() {
        return capj.activeCodes().stream()
                .collect(Collectors.toMap(CapjCode::code, c -> c.display() + " " + c.label(), (a, b) -> a));
    }

    Localized in(Locale locale) {
        return new Localized(messages, locale, capjLabels());
    }

    /** Labels in one language, for one export. */
    static final class Localized {

        private final MessageSource messages;
        private final Locale locale;
        private final Map<String, String> capjLabels;

        Localized(MessageSource messages, Locale locale, Map<String, String> capjLabels) {
            this.messages = messages;
            this.locale = locale;
            this.capjLabels = capjLabels;
        }

        Locale locale() {
            return locale;
        }

        String msg(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        String table(ReportTable table) {
            return msg("report.table." + table.id());
        }

        String column(String column) {
            return msg("report.group." + column);
        }

        String row(ReportTable table, String row) {
            if ("report.capj.".equals(table.rowLabelPrefix())) {
                return capjLabels.getOrDefault(row, row);
            }
            return msg(table.rowLabelPrefix() + row);
        }

        /** "n", or for the tables counted over help requests rather than trajectories "n (hulpvragen)". */
        String n(ReportTable table) {
            return msg(countsRequests(table) ? "report.export.n.requests" : "report.export.n");
        }

        String missing() {
            return msg("report.export.missing");
        }

        /** The CAP-J tables count help requests, not trajectories (as the page says under them). */
        static boolean countsRequests(ReportTable table) {
            return table.id().equals("capj_assen") || table.id().startsWith("capj_a") || table.id().startsWith("capj_d");
        }
    }
}
