package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.registration.Codes.Applicant;
import nl.jeugdhulp.registratie.registration.Codes.Diagnosis;
import nl.jeugdhulp.registratie.registration.Codes.DiagnosisQuestion;
import nl.jeugdhulp.registratie.registration.Codes.Gender;
import nl.jeugdhulp.registratie.web.DeclaredRequiredFields;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Binds the trajectory form (new and edit). Only binding: the rules are in {@link TrajectoryRules}.
 * Edits carry the version they started from so a stale save is refused.
 */
class TrajectoryForm extends ClosingFields implements DeclaredRequiredFields {

    @Override
    public Map<String, String> requiredMarks() {
        return RequiredMarks.TRAJECTORY;
    }

    private Long practiceId;
    private String privateReference;
    private Integer birthMonth;
    private Integer birthYear;
    private Gender gender;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registrationDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    private String helpRequest;
    private List<String> capjCodes = new ArrayList<>();
    private DiagnosisQuestion diagnosisQuestion;
    private Diagnosis diagnosis;
    private String diagnosisOther;
    private Set<Applicant> applicants = new HashSet<>();
    private String applicantOther;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastContactDate;

    static TrajectoryForm from(TrajectoryData d, int version) {
        TrajectoryForm f = new TrajectoryForm();
        f.practiceId = d.practiceId();
        f.privateReference = d.privateReference();
        f.birthMonth = d.birthMonth();
        f.birthYear = d.birthYear();
        f.gender = d.gender();
        f.registrationDate = d.registrationDate();
        f.startDate = d.startDate();
        f.helpRequest = d.helpRequest();
        f.capjCodes = new ArrayList<>(d.capjCodes());
        f.diagnosisQuestion = d.diagnosisQuestion();
        f.diagnosis = d.diagnosis();
        f.diagnosisOther = d.diagnosisOther();
        f.applicants = copy(d.applicants());
        f.applicantOther = d.applicantOther();
        f.lastContactDate = d.lastContactDate();
        f.fillClosing(d, version);
        return f;
    }

    /** CAP-J codes may be typed as A-100 too; unknown shapes are kept so the rules can report them. */
    TrajectoryData toData() {
        List<String> codes = capjCodes == null ? List.of() : capjCodes.stream()
                .filter(c -> c != null && !c.isBlank())
                .map(c -> CapjCatalogue.normalise(c).orElse(c.strip()))
                .distinct().toList();
        return new TrajectoryData(practiceId, privateReference, birthMonth, birthYear, gender, registrationDate,
                startDate, helpRequest, codes, diagnosisQuestion, diagnosis, diagnosisOther, applicants,
                applicantOther, getContacts(), lastContactDate, interventionsOrNone(), getInterventionOther(),
                consultationsOrNone(), getEndDate(), getOutcome(), getOtherReason(), getOtherReasonText(),
                getReferralMoment(), getDestinations(), getChainPartner());
    }

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public String getPrivateReference() {
        return privateReference;
    }

    public void setPrivateReference(String privateReference) {
        this.privateReference = privateReference;
    }

    public Integer getBirthMonth() {
        return birthMonth;
    }

    public void setBirthMonth(Integer birthMonth) {
        this.birthMonth = birthMonth;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(Integer birthYear) {
        this.birthYear = birthYear;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public LocalDate getRegistrationDate() {
        return registrationDate;
    }

    public void setRegistrationDate(LocalDate registrationDate) {
        this.registrationDate = registrationDate;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public String getHelpRequest() {
        return helpRequest;
    }

    public void setHelpRequest(String helpRequest) {
        this.helpRequest = helpRequest;
    }

    public List<String> getCapjCodes() {
        return capjCodes;
    }

    public void setCapjCodes(List<String> capjCodes) {
        this.capjCodes = capjCodes;
    }

    public DiagnosisQuestion getDiagnosisQuestion() {
        return diagnosisQuestion;
    }

    public void setDiagnosisQuestion(DiagnosisQuestion diagnosisQuestion) {
        this.diagnosisQuestion = diagnosisQuestion;
    }

    public Diagnosis getDiagnosis() {
        return diagnosis;
    }

    public void setDiagnosis(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    public String getDiagnosisOther() {
        return diagnosisOther;
    }

    public void setDiagnosisOther(String diagnosisOther) {
        this.diagnosisOther = diagnosisOther;
    }

    public Set<Applicant> getApplicants() {
        return applicants;
    }

    public void setApplicants(Set<Applicant> applicants) {
        this.applicants = applicants;
    }

    public String getApplicantOther() {
        return applicantOther;
    }

    public void setApplicantOther(String applicantOther) {
        this.applicantOther = applicantOther;
    }

    public LocalDate getLastContactDate() {
        return lastContactDate;
    }

    public void setLastContactDate(LocalDate lastContactDate) {
        this.lastContactDate = lastContactDate;
    }

}
