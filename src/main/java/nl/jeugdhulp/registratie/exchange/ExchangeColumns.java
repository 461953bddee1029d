package nl.jeugdhulp.registratie.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.registration.Codes;

/**
 * The columns of the exchange format (exchange-format.md), in file order, shared by export and
 * import: the sheets {@code professionals} and {@code trajecten}, each column with its Dutch
 * label, type and allowed codes. Code labels are message keys (the {@code code.*} keys of the web
 * form where they exist) so the codebook, SPSS and R files say what the form says.
 */
public final class ExchangeColumns {

    public static final String PROFESSIONALS_SHEET = "professionals";
    public static final String TRAJECTEN_SHEET = "trajecten";
    public static final String CODEBOOK_SHEET = "codeboek";

    // Names of the trajecten columns that are no option of a multi-answer question (file order).
    public static final String BRON_ID = "bron_id";
    public static final String PROFESSIONAL = "professional";
    public static final String PRAKTIJK = "praktijk";
    public static final String GEBOORTEJAAR = "geboortejaar";
    public static final String GEBOORTEMAAND = "geboortemaand";
    public static final String GESLACHT = "geslacht";
    public static final String AANMELDDATUM = "aanmelddatum";
    public static final String STARTDATUM = "startdatum";
    public static final String DATUM_LAATSTE_CONTACT = "datum_laatste_contact";
    public static final String EINDDATUM = "einddatum";
    public static final String HULPVRAAG = "hulpvraag";
    public static final String DIAGNOSE_VRAAG = "diagnose_vraag";
    public static final String DIAGNOSE = "diagnose";
    public static final String AANTAL_CONTACTEN = "aantal_contacten";
    public static final String AFRONDING = "afronding";
    public static final String AFRONDING_ANDERS_REDEN = "afronding_anders_reden";
    public static final String MOMENT_VERWIJZING = "moment_verwijzing";
    public static final String KETENPARTNER = "ketenpartner";
    // Beyond the study's columns: the form's "anders, namelijk" texts, so that moving data loses nothing.
    public static final String DIAGNOSE_ANDERS = "diagnose_anders";
    public static final String AANMELDER_ANDERS_TEKST = "aanmelder_anders_tekst";
    public static final String INTERVENTIE_ANDERS_TEKST = "interventie_anders_tekst";
    public static final String AFRONDING_ANDERS_TEKST = "afronding_anders_tekst";
    /** The multi-answer groups: a column is named group + "_" + option. */
    public static final String AANMELDER = "aanmelder";
    public static final String INTERVENTIE = "interventie";
    public static final String OVERLEG = "overleg";
    public static final String VERWIJZING = "verwijzing";

    /** What a cell holds. DECIMAL is a number with a decimal point (hours, numbers of GPs). */
    public enum Type { TEXT, DATE, INTEGER, DECIMAL, CODE, BOOLEAN01 }

    /** An allowed value and the message key of its Dutch label. */
    public record Code(String value, String labelKey) {
    }

    /**
     * One column. A 0/1 column that is one option of a multi-answer question has {@code group}
     * (e.g. {@code interventie}) and {@code option} (the stored code, e.g. {@code TRIAGE_SCREENING});
     * all columns of a group empty means "not registered", all 0 means "registered as none".
     * {@code optionLabelKey} is the message key of the option's Dutch label (appended to {@code label}).
     */
    public record Column(String name, String label, Type type, List<Code> codes, String group, String option,
                         String optionLabelKey, boolean freeText) {

        public boolean multiAnswer() {
            return group != null;
        }

        Column withCode(Code code) {
            List<Code> more = new ArrayList<>(codes);
            more.add(code);
            return new Column(name, label, type, List.copyOf(more), group, option, optionLabelKey, freeText);
        }
    }

    /** The 0/1 values of a BOOLEAN01 column. */
    public static final List<Code> ZERO_ONE = List.of(new Code("0", "export.code.no"), new Code("1", "export.code.yes"));

    public static final List<Column> PROFESSIONALS = List.of(
            text("professional", "Code praktijkondersteuner (pseudoniem)"),
            code("functie", "Functie", "admin.profile.functionType", "POH_JEUGD", "SOH_JGGZ", "OJG"),
            text("pilot", "Pilot"),
            integer("leeftijd", "Leeftijd"),
            code("geslacht", "Geslacht", "admin.profile.gender", "M", "V", "X"),
            code("opleiding", "Opleiding", "admin.profile.education", "HBO", "WO", "WO_PLUS", "ANDERS"),
            text("opleiding_anders", "Opleiding, anders namelijk"),
            integer("ervaring_jaren", "Werkervaring met jeugd (jaren)"),
            zeroOne("loondienst_huisarts", "In loondienst van de huisarts"),
            code("bekostiging", "Bekostiging", "admin.profile.funding", "GEMEENTE", "ZORGVERZEKERAAR", "HUISARTS", "ANDERS"),
            decimal("uren_huisartsenpraktijk", "Uren per week in de huisartsenpraktijk"),
            decimal("uren_instelling", "Uren per week bij de instelling"),
            decimal("uren_basisteam", "Uren per week in het basisteam"),
            zeroOne("huisvesting_praktijk", "Gehuisvest in de praktijk"),
            zeroOne("huurkosten", "Betaalt huurkosten"),
            zeroOne("his", "Werkt in het HIS"),
            zeroOne("zorgmail", "Gebruikt ZorgMail"),
            decimal("aantal_huisartsen", "Aantal huisartsen in de bediende praktijken"),
            decimal("aantal_normpraktijken", "Aantal normpraktijken (ingeschreven patiënten / 2350)"),
            date("registratie_start", "Start registratieperiode"),
            date("registratie_eind", "Einde registratieperiode"));

    public static final List<Column> TRAJECTEN = trajectColumns();

    private static final Map<String, Column> TRAJECT_BY_NAME = byName(TRAJECTEN);
    private static final Map<String, Column> PROFESSIONAL_BY_NAME = byName(PROFESSIONALS);

    private ExchangeColumns() {
    }

    /** A trajecten column by header name, matched case-insensitively with {@code -}, space and {@code _} alike. */
    public static Optional<Column> trajectColumn(String header) {
        return Optional.ofNullable(TRAJECT_BY_NAME.get(normalise(header)));
    }

    /** A professionals column by header name, matched like {@link #trajectColumn(String)}. */
    public static Optional<Column> professionalColumn(String header) {
        return Optional.ofNullable(PROFESSIONAL_BY_NAME.get(normalise(header)));
    }

    /** The canonical form of a header: trimmed, lower case, {@code -} and spaces as {@code _}. */
    public static String normalise(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replaceAll("[-\\s_]+", "_");
    }

    /** The columns of one multi-answer group, in order (e.g. {@code interventie}). */
    public static List<Column> group(String group) {
        return TRAJECTEN.stream().filter(c -> group.equals(c.group())).toList();
    }

    /** CAP-J codes are stored without a hyphen (A100) and written with one. */
    public static String capjForFile(String stored) {
        return stored != null && stored.length() == 4 && Character.isLetter(stored.charAt(0))
                ? stored.charAt(0) + "-" + stored.substring(1) : stored;
    }

    public static final int CAPJ_COLUMNS = 5;

    /** The value of a {@link Code} that stands for an empty cell (only trajecten {@code geslacht} has one). */
    public static final String EMPTY = "";

    /**
     * The stored trajectory gender "onbekend". The format has no code for it: {@code geslacht} is
     * M/V/X/empty and an empty cell means unknown. The form makes "onbekend" an explicit choice, so
     * an empty cell is exactly that choice: export writes ONBEKEND as empty and import reads empty as
     * ONBEKEND, which keeps export → import → export lossless.
     */
    public static final String GENDER_UNKNOWN = "ONBEKEND";

    /** The {@code geslacht} cell for a stored trajectory gender: ONBEKEND becomes empty ({@code null}). */
    public static String genderForFile(String stored) {
        return GENDER_UNKNOWN.equals(stored) ? null : stored;
    }

    /** The stored trajectory gender for a {@code geslacht} cell: empty becomes ONBEKEND, anything else as is. */
    public static String genderFromFile(String cell) {
        return cell == null || cell.isBlank() ? GENDER_UNKNOWN : cell.strip();
    }

    /** Is this one of the {@code capj_1} … {@code capj_5} columns (codes from the administrable CAP-J list)? */
    public static boolean isCapj(Column column) {
        return column.name().startsWith("capj_");
    }

    /** The name of CAP-J column {@code i} (1..{@value #CAPJ_COLUMNS}). */
    public static String capjColumn(int i) {
        return "capj_" + i;
    }

    private static List<Column> trajectColumns() {
        List<Column> columns = new ArrayList<>();
        columns.add(text(BRON_ID, "Eigen id van de bron"));
        columns.add(text(PROFESSIONAL, "Code praktijkondersteuner (pseudoniem)"));
        columns.add(text(PRAKTIJK, "Huisartsenpraktijk"));
        columns.add(integer(GEBOORTEJAAR, "Geboortejaar"));
        columns.add(integer(GEBOORTEMAAND, "Geboortemaand (1-12)"));
        columns.add(code(GESLACHT, "Geslacht", "code.gender", "M", "V", "X")
                .withCode(new Code(EMPTY, "code.gender." + GENDER_UNKNOWN)));
        columns.add(date(AANMELDDATUM, "Aanmelddatum"));
        columns.add(date(STARTDATUM, "Startdatum"));
        columns.add(date(DATUM_LAATSTE_CONTACT, "Datum laatste contact"));
        columns.add(date(EINDDATUM, "Einddatum"));
        columns.add(new Column(HULPVRAAG, "Hulpvraag (vrije tekst)", Type.TEXT, List.of(), null, null, null, true));
        for (int i = 1; i <= CAPJ_COLUMNS; i++) {
            columns.add(text(capjColumn(i), "CAP-J-code " + i));
        }
        columns.add(code(DIAGNOSE_VRAAG, "Vraag over diagnose", "code.diagnosisQuestion", names(Codes.DiagnosisQuestion.values())));
        columns.add(code(DIAGNOSE, "Diagnose", "code.diagnosis", names(Codes.Diagnosis.values())));
        group(columns, AANMELDER, "Aanmelder", "code.applicant", Codes.Applicant.values(), Map.of());
        columns.add(integer(AANTAL_CONTACTEN, "Aantal contacten"));
        group(columns, INTERVENTIE, "Interventie", "code.intervention", Codes.Intervention.values(),
                Map.of("TRIAGE_SCREENING", "triage"));
        group(columns, OVERLEG, "Overleg met", "code.consultation", Codes.Consultation.values(), Map.of());
        columns.add(code(AFRONDING, "Wijze van afronding", "code.outcome", names(Codes.Outcome.values())));
        columns.add(code(AFRONDING_ANDERS_REDEN, "Reden afronding anders", "code.otherReason", names(Codes.OtherReason.values())));
        columns.add(code(MOMENT_VERWIJZING, "Moment van verwijzing", "code.referralMoment", names(Codes.ReferralMoment.values())));
        group(columns, VERWIJZING, "Verwezen naar", "code.destination", Codes.Destination.values(), Map.of());
        columns.add(new Column(KETENPARTNER, "Ketenpartner (vrije tekst)", Type.TEXT, List.of(), null, null, null, true));
        // Free text like hulpvraag: exported only when free text is ticked by a role that may.
        columns.add(new Column(DIAGNOSE_ANDERS, "Diagnose anders, namelijk (vrije tekst)", Type.TEXT, List.of(), null, null, null, true));
        columns.add(new Column(AANMELDER_ANDERS_TEKST, "Aanmelder anders, namelijk (vrije tekst)", Type.TEXT, List.of(), null, null, null, true));
        columns.add(new Column(INTERVENTIE_ANDERS_TEKST, "Interventie anders, namelijk (vrije tekst)", Type.TEXT, List.of(), null, null, null, true));
        columns.add(new Column(AFRONDING_ANDERS_TEKST, "Afronding anders, toelichting (vrije tekst)", Type.TEXT, List.of(), null, null, null, true));
        return List.copyOf(columns);
    }

    private static void group(List<Column> columns, String group, String label, String keyPrefix, Enum<?>[] options,
                              Map<String, String> shortNames) {
        for (Enum<?> option : options) {
            String suffix = shortNames.getOrDefault(option.name(), option.name().toLowerCase(Locale.ROOT));
            columns.add(new Column(group + "_" + suffix, label, Type.BOOLEAN01, ZERO_ONE,
                    group, option.name(), keyPrefix + "." + option.name(), false));
        }
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static Column text(String name, String label) {
        return new Column(name, label, Type.TEXT, List.of(), null, null, null, false);
    }

    private static Column integer(String name, String label) {
        return new Column(name, label, Type.INTEGER, List.of(), null, null, null, false);
    }

    private static Column decimal(String name, String label) {
        return new Column(name, label, Type.DECIMAL, List.of(), null, null, null, false);
    }

    private static Column date(String name, String label) {
        return new Column(name, label, Type.DATE, List.of(), null, null, null, false);
    }

    private static Column zeroOne(String name, String label) {
        return new Column(name, label, Type.BOOLEAN01, ZERO_ONE, null, null, null, false);
    }

    private static Column code(String name, String label, String keyPrefix, String... values) {
        return new Column(name, label, Type.CODE,
                Arrays.stream(values).map(v -> new Code(v, keyPrefix + "." + v)).toList(), null, null, null, false);
    }

    private static Map<String, Column> byName(List<Column> columns) {
        return columns.stream().collect(Collectors.toUnmodifiableMap(Column::name, Function.identity()));
    }
}
