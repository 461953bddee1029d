package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import nl.jeugdhulp.registratie.registration.Codes.Consultation;
import nl.jeugdhulp.registratie.registration.Codes.Destination;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import nl.jeugdhulp.registratie.registration.Codes.ReferralMoment;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The fields both the trajectory form and the closing form bind: the end and outcome, and the
 * process facts a supporter fills in at the end. Edits carry the version they started from.
 */
abstract class ClosingFields {

    private Integer version;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    private Outcome outcome;
    private OtherReason otherReason;
    private String otherReasonText;
    private ReferralMoment referralMoment;
    private Set<Destination> destinations = new HashSet<>();
    private String chainPartner;
    private Integer contacts;
    private Set<Intervention> interventions = new HashSet<>();
    private String interventionOther;
    private Set<Consultation> consultations = new HashSet<>();

    /** Copies the closing values of recorded data into this form. */
    void fillClosing(TrajectoryData d, int version) {
        this.version = version;
        endDate = d.endDate();
        outcome = d.outcome();
        otherReason = d.otherReason();
        otherReasonText = d.otherReasonText();
        referralMoment = d.referralMoment();
        destinations = copy(d.destinations());
        chainPartner = d.chainPartner();
        contacts = d.contacts();
        interventions = copy(d.interventions());
        interventionOther = d.interventionOther();
        consultations = copy(d.consultations());
    }

    /** Unticked boxes mean "registered as none" on a form. */
    Set<Intervention> interventionsOrNone() {
        return interventions == null || interventions.isEmpty() ? EnumSet.noneOf(Intervention.class) : EnumSet.copyOf(interventions);
    }

    Set<Consultation> consultationsOrNone() {
        return consultations == null || consultations.isEmpty() ? EnumSet.noneOf(Consultation.class) : EnumSet.copyOf(consultations);
    }

    static <E> Set<E> copy(Set<E> values) {
        return values == null ? new HashSet<>() : new HashSet<>(values);
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public OtherReason getOtherReason() {
        return otherReason;
    }

    public void setOtherReason(OtherReason otherReason) {
        this.otherReason = otherReason;
    }

    public String getOtherReasonText() {
        return otherReasonText;
    }

    public void setOtherReasonText(String otherReasonText) {
        this.otherReasonText = otherReasonText;
    }

    public ReferralMoment getReferralMoment() {
        return referralMoment;
    }

    public void setReferralMoment(ReferralMoment referralMoment) {
        this.referralMoment = referralMoment;
    }

    public Set<Destination> getDestinations() {
        return destinations;
    }

    public void setDestinations(Set<Destination> destinations) {
        this.destinations = destinations;
    }

    public String getChainPartner() {
        return chainPartner;
    }

    public void setChainPartner(String chainPartner) {
        this.chainPartner = chainPartner;
    }

    public Integer getContacts() {
        return contacts;
    }

    public void setContacts(Integer contacts) {
        this.contacts = contacts;
    }

    public Set<Intervention> getInterventions() {
        return interventions;
    }

    public void setInterventions(Set<Intervention> interventions) {
        this.interventions = interventions;
    }

    public String getInterventionOther() {
        return interventionOther;
    }

    public void setInterventionOther(String interventionOther) {
        this.interventionOther = interventionOther;
    }

    public Set<Consultation> getConsultations() {
        return consultations;
    }

    public void setConsultations(Set<Consultation> consultations) {
        this.consultations = consultations;
    }
}
