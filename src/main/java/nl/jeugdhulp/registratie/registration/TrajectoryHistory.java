package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.audit.ChangeHistory;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.classification.CapjCode;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the change history records of a trajectory and how it shows it. The snapshot holds every
 * field of {@link TrajectoryData} except the private reference, which the history never keeps (it is
 * erased after the retention period and must not survive here). Codes are shown with the labels of
 * the trajectory page: code.* for code lists, CAP-J code and label, the practice's name.
 */
@Component
class TrajectoryHistory {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** Field → message key of its label (the form's own label where there is one). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("practiceId", "trajectory.practice"),
            Map.entry("birthMonth", "trajectory.birthMonth"),
            Map.entry("birthYear", "trajectory.birthYear"),
            Map.entry("gender", "trajectory.gender"),
            Map.entry("registrationDate", "trajectory.registrationDate"),
            Map.entry("startDate", "trajectory.startDate"),
            Map.entry("helpRequest", "trajectory.helpRequest"),
            Map.entry("capjCodes", "trajectory.capj"),
            Map.entry("diagnosisQuestion", "trajectory.diagnosisQuestion"),
            Map.entry("diagnosis", "trajectory.diagnosis"),
            Map.entry("diagnosisOther", "history.field.diagnosisOther"),
            Map.entry("applicants", "trajectory.applicants"),
            Map.entry("applicantOther", "history.field.applicantOther"),
            Map.entry("contacts", "trajectory.contacts"),
            Map.entry("lastContactDate", "trajectory.lastContactDate"),
            Map.entry("interventions", "trajectory.interventions"),
            Map.entry("interventionOther", "history.field.interventionOther"),
            Map.entry("consultations", "trajectory.consultations"),
            Map.entry("endDate", "trajectory.endDate"),
            Map.entry("outcome", "trajectory.outcome"),
            Map.entry("otherReason", "trajectory.otherReason"),
            Map.entry("otherReasonText", "history.field.otherReasonText"),
            Map.entry("referralMoment", "trajectory.referralMoment"),
            Map.entry("destinations", "trajectory.destinations"),
            Map.entry("chainPartner", "trajectory.chainPartner"));

    /** Coded fields → prefix of their value labels. */
    private static final Map<String, String> CODE_LABELS = Map.of(
            "gender", "code.gender.",
            "diagnosisQuestion", "code.diagnosisQuestion.",
            "diagnosis", "code.diagnosis.",
            "applicants", "code.applicant.",
            "interventions", "code.intervention.",
            "consultations", "code.consultation.",
            "outcome", "code.outcome.",
            "otherReason", "code.otherReason.",
            "referralMoment", "code.referralMoment.",
            "destinations", "code.destination.");

    private static final Set<String> DATES = Set.of("registrationDate", "startDate", "lastContactDate", "endDate");

    private final ChangeHistory history;
    private final CapjCatalogue capj;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    TrajectoryHistory(ChangeHistory history, CapjCatalogue capj, MessageSource messages, JdbcClient jdbc) {
        this.history = history;
        this.capj = capj;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** The recorded fields of the data, in the order of the form; multi-answers in code-list order. */
    static Map<String, String> snapshot(TrajectoryData d) {
        Map<String, String> s = ChangeHistory.snapshot();
        if (d == null) {
            return s;
        }
        s.put("practiceId", text(d.practiceId()));
        s.put("birthMonth", text(d.birthMonth()));
        s.put("birthYear", text(d.birthYear()));
        s.put("gender", text(d.gender()));
        s.put("registrationDate", text(d.registrationDate()));
        s.put("startDate", text(d.startDate()));
        s.put("helpRequest", d.helpRequest());
        // No CAP-J code is the same as none recorded: a trajectory always needs one.
        s.put("capjCodes", d.capjCodes() == null || d.capjCodes().isEmpty() ? null : String.join(",", d.capjCodes()));
        s.put("diagnosisQuestion", text(d.diagnosisQuestion()));
        s.put("diagnosis", text(d.diagnosis()));
        s.put("diagnosisOther", d.diagnosisOther());
        s.put("applicants", codes(d.applicants()));
        s.put("applicantOther", d.applicantOther());
        s.put("contacts", text(d.contacts()));
        s.put("lastContactDate", text(d.lastContactDate()));
        s.put("interventions", codes(d.interventions()));
        s.put("interventionOther", d.interventionOther());
        s.put("consultations", codes(d.consultations()));
        s.put("endDate", text(d.endDate()));
        s.put("outcome", text(d.outcome()));
        s.put("otherReason", text(d.otherReason()));
        s.put("otherReasonText", d.otherReasonText());
        s.put("referralMoment", text(d.referralMoment()));
        s.put("destinations", codes(d.destinations()));
        s.put("chainPartner", d.chainPartner());
        return s;
    }

    /** Records the change from {@code before} (null for a new trajectory) to {@code after}. */
    void record(long trajectoryId, ChangeHistory.Event event, TrajectoryData before, TrajectoryData after) {
        history.recordTrajectory(trajectoryId, event, ChangeHistory.diff(snapshot(before), snapshot(after)));
    }

    /** The history of one trajectory, newest first, in the user's language. */
    List<ChangeHistory.ShownRevision> shown(long trajectoryId, Locale locale) {
        List<ChangeHistory.Revision> revisions = history.ofTrajectory(trajectoryId);
        return ChangeHistory.show(revisions, new Labels(revisions, locale));
    }

    private final class Labels implements ChangeHistory.Labels {
        private final Locale locale;
        private final Map<String, CapjCode> capjCodes;
        private final Map<Long, String> practiceNames;

        Labels(List<ChangeHistory.Revision> revisions, Locale locale) {
            this.locale = locale;
            Set<String> codes = revisions.stream().flatMap(r -> r.changes().stream())
                    .filter(c -> c.field().equals("capjCodes"))
                    .flatMap(c -> Arrays.stream((nvl(c.oldValue()) + "," + nvl(c.newValue())).split(",")))
                    .filter(c -> !c.isEmpty()).collect(Collectors.toSet());
            this.capjCodes = codes.isEmpty() ? Map.of() : capj.activeAndRetired(codes).stream()
                    .collect(Collectors.toMap(CapjCode::code, Function.identity()));
            Set<Long> practices = revisions.stream().flatMap(r -> r.changes().stream())
                    .filter(c -> c.field().equals("practiceId"))
                    .flatMap(c -> Arrays.stream(new String[] {c.oldValue(), c.newValue()}))
                    .filter(v -> v != null).map(Long::valueOf).collect(Collectors.toSet());
            this.practiceNames = practices.isEmpty() ? Map.of() : jdbc.sql("SELECT id, name FROM practice WHERE id IN (:ids)")
                    .param("ids", practices)
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        @Override
        public String label(String field) {
            return messages.getMessage(LABELS.getOrDefault(field, field), null, field, locale);
        }

        @Override
        public String value(String field, String stored) {
            if (stored.isEmpty()) {
                return messages.getMessage("history.none", null, locale);
            }
            if (field.equals("capjCodes")) {
                return Arrays.stream(stored.split(",")).map(code -> {
                    CapjCode c = capjCodes.get(code);
                    return c == null ? code : c.display() + " " + c.label();
                }).collect(Collectors.joining(", "));
            }
            if (field.equals("practiceId")) {
                return practiceNames.getOrDefault(Long.valueOf(stored), stored);
            }
            if (field.equals("birthMonth")) {
                return messages.getMessage("month." + stored, null, stored, locale);
            }
            if (DATES.contains(field)) {
                return LocalDate.parse(stored).format(DAY);
            }
            String prefix = CODE_LABELS.get(field);
            if (prefix != null) {
                return Arrays.stream(stored.split(",")).map(code -> messages.getMessage(prefix + code, null, code, locale))
                        .collect(Collectors.joining(", "));
            }
            return stored;
        }
    }

    private static String nvl(String value) {
        return value == null ? "" : value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String codes(Set<? extends Enum<?>> values) {
        return values == null ? null : values.stream().sorted(Comparator.comparingInt(e -> e.ordinal()))
                .map(Enum::name).collect(Collectors.joining(","));
    }
}
