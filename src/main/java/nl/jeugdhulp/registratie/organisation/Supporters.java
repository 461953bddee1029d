package nl.jeugdhulp.registratie.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practice supporters as the administrator manages them: code, pilot, account, practices and profile.
 * Every change is written to the audit log in the same transaction.
 */
@Service
class Supporters {

    record Supporter(long id, String code, long pilotId, Long userId, int version) {
    }

    record SupporterSummary(long id, String code, String pilot, String username, String functionType,
                            LocalDate profileValidFrom, int practices) {
    }

    /** A practice a supporter serves, for showing. */
    record ServedPractice(long practiceId, String name, BigDecimal hours) {
    }

    private final JdbcClient jdbc;
    private final SupporterProfiles profiles;
    private final Practices practices;
    private final AuditLog auditLog;

    Supporters(JdbcClient jdbc, SupporterProfiles profiles, Practices practices, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.practices = practices;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    List<SupporterSummary> all() {
        return jdbc.sql("""
                        SELECT s.id, s.code, p.name AS pilot, u.username, sp.function_type, sp.valid_from AS profile_valid_from,
                               (SELECT count(*) FROM supporter_practice x WHERE x.supporter_id = s.id) AS practices
                          FROM supporter s JOIN pilot p ON p.id = s.pilot_id
                          LEFT JOIN app_user u ON u.id = s.user_id
                          LEFT JOIN supporter_profile sp ON sp.id = supporter_profile_at(s.id, CURRENT_DATE)
                         ORDER BY p.name, s.code""")
                .query(SupporterSummary.class).list();
    }

    @Transactional(readOnly = true)
    Optional<Supporter> find(long id) {
        return jdbc.sql("SELECT id, code, pilot_id, user_id, version FROM supporter WHERE id = :id")
                .param("id", id).query(Supporter.class).optional();
    }

    @Transactional(readOnly = true)
    List<ServedPractice> served(long supporterId) {
        return jdbc.sql("""
                        SELECT p.id AS practice_id, p.name, sp.hours_per_week AS hours
                          FROM supporter_practice sp JOIN practice p ON p.id = sp.practice_id
                         WHERE sp.supporter_id = :s ORDER BY p.name""")
                .param("s", supporterId).query(ServedPractice.class).list();
    }

    /** Practice supporter accounts not linked to another supporter. */
    @Transactional(readOnly = true)
    List<Option> accountOptions(Long supporterId) {
        return jdbc.sql("""
                        SELECT u.id, u.username AS name FROM app_user u
                         WHERE u.role = 'PRAKTIJKONDERSTEUNER'
                           AND NOT EXISTS (SELECT 1 FROM supporter s WHERE s.user_id = u.id AND s.id IS DISTINCT FROM :s)
                         ORDER BY u.username""")
                .param("s", supporterId).query(Option.class).list();
    }

    /** A form for a new supporter: every practice offered, none ticked. */
    @Transactional(readOnly = true)
    SupporterForm newForm() {
        SupporterForm form = new SupporterForm();
        form.setPractices(practices.choices().stream().map(c -> new PracticeHours(c.id(), false, null)).toList());
        return form;
    }

    @Transactional(readOnly = true)
    Optional<SupporterForm> editForm(long id) {
        return find(id).map(supporter -> {
            SupporterForm form = new SupporterForm();
            form.setCode(supporter.code());
            form.setPilotId(supporter.pilotId());
            form.setUserId(supporter.userId());
            form.setVersion(supporter.version());
            form.setProfile(ProfileForm.of(profiles.current(id).orElse(null)));
            Map<Long, ServedPractice> served = served(id).stream()
                    .collect(Collectors.toMap(ServedPractice::practiceId, Function.identity()));
            form.setPractices(practices.choices().stream()
                    .map(c -> new PracticeHours(c.id(), served.containsKey(c.id()),
                            served.containsKey(c.id()) ? served.get(c.id()).hours() : null))
                    .toList());
            return form;
        });
    }

    @Transactional
    long create(SupporterForm form) {
        long id = jdbc.sql("INSERT INTO supporter (code, pilot_id, user_id) VALUES (:code, :pilot, :user) RETURNING id")
                .param("code", form.getCode()).param("pilot", form.getPilotId()).param("user", form.getUserId())
                .query(Long.class).single();
        replacePractices(id, form.getPractices());
        profiles.save(id, form.getProfile().toData(), null);
        auditLog.record(AuditEntry.of(AuditAction.CREATE, "SUPPORTER_CREATED", "SUPPORTER", id).withPilot(form.getPilotId()));
        return id;
    }

    @Transactional
    void update(long id, SupporterForm form) {
        int updated = jdbc.sql("""
                        UPDATE supporter SET code = :code, pilot_id = :pilot, user_id = :user, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("code", form.getCode()).param("pilot", form.getPilotId()).param("user", form.getUserId())
                .param("id", id).param("version", form.getVersion())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("supporter " + id + " changed or removed");
        }
        replacePractices(id, form.getPractices());
        boolean profileChanged = profiles.save(id, form.getProfile().toData(), form.getProfile().getProfileVersion());
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "SUPPORTER_UPDATED", "SUPPORTER", id).withPilot(form.getPilotId())
                .withDetails(profileChanged ? "profile changed" : null));
    }

    private void replacePractices(long supporterId, List<PracticeHours> rows) {
        jdbc.sql("DELETE FROM supporter_practice WHERE supporter_id = :s").param("s", supporterId).update();
        Set<Long> seen = new HashSet<>();
        for (PracticeHours row : rows) {
            if (row.isSelected() && row.getPracticeId() != null && seen.add(row.getPracticeId())) {
                jdbc.sql("INSERT INTO supporter_practice (supporter_id, practice_id, hours_per_week) VALUES (:s, :p, :h)")
                        .param("s", supporterId).param("p", row.getPracticeId()).param("h", row.getHours()).update();
            }
        }
    }
}
