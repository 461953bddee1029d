package nl.jeugdhulp.registratie.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.jeugdhulp.registratie.audit.ChangeHistory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the change history records of a supporter profile and how it shows it: every variable of
 * {@link ProfileData}, labelled as on the profile form (admin.profile.*), yes/no as admin.bool.*.
 */
@Component
class ProfileHistory {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Set<String> CODED = Set.of("functionType", "gender", "education", "profession", "funding");
    private static final Set<String> YES_NO = Set.of("salariedByGp", "housedInPractice", "paysRent", "usesHis",
            "usesZorgmail");
    private static final Set<String> HOURS = Set.of("hoursGpPractice", "hoursInstitution", "hoursBaseTeam");
    private static final Set<String> DATES = Set.of("registrationStart", "registrationEnd");

    private final ChangeHistory history;
    private final MessageSource messages;

    ProfileHistory(ChangeHistory history, MessageSource messages) {
        this.history = history;
        this.messages = messages;
    }

    static Map<String, String> snapshot(ProfileData d) {
        Map<String, String> s = ChangeHistory.snapshot();
        if (d == null) {
            return s;
        }
        s.put("functionType", d.functionType());
        s.put("age", text(d.age()));
        s.put("gender", d.gender());
        s.put("education", d.education());
        s.put("educationOther", d.educationOther());
        s.put("profession", d.profession());
        s.put("professionOther", d.professionOther());
        s.put("experienceYears", text(d.experienceYears()));
        s.put("otherExperience", d.otherExperience());
        s.put("secondingOrganisation", d.secondingOrganisation());
        s.put("salariedByGp", text(d.salariedByGp()));
        s.put("funding", d.funding());
        s.put("fundingOther", d.fundingOther());
        s.put("hoursGpPractice", hours(d.hoursGpPractice()));
        s.put("hoursInstitution", hours(d.hoursInstitution()));
        s.put("hoursBaseTeam", hours(d.hoursBaseTeam()));
        s.put("housedInPractice", text(d.housedInPractice()));
        s.put("paysRent", text(d.paysRent()));
        s.put("usesHis", text(d.usesHis()));
        s.put("usesZorgmail", text(d.usesZorgmail()));
        s.put("registrationStart", text(d.registrationStart()));
        s.put("registrationEnd", text(d.registrationEnd()));
        return s;
    }

    /** Records the change of a supporter's profile from {@code before} (null: the first profile) to {@code after}. */
    void record(long supporterId, ProfileData before, ProfileData after) {
        history.recordProfile(supporterId, ChangeHistory.diff(snapshot(before), snapshot(after)));
    }

    List<ChangeHistory.ShownRevision> shown(long supporterId, Locale locale) {
        return ChangeHistory.show(history.ofProfile(supporterId), new ChangeHistory.Labels() {
            @Override
            public String label(String field) {
                return messages.getMessage("admin.profile." + field, null, field, locale);
            }

            @Override
            public String value(String field, String stored) {
                if (CODED.contains(field)) {
                    return messages.getMessage("admin.profile." + field + "." + stored, null, stored, locale);
                }
                if (YES_NO.contains(field)) {
                    return messages.getMessage("admin.bool." + stored, null, stored, locale);
                }
                if (HOURS.contains(field)) {
                    return stored.replace('.', ',');
                }
                if (DATES.contains(field)) {
                    return LocalDate.parse(stored).format(DAY);
                }
                return stored;
            }
        });
    }

    private static String hours(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
