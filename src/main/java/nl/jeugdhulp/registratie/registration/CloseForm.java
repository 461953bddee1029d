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

/** Binds the closing form. */
class CloseForm {

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

    static CloseForm from(TrajectoryData d, int version, LocalDate today) {
        CloseForm f = new CloseForm();
        f.version = version;
        f.endDate = d.endDate() != null ? d.endDate() : today;
        f.outcome = d.outcome();
        f.otherReason = d.otherReason();
        f.otherReasonText = d.otherReasonText();
        f.referralMoment = d.referralMoment();
        f.destinations = d.destinations() == null ? new HashSet<>() : new HashSet<>(d.destinations());
        f.chainPartner = d.chainPartner();
        f.contacts = d.contacts();
        f.interventions = d.interventions() == null ? new HashSet<>() : new HashSet<>(d.interventions());
        f.interventionOther = d.interventionOther();
        f.consultations = d.consultations() == null ? new HashSet<>() : new HashSet<>(d.consultations());
        return f;
    }

    ClosingData toData() {
        return new ClosingData(endDate, outcome, otherReason, otherReasonText, referralMoment, destinations,
                chainPartner, contacts, interventions == null ? EnumSet.noneOf(Intervention.class) : interventions,
                interventionOther, consultations == null ? EnumSet.noneOf(Consultation.class) : consultations);
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
