package nl.jeugdhulp.registratie.registration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.ListIndexBase;
import org.hibernate.type.SqlTypes;

/** A client trajectory. Changed only through its own methods, from validated {@link TrajectoryData}. */
@Entity
@Table(name = "trajectory")
class Trajectory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    private long supporterId;
    private String sourceId;
    private long practiceId;
    private String privateReference;
    private Integer birthMonth;
    private Integer birthYear;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    private LocalDate registrationDate;
    private LocalDate startDate;
    private String helpRequest;

    @ElementCollection
    @CollectionTable(name = "trajectory_capj", joinColumns = @JoinColumn(name = "trajectory_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "capj_code")
    private List<String> capjCodes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private DiagnosisQuestion diagnosisQuestion;
    @Enumerated(EnumType.STRING)
    private Diagnosis diagnosis;
    private String diagnosisOther;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] applicants;
    private String applicantOther;
    private Integer contacts;
    private LocalDate lastContactDate;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] interventions;
    private String interventionOther;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] consultations;
    private LocalDate endDate;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    private OtherReason outcomeOtherReason;
    private String outcomeOtherText;
    @Enumerated(EnumType.STRING)
    private ReferralMoment referralMoment;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] referralDestinations;
    private String chainPartner;
    private Instant createdAt;
    private Instant updatedAt;

    protected Trajectory() {
    }

    Trajectory(long supporterId, TrajectoryData data, Instant now) {
        this.supporterId = supporterId;
        this.createdAt = now;
        apply(data, now);
    }

    /** Replaces every recorded value; the data must have passed {@link TrajectoryRules}. */
    void apply(TrajectoryData d, Instant now) {
        practiceId = d.practiceId();
        privateReference = d.privateReference();
        birthMonth = d.birthMonth();
        birthYear = d.birthYear();
        gender = d.gender();
        registrationDate = d.registrationDate();
        startDate = d.startDate();
        helpRequest = d.helpRequest();
        capjCodes.clear();
        capjCodes.addAll(d.capjCodes());
        diagnosisQuestion = d.diagnosisQuestion();
        diagnosis = d.diagnosis();
        diagnosisOther = d.diagnosisOther();
        applicants = codes(d.applicants());
        applicantOther = d.applicantOther();
        contacts = d.contacts();
        lastContactDate = d.lastContactDate();
        interventions = codes(d.interventions());
        interventionOther = d.interventionOther();
        consultations = codes(d.consultations());
        endDate = d.endDate();
        outcome = d.outcome();
        outcomeOtherReason = d.otherReason();
        outcomeOtherText = d.otherReasonText();
        referralMoment = d.referralMoment();
        referralDestinations = codes(d.destinations());
        chainPartner = d.chainPartner();
        updatedAt = now;
    }

    /** The row id in the file this trajectory was imported from; unique per supporter. */
    void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    String getSourceId() {
        return sourceId;
    }

    /** One more contact of over 15 minutes, today. */
    void addContact(LocalDate today, Instant now) {
        contacts = (contacts == null ? 0 : contacts) + 1;
        lastContactDate = today;
        updatedAt = now;
    }

    /** Reopening clears the end date and everything that only a closed trajectory has. */
    void reopen(Instant now) {
        endDate = null;
        outcome = null;
        outcomeOtherReason = null;
        outcomeOtherText = null;
        referralMoment = null;
        referralDestinations = null;
        updatedAt = now;
    }

    TrajectoryData data() {
        return new TrajectoryData(practiceId, privateReference, birthMonth, birthYear, gender, registrationDate,
                startDate, helpRequest, List.copyOf(capjCodes), diagnosisQuestion, diagnosis, diagnosisOther,
                set(applicants, Applicant.class), applicantOther, contacts, lastContactDate,
                set(interventions, Intervention.class), interventionOther, set(consultations, Consultation.class),
                endDate, outcome, outcomeOtherReason, outcomeOtherText, referralMoment,
                set(referralDestinations, Destination.class), chainPartner);
    }

    private static String[] codes(Set<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toArray(String[]::new);
    }

    private static <E extends Enum<E>> Set<E> set(String[] codes, Class<E> type) {
        if (codes == null) {
            return null;
        }
        return Arrays.stream(codes).map(c -> Enum.valueOf(type, c))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }

    Long getId() {
        return id;
    }

    int getVersion() {
        return version;
    }

    long getSupporterId() {
        return supporterId;
    }

    boolean isClosed() {
        return endDate != null;
    }
}
