package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AANMELDDATUM;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AANTAL_CONTACTEN;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AFRONDING;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AFRONDING_ANDERS_REDEN;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.BRON_ID;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.DATUM_LAATSTE_CONTACT;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.DIAGNOSE;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.DIAGNOSE_VRAAG;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.EINDDATUM;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.GEBOORTEJAAR;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.GEBOORTEMAAND;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.GESLACHT;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.HULPVRAAG;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.KETENPARTNER;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.MOMENT_VERWIJZING;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.PRAKTIJK;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.PROFESSIONAL;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.STARTDATUM;

import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.organisation.PracticeDirectory;
import nl.jeugdhulp.registratie.organisation.PracticeOption;
import nl.jeugdhulp.registratie.registration.Codes.Applicant;
import nl.jeugdhulp.registratie.registration.Codes.Consultation;
import nl.jeugdhulp.registratie.registration.Codes.Destination;
import nl.jeugdhulp.registratie.registration.Codes.Diagnosis;
import nl.jeugdhulp.registratie.registration.Codes.DiagnosisQuestion;
import nl.jeugdhulp.registratie.registration.Codes.Gender;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import nl.jeugdhulp.registratie.registration.Codes.ReferralMoment;
import nl.jeugdhulp.registratie.registration.ImportOutcome;
import nl.jeugdhulp.registratie.registration.ImportRow;
import nl.jeugdhulp.registratie.registration.TrajectoryData;
import nl.jeugdhulp.registratie.registration.TrajectoryService;
import nl.jeugdhulp.registratie.registration.Violation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A supporter's import of their own {@code trajecten} sheet: reads the file, maps every row to
 * {@link TrajectoryData}, checks it with the form's rules and reports every problem as
 * "blad, rij, kolom: melding". {@link #plan} writes nothing (the dry run); {@link #run} writes
 * all rows in one transaction, or only the valid ones when asked.
 */
@Service
class TrajectoryImport {

    static final String SHEET = ExchangeColumns.TRAJECTEN_SHEET;
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final Pattern DUTCH_DATE = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})");
    private static final int MAX_SOURCE_ID = 60;

    // The exchange-format columns come from ExchangeColumns; these "anders, namelijk" texts are not
    // (yet) in exchange-format.md, but the form's rules demand them, so the import accepts them too.
    static final String DIAGNOSE_ANDERS = "diagnose_anders";
    static final String AANMELDER_ANDERS_TEKST = "aanmelder_anders_tekst";
    static final String INTERVENTIE_ANDERS_TEKST = "interventie_anders_tekst";
    static final String AFRONDING_ANDERS_TEKST = "afronding_anders_tekst";
    static final List<String> CAPJ = capjColumns();
    static final Map<Applicant, String> APPLICANTS = group(ExchangeColumns.AANMELDER, Applicant.class);
    static final Map<Intervention, String> INTERVENTIONS = group(ExchangeColumns.INTERVENTIE, Intervention.class);
    static final Map<Consultation, String> CONSULTATIONS = group(ExchangeColumns.OVERLEG, Consultation.class);
    static final Map<Destination, String> DESTINATIONS = group(ExchangeColumns.VERWIJZING, Destination.class);
    static final Set<String> COLUMNS = columns();

    /** Form field of a {@link Violation} → the column it is reported in. */
    private static final Map<String, String> FIELD_COLUMN = Map.ofEntries(
            Map.entry("practiceId", PRAKTIJK), Map.entry("privateReference", BRON_ID),
            Map.entry("birthMonth", GEBOORTEMAAND), Map.entry("birthYear", GEBOORTEJAAR),
            Map.entry("gender", GESLACHT), Map.entry("registrationDate", AANMELDDATUM),
            Map.entry("startDate", STARTDATUM), Map.entry("helpRequest", HULPVRAAG),
            Map.entry("capjCodes", CAPJ.get(0)), Map.entry("diagnosisQuestion", DIAGNOSE_VRAAG),
            Map.entry("diagnosis", DIAGNOSE), Map.entry("diagnosisOther", DIAGNOSE_ANDERS),
            Map.entry("applicants", APPLICANTS.get(Applicant.JEUGDIGE)),
            Map.entry("applicantOther", AANMELDER_ANDERS_TEKST), Map.entry("contacts", AANTAL_CONTACTEN),
            Map.entry("lastContactDate", DATUM_LAATSTE_CONTACT),
            Map.entry("interventions", INTERVENTIONS.get(Intervention.TRIAGE_SCREENING)),
            Map.entry("interventionOther", INTERVENTIE_ANDERS_TEKST),
            Map.entry("consultations", CONSULTATIONS.get(Consultation.HUISARTS)),
            Map.entry("endDate", EINDDATUM), Map.entry("outcome", AFRONDING),
            Map.entry("otherReason", AFRONDING_ANDERS_REDEN), Map.entry("otherReasonText", AFRONDING_ANDERS_TEKST),
            Map.entry("referralMoment", MOMENT_VERWIJZING),
            Map.entry("destinations", DESTINATIONS.get(Destination.SGGZ)));

    private final TrajectoryService trajectories;
    private final PracticeDirectory practices;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    TrajectoryImport(TrajectoryService trajectories, PracticeDirectory practices, MessageSource messages,
                     JdbcClient jdbc) {
        this.trajectories = trajectories;
        this.practices = practices;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** Reads and checks the whole file; writes nothing. */
    ImportPlan plan(CurrentUser user, Path file) {
        if (user.supporterId() == null) {
            throw new ImportFileException("Uw account hoort niet bij een praktijkondersteuner; u kunt geen registratie importeren.");
        }
        long supporterId = user.supporterId();
        String ownCode = jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", supporterId)
                .query(String.class).single();
        Map<String, Long> practiceByName = new HashMap<>();
        for (PracticeOption p : practices.practicesOf(supporterId)) {
            practiceByName.put(p.name().strip().toLowerCase(DUTCH), p.id());
        }
        Collector collector = new Collector(user, ownCode, practiceByName);
        ImportRowReader.read(file, SHEET, collector);
        if (collector.index == null) {
            throw new ImportFileException("Het bestand heeft geen kopregel met kolomnamen.");
        }
        Set<String> existing = trajectories.existingSourceIds(user,
                collector.valid.stream().map(ImportRow::sourceId).toList());
        int updated = (int) collector.valid.stream().map(ImportRow::sourceId)
                .filter(id -> id != null && existing.contains(id)).count();
        return new ImportPlan(collector.headerNames, collector.warnings, collector.valid, collector.rejected,
                collector.valid.size() - updated, updated);
    }

    /** Plans, then writes: everything or nothing, or with {@code validOnly} the valid rows. */
    ImportPlan.Result run(CurrentUser user, Path file, String fileName, boolean validOnly) {
        ImportPlan plan = plan(user, file);
        if (!plan.rejected().isEmpty() && !validOnly) {
            return new ImportPlan.Result(plan, null);
        }
        ImportOutcome outcome = trajectories.importRows(user, plan.valid(), fileName, plan.rejected().size());
        return new ImportPlan.Result(plan, outcome);
    }

    /** The rejected rows as CSV: the original columns and a column {@code reden}. */
    static String rejectedCsv(ImportPlan plan) {
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(plan.header());
        header.add("reden");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header);
            for (ImportPlan.Rejected row : plan.rejected()) {
                List<String> cells = new ArrayList<>(row.cells());
                while (cells.size() < plan.header().size()) {
                    cells.add("");
                }
                cells = new ArrayList<>(cells.subList(0, plan.header().size()));
                cells.add(String.join("; ", row.reasons()));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Receives the rows from the reader and maps each one as it comes. */
    private final class Collector implements ImportRowReader.RowHandler {
        private final CurrentUser user;
        private final String ownCode;
        private final Map<String, Long> practiceByName;
        private final List<String> warnings = new ArrayList<>();
        private final List<ImportRow> valid = new ArrayList<>();
        private final List<ImportPlan.Rejected> rejected = new ArrayList<>();
        private final Set<String> sourceIds = new HashSet<>();
        private List<String> headerNames = List.of();
        private Map<String, Integer> index;

        Collector(CurrentUser user, String ownCode, Map<String, Long> practiceByName) {
            this.user = user;
            this.ownCode = ownCode;
            this.practiceByName = practiceByName;
        }

        @Override
        public void header(List<String> names) {
            headerNames = List.copyOf(names);
            index = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String key = ImportRowReader.columnKey(names.get(i));
                if (key.isEmpty()) {
                    continue;
                }
                if (!COLUMNS.contains(key)) {
                    warnings.add(SHEET + ", kolom " + names.get(i) + ": onbekende kolom, wordt genegeerd.");
                } else if (index.putIfAbsent(key, i) != null) {
                    warnings.add(SHEET + ", kolom " + names.get(i) + ": komt twee keer voor; de eerste telt.");
                }
            }
            if (!index.containsKey(STARTDATUM)) {
                throw new ImportFileException("Het blad " + SHEET + " heeft geen kolom " + STARTDATUM
                        + "; is dit wel een registratiebestand (zie de kolommen in de handleiding)?");
            }
        }

        @Override
        public void row(int rowNumber, List<String> cells) {
            RowMapper mapper = new RowMapper(cells, index);
            String sourceId = mapper.text(BRON_ID);
            if (sourceId != null && sourceId.length() > MAX_SOURCE_ID) {
                mapper.problem(BRON_ID, "Hoogstens " + MAX_SOURCE_ID + " tekens.");
            } else if (sourceId != null && !sourceIds.add(sourceId)) {
                mapper.problem(BRON_ID, "Deze bron_id komt al eerder in het bestand voor.");
            }
            String professional = mapper.text(PROFESSIONAL);
            if (professional != null && !professional.equalsIgnoreCase(ownCode)) {
                mapper.problem(PROFESSIONAL, "Leeg laten of uw eigen code " + ownCode
                        + " invullen; u kunt alleen uw eigen registratie importeren.");
            }
            TrajectoryData data = mapper.data(practiceByName);
            List<Violation> violations = trajectories.validate(user, data);
            for (Violation v : violations) {
                String column = columnOf(v);
                if (v.code().equals("trajectory.capj.unknown") && v.args().length > 0) {
                    column = mapper.capjColumnOf(String.valueOf(v.args()[0]));
                }
                if (!mapper.problems.containsKey(column)) {
                    mapper.problem(column, messages.getMessage(v.code(), v.args(), v.code(), DUTCH));
                }
            }
            if (mapper.problems.isEmpty()) {
                valid.add(new ImportRow(sourceId, data));
            } else {
                List<String> reasons = mapper.problems.entrySet().stream()
                        .map(e -> "kolom " + e.getKey() + ": " + e.getValue()).toList();
                rejected.add(new ImportPlan.Rejected(rowNumber, cells,
                        reasons.stream().map(r -> SHEET + ", rij " + rowNumber + ", " + r).toList(), reasons));
            }
        }
    }

    private static String columnOf(Violation v) {
        return FIELD_COLUMN.getOrDefault(v.field(), v.field());
    }

    /** One row's cells by column; collects parse problems per column (the first per column counts). */
    private static final class RowMapper {
        private final List<String> cells;
        private final Map<String, Integer> index;
        private final Map<String, String> problems = new LinkedHashMap<>();

        RowMapper(List<String> cells, Map<String, Integer> index) {
            this.cells = cells;
            this.index = index;
        }

        void problem(String column, String message) {
            problems.putIfAbsent(column, message);
        }

        String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size() || cells.get(i) == null || cells.get(i).isBlank()) {
                return null;
            }
            return cells.get(i).strip();
        }

        Integer number(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            } catch (NumberFormatException e) {
                problem(column, "\"" + value + "\" is geen geheel getal.");
                return null;
            }
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                Matcher m = DUTCH_DATE.matcher(value);
                if (m.matches()) {
                    return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1)));
                }
                return LocalDate.parse(value);
            } catch (java.time.DateTimeException e) {
                problem(column, "\"" + value + "\" is geen datum; schrijf JJJJ-MM-DD of D-M-JJJJ.");
                return null;
            }
        }

        <E extends Enum<E>> E code(String column, Class<E> type) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problem(column, "\"" + value + "\" is geen geldige code; kies uit "
                        + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + ".");
                return null;
            }
        }

        /** All columns empty → null (not registered); otherwise the options marked 1. */
        <E extends Enum<E>> Set<E> options(Map<E, String> columns, Class<E> type) {
            Set<E> chosen = EnumSet.noneOf(type);
            boolean any = false;
            for (Map.Entry<E, String> e : columns.entrySet()) {
                String value = text(e.getValue());
                if (value == null) {
                    continue;
                }
                any = true;
                switch (value) {
                    case "1", "1.0", "ja", "Ja", "JA" -> chosen.add(e.getKey());
                    case "0", "0.0", "nee", "Nee", "NEE" -> { }
                    default -> problem(e.getValue(), "\"" + value + "\" is geen 0 of 1.");
                }
            }
            return any ? chosen : null;
        }

        List<String> capj() {
            List<String> codes = new ArrayList<>();
            for (String column : CAPJ) {
                String value = text(column);
                if (value == null) {
                    continue;
                }
                CapjCatalogue.normalise(value).ifPresentOrElse(codes::add,
                        () -> problem(column, "\"" + value + "\" is geen CAP-J-code (zoals A-100)."));
            }
            return codes;
        }

        String capjColumnOf(String code) {
            return CAPJ.stream().filter(c -> CapjCatalogue.normalise(text(c)).map(code::equals).orElse(false))
                    .findFirst().orElse(CAPJ.get(0));
        }

        TrajectoryData data(Map<String, Long> practiceByName) {
            Long practiceId = null;
            String practice = text(PRAKTIJK);
            if (practice != null) {
                practiceId = practiceByName.get(practice.toLowerCase(DUTCH));
                if (practiceId == null) {
                    problem(PRAKTIJK, "Praktijk \"" + practice + "\" is niet een van uw praktijken.");
                }
            }
            return new TrajectoryData(practiceId, null, number(GEBOORTEMAAND), number(GEBOORTEJAAR),
                    code(GESLACHT, Gender.class), date(AANMELDDATUM), date(STARTDATUM), text(HULPVRAAG), capj(),
                    code(DIAGNOSE_VRAAG, DiagnosisQuestion.class), code(DIAGNOSE, Diagnosis.class),
                    text(DIAGNOSE_ANDERS), options(APPLICANTS, Applicant.class), text(AANMELDER_ANDERS_TEKST),
                    number(AANTAL_CONTACTEN), date(DATUM_LAATSTE_CONTACT), options(INTERVENTIONS, Intervention.class),
                    text(INTERVENTIE_ANDERS_TEKST), options(CONSULTATIONS, Consultation.class), date(EINDDATUM),
                    code(AFRONDING, Outcome.class), code(AFRONDING_ANDERS_REDEN, OtherReason.class),
                    text(AFRONDING_ANDERS_TEKST), code(MOMENT_VERWIJZING, ReferralMoment.class),
                    options(DESTINATIONS, Destination.class), text(KETENPARTNER));
        }
    }

    /** Option → column name of one multi-answer group, from {@link ExchangeColumns}. */
    private static <E extends Enum<E>> Map<E, String> group(String group, Class<E> type) {
        Map<E, String> map = new LinkedHashMap<>();
        for (ExchangeColumns.Column column : ExchangeColumns.group(group)) {
            map.put(Enum.valueOf(type, column.option()), column.name());
        }
        return map;
    }

    private static List<String> capjColumns() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= ExchangeColumns.CAPJ_COLUMNS; i++) {
            names.add(ExchangeColumns.capjColumn(i));
        }
        return List.copyOf(names);
    }

    /** Every trajecten column of the exchange format, plus the "anders, namelijk" texts. */
    private static Set<String> columns() {
        Set<String> all = new HashSet<>();
        ExchangeColumns.TRAJECTEN.forEach(c -> all.add(c.name()));
        all.addAll(List.of(DIAGNOSE_ANDERS, AANMELDER_ANDERS_TEKST, INTERVENTIE_ANDERS_TEKST, AFRONDING_ANDERS_TEKST));
        return Set.copyOf(all);
    }
}
