package nl.jeugdhulp.registratie.questionnaire;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The questionnaire as the form posts it. Every item may be left empty; what is given must be on
 * its scale. {@code formToken} is the one-time token the form was issued with.
 */
class ResponseForm {

    @Min(value = 0, message = "{questionnaire.score.invalid}")
    @Max(value = 10, message = "{questionnaire.score.invalid}")
    private Integer understand;
    @Min(value = 0, message = "{questionnaire.score.invalid}")
    @Max(value = 10, message = "{questionnaire.score.invalid}")
    private Integer listen;
    @Min(value = 0, message = "{questionnaire.score.invalid}")
    @Max(value = 10, message = "{questionnaire.score.invalid}")
    private Integer involve;
    @Size(max = 1000, message = "{questionnaire.goal.tooLong}")
    private String goal;
    @Pattern(regexp = "MINDER_GOED|HETZELFDE|DEEL_BEREIKT|BEREIKT|MEER_BEREIKT|VEEL_MEER_BEREIKT",
            message = "{questionnaire.choice.invalid}")
    private String goalAttainment;
    @Pattern(regexp = "HELEMAAL_NIET_EENS|NIET_EENS|WEL_EENS|HELEMAAL_EENS", message = "{questionnaire.choice.invalid}")
    private String recommend;
    @Pattern(regexp = "HELEMAAL_NIET_EENS|NIET_EENS|WEL_EENS|HELEMAAL_EENS", message = "{questionnaire.choice.invalid}")
    private String learned;
    @Pattern(regexp = "HELEMAAL_NIET_EENS|NIET_EENS|WEL_EENS|HELEMAAL_EENS", message = "{questionnaire.choice.invalid}")
    private String confidence;
    @Size(max = 2000, message = "{questionnaire.remarks.tooLong}")
    private String remarks;
    @NotNull(message = "{questionnaire.formToken.invalid}")
    @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "{questionnaire.formToken.invalid}")
    private String formToken;

    /** A fresh form with a new one-time token. */
    static ResponseForm issue() {
        ResponseForm form = new ResponseForm();
        form.formToken = QuestionnaireLinks.randomToken();
        return form;
    }

    /** Text as stored: trimmed, and empty text is no answer. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Integer getUnderstand() { return understand; }
    public void setUnderstand(Integer understand) { this.understand = understand; }
    public Integer getListen() { return listen; }
    public void setListen(Integer listen) { this.listen = listen; }
    public Integer getInvolve() { return involve; }
    public void setInvolve(Integer involve) { this.involve = involve; }
    public String getGoal() { return goal; }
    public void setGoal(String goal) { this.goal = goal; }
    public String getGoalAttainment() { return goalAttainment; }
    public void setGoalAttainment(String goalAttainment) { this.goalAttainment = goalAttainment; }
    public String getRecommend() { return recommend; }
    public void setRecommend(String recommend) { this.recommend = recommend; }
    public String getLearned() { return learned; }
    public void setLearned(String learned) { this.learned = learned; }
    public String getConfidence() { return confidence; }
    public void setConfidence(String confidence) { this.confidence = confidence; }
    public String getRemarks() { return remarks; }
    public void setRemarks(String remarks) { this.remarks = remarks; }
    public String getFormToken() { return formToken; }
    public void setFormToken(String formToken) { this.formToken = formToken; }
}
