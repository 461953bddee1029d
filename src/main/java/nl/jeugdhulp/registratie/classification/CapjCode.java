package nl.jeugdhulp.registratie.classification;

/** A CAP-J group or rubric as shown to users. {@code axis} is null for the "not classified" bucket. */
public record CapjCode(String code, String axis, String axisLabel, boolean rubric, String groupCode, String label) {

    /** The code as users know it from the study report: A-100. */
    public String display() {
        return code.length() == 4 ? code.charAt(0) + "-" + code.substring(1) : code;
    }

    /** Words to search in: code in both spellings, label and axis. */
    public String searchText() {
        return (code + " " + display() + " " + label + " " + (axisLabel == null ? "" : axisLabel)).toLowerCase();
    }
}
