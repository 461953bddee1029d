package nl.jeugdhulp.registratie.organisation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The variables of a supporter profile as stored in one dated supporter_profile row. Built
 * normalised (blank text is null, "other" texts only with ANDERS, hours with one decimal) so two
 * profiles compare equal exactly when nothing a report uses has changed.
 */
record ProfileData(String functionType, Integer age, String gender, String education, String educationOther,
                   String profession, String professionOther, Integer experienceYears, String otherExperience,
                   String secondingOrganisation, Boolean salariedByGp, String funding, String fundingOther,
                   BigDecimal hoursGpPractice, BigDecimal hoursInstitution, BigDecimal hoursBaseTeam,
                   Boolean housedInPractice, Boolean paysRent, Boolean usesHis, Boolean usesZorgmail,
                   LocalDate registrationStart, LocalDate registrationEnd) {

    static final String OTHER = "ANDERS";

    ProfileData {
        educationOther = OTHER.equals(education) ? text(educationOther) : null;
        professionOther = OTHER.equals(profession) ? text(professionOther) : null;
        fundingOther = OTHER.equals(funding) ? text(fundingOther) : null;
        otherExperience = text(otherExperience);
        secondingOrganisation = text(secondingOrganisation);
        hoursGpPractice = hours(hoursGpPractice);
        hoursInstitution = hours(hoursInstitution);
        hoursBaseTeam = hours(hoursBaseTeam);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static BigDecimal hours(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }
}
