package nl.jeugdhulp.registratie.organisation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.ChangeHistory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where a supporter profile is saved, for the administrator and for the supporter.
 * Profiles are dated: a change made on a later day adds a row valid from today and keeps the older
 * rows, so a report can use the values that held when a trajectory started; a second change on the
 * same day updates today's row.
 */
@Service
class SupporterProfiles {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** The latest profile row of a supporter. */
    record CurrentProfile(long id, LocalDate validFrom, int version, ProfileData data) {
    }

    private static final DataClassRowMapper<ProfileData> DATA = new DataClassRowMapper<>(ProfileData.class);

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final ProfileHistory history;

    SupporterProfiles(JdbcClient jdbc, AuditLog auditLog, ProfileHistory history) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.history = history;
    }

    @Transactional(readOnly = true)
    Optional<CurrentProfile> current(long supporterId) {
        return jdbc.sql("SELECT * FROM supporter_profile WHERE supporter_id = :s ORDER BY valid_from DESC LIMIT 1")
                .param("s", supporterId)
                .query((rs, i) -> new CurrentProfile(rs.getLong("id"), rs.getObject("valid_from", LocalDate.class),
                        rs.getInt("version"), DATA.mapRow(rs, i)))
                .optional();
    }

    /**
     * Saves the profile if it changed. {@code expectedVersion} is the version of the latest row the
     * user saw (null if there was none); anything else means someone saved in between.
     *
     * @return true when a row was added or updated
     */
    @Transactional
    boolean save(long supporterId, ProfileData data, Integer expectedVersion) {
        // Serialise saves of one supporter so two first saves of a day cannot both insert.
        jdbc.sql("SELECT id FROM supporter WHERE id = :s FOR UPDATE").param("s", supporterId).query(Long.class).single();
        CurrentProfile current = current(supporterId).orElse(null);
        if (!Objects.equals(current == null ? null : current.version(), expectedVersion)) {
            throw new OptimisticLockingFailureException("profile of supporter " + supporterId + " changed");
        }
        if (current != null && current.data().equals(data)) {
            return false;
        }
        LocalDate today = LocalDate.now(ZONE);
        if (current != null && !current.validFrom().isBefore(today)) {
            jdbc.sql("""
                            UPDATE supporter_profile SET function_type = :functionType, age = :age, gender = :gender,
                                   education = :education, education_other = :educationOther, profession = :profession,
                                   profession_other = :professionOther, experience_years = :experienceYears,
                                   other_experience = :otherExperience, seconding_organisation = :secondingOrganisation,
                                   salaried_by_gp = :salariedByGp, funding = :funding, funding_other = :fundingOther,
                                   hours_gp_practice = :hoursGpPractice, hours_institution = :hoursInstitution,
                                   hours_base_team = :hoursBaseTeam, housed_in_practice = :housedInPractice,
                                   pays_rent = :paysRent, uses_his = :usesHis, uses_zorgmail = :usesZorgmail,
                                   registration_start = :registrationStart, registration_end = :registrationEnd,
                                   version = version + 1
                             WHERE id = :id""")
                    .params(params(data)).param("id", current.id()).update();
        } else {
            jdbc.sql("""
                            INSERT INTO supporter_profile (supporter_id, valid_from, function_type, age, gender, education,
                                   education_other, profession, profession_other, experience_years, other_experience,
                                   seconding_organisation, salaried_by_gp, funding, funding_other, hours_gp_practice,
                                   hours_institution, hours_base_team, housed_in_practice, pays_rent, uses_his,
                                   uses_zorgmail, registration_start, registration_end)
                            VALUES (:supporter, :today, :functionType, :age, :gender, :education, :educationOther,
                                   :profession, :professionOther, :experienceYears, :otherExperience,
                                   :secondingOrganisation, :salariedByGp, :funding, :fundingOther, :hoursGpPractice,
                                   :hoursInstitution, :hoursBaseTeam, :housedInPractice, :paysRent, :usesHis,
                                   :usesZorgmail, :registrationStart, :registrationEnd)""")
                    .params(params(data)).param("supporter", supporterId).param("today", today).update();
        }
        // Against the latest row, whether today's row was updated or a new dated row added.
        history.record(supporterId, current == null ? null : current.data(), data);
        return true;
    }

    /**
     * The supporter's own save on /profiel: as {@link #save}, and a changed profile is written to the
     * audit log in the same transaction.
     */
    @Transactional
    boolean saveOwn(long supporterId, long pilotId, ProfileData data, Integer expectedVersion) {
        boolean changed = save(supporterId, data, expectedVersion);
        if (changed) {
            auditLog.record(AuditEntry.of(AuditAction.UPDATE, "PROFILE_CHANGED", "SUPPORTER", supporterId).withPilot(pilotId));
        }
        return changed;
    }

    /** The change history of a supporter's profile, newest first; reading it is logged. */
    @Transactional
    List<ChangeHistory.ShownRevision> history(long supporterId, long pilotId, Locale locale) {
        auditLog.record(AuditEntry.of(AuditAction.READ, "PROFILE_HISTORY_VIEWED", "SUPPORTER", supporterId)
                .withPilot(pilotId));
        return history.shown(supporterId, locale);
    }

    private static Map<String, Object> params(ProfileData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("functionType", d.functionType());
        p.put("age", d.age());
        p.put("gender", d.gender());
        p.put("education", d.education());
        p.put("educationOther", d.educationOther());
        p.put("profession", d.profession());
        p.put("professionOther", d.professionOther());
        p.put("experienceYears", d.experienceYears());
        p.put("otherExperience", d.otherExperience());
        p.put("secondingOrganisation", d.secondingOrganisation());
        p.put("salariedByGp", d.salariedByGp());
        p.put("funding", d.funding());
        p.put("fundingOther", d.fundingOther());
        p.put("hoursGpPractice", d.hoursGpPractice());
        p.put("hoursInstitution", d.hoursInstitution());
        p.put("hoursBaseTeam", d.hoursBaseTeam());
        p.put("housedInPractice", d.housedInPractice());
        p.put("paysRent", d.paysRent());
        p.put("usesHis", d.usesHis());
        p.put("usesZorgmail", d.usesZorgmail());
        p.put("registrationStart", d.registrationStart());
        p.put("registrationEnd", d.registrationEnd());
        return p;
    }
}
