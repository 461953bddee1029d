package nl.jeugdhulp.registratie.organisation;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Public facade for the exchange import of the {@code professionals} sheet: supporters of a pilot
 * by their pseudonymous code, the profile checked with exactly the rules of the profile form
 * ({@link ProfileForm}), and creating or updating a supporter with a dated profile through
 * {@link SupporterProfiles}. Variables the exchange format does not carry (profession, other
 * experience, seconding organisation) are kept from the current profile.
 */
@Service
public class ProfessionalRegister {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final String CODE_PATTERN = "(?=.*[0-9])[A-Z0-9_-]{1,20}";

    /** The profile variables of the exchange format; codes as stored (POH_JEUGD, M, HBO, GEMEENTE, ...). */
    public record ProfileValues(String functionType, Integer age, String gender, String education,
                                String educationOther, Integer experienceYears, Boolean salariedByGp, String funding,
                                String fundingOther, BigDecimal hoursGpPractice, BigDecimal hoursInstitution,
                                BigDecimal hoursBaseTeam, Boolean housedInPractice, Boolean paysRent, Boolean usesHis,
                                Boolean usesZorgmail, LocalDate registrationStart, LocalDate registrationEnd) {
    }

    /** A rule the profile breaks: the form's field name and the Dutch message. */
    public record FieldProblem(String field, String message) {
    }

    /** A supporter as the import sees it; {@code username} of the linked account, if any. */
    public record KnownSupporter(long id, String code, long pilotId, Long userId, String username) {
    }

    private final JdbcClient jdbc;
    private final SupporterProfiles profiles;
    private final SpringValidatorAdapter validator;
    private final MessageSource messages;
    private final AuditLog audit;

    ProfessionalRegister(JdbcClient jdbc, SupporterProfiles profiles, Validator validator, MessageSource messages,
                         AuditLog audit) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.validator = new SpringValidatorAdapter(validator);
        this.messages = messages;
        this.audit = audit;
    }

    /** The stored form of a professional code (upper case), or empty when it is no valid pseudonym. */
    public static Optional<String> normaliseCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return upper.matches(CODE_PATTERN) ? Optional.of(upper) : Optional.empty();
    }

    /** Every rule of the profile form the values break, all at once, in Dutch. */
    public List<FieldProblem> check(ProfileValues values) {
        ProfileForm form = form(values);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "profile");
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(DUTCH);
        try {
            validator.validate(form, errors);
            form.validate(errors);
            List<FieldProblem> problems = new ArrayList<>();
            for (FieldError error : errors.getFieldErrors()) {
                problems.add(new FieldProblem(error.getField(), messages.getMessage(error, DUTCH)));
            }
            return problems;
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    /** Supporters with these codes, in any pilot (codes are unique across pilots). */
    @Transactional(readOnly = true)
    public Map<String, KnownSupporter> supportersByCode(Collection<String> codes) {
        Map<String, KnownSupporter> result = new HashMap<>();
        if (codes.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT s.id, s.code, s.pilot_id, s.user_id, u.username FROM supporter s
                          LEFT JOIN app_user u ON u.id = s.user_id WHERE upper(s.code) IN (:codes)""")
                .param("codes", codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList())
                .query(KnownSupporter.class).list()
                .forEach(s -> result.put(s.code().toUpperCase(Locale.ROOT), s));
        return result;
    }

    /** The supporters of a pilot by upper-case code. */
    @Transactional(readOnly = true)
    public Map<String, KnownSupporter> supportersOfPilot(long pilotId) {
        Map<String, KnownSupporter> result = new HashMap<>();
        jdbc.sql("""
                        SELECT s.id, s.code, s.pilot_id, s.user_id, u.username FROM supporter s
                          LEFT JOIN app_user u ON u.id = s.user_id WHERE s.pilot_id = :p""")
                .param("p", pilotId).query(KnownSupporter.class).list()
                .forEach(s -> result.put(s.code().toUpperCase(Locale.ROOT), s));
        return result;
    }

    /** Is this account already the account of a supporter? */
    @Transactional(readOnly = true)
    public Optional<String> supporterOfAccount(long userId) {
        return jdbc.sql("SELECT code FROM supporter WHERE user_id = :u").param("u", userId).query(String.class).optional();
    }

    /** The pilots by id → name; all pilots when {@code ids} is null. */
    @Transactional(readOnly = true)
    public Map<Long, String> pilotNames(Collection<Long> ids) {
        Map<Long, String> result = new java.util.LinkedHashMap<>();
        if (ids != null && ids.isEmpty()) {
            return result;
        }
        (ids == null ? jdbc.sql("SELECT id, name FROM pilot ORDER BY name")
                : jdbc.sql("SELECT id, name FROM pilot WHERE id IN (:ids) ORDER BY name").param("ids", ids))
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    /** The practices of a pilot: lower-case name → id. */
    @Transactional(readOnly = true)
    public Map<String, Long> practicesOfPilot(long pilotId) {
        Map<String, Long> result = new HashMap<>();
        jdbc.sql("SELECT id, name FROM practice WHERE pilot_id = :p").param("p", pilotId)
                .query(rs -> {
                    result.put(rs.getString(2).strip().toLowerCase(DUTCH), rs.getLong(1));
                });
        return result;
    }

    /** Which practices each of these supporters serves. */
    @Transactional(readOnly = true)
    public Map<Long, Set<Long>> servedPractices(Collection<Long> supporterIds) {
        Map<Long, Set<Long>> result = new HashMap<>();
        if (supporterIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT supporter_id, practice_id FROM supporter_practice WHERE supporter_id IN (:s)")
                .param("s", supporterIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return result;
    }

    /**
     * Creates the supporter {@code code} in the pilot, or updates the profile of the existing one
     * (a dated row from today, as the profile form does), and links the account when one is given.
     * Runs in the caller's transaction; audited like the administrator's changes.
     *
     * @return the supporter id
     */
    @Transactional
    public long saveImported(long pilotId, String code, ProfileValues values, Long userId) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM supporter WHERE upper(code) = upper(:c) AND pilot_id = :p")
                .param("c", code).param("p", pilotId).query(Long.class).optional();
        long id;
        if (existing.isEmpty()) {
            id = jdbc.sql("INSERT INTO supporter (code, pilot_id, user_id) VALUES (:code, :pilot, :user) RETURNING id")
                    .param("code", code).param("pilot", pilotId).param("user", userId).query(Long.class).single();
            profiles.save(id, data(values, null), null);
            audit.record(AuditEntry.of(AuditAction.CREATE, "SUPPORTER_CREATED", "SUPPORTER", id).withPilot(pilotId)
                    .withDetails("import"));
            return id;
        }
        id = existing.get();
        if (userId != null) {
            jdbc.sql("UPDATE supporter SET user_id = :u, version = version + 1 WHERE id = :id AND user_id IS NULL")
                    .param("u", userId).param("id", id).update();
        }
        SupporterProfiles.CurrentProfile current = profiles.current(id).orElse(null);
        boolean changed = profiles.save(id, data(values, current == null ? null : current.data()),
                current == null ? null : current.version());
        audit.record(AuditEntry.of(AuditAction.UPDATE, "SUPPORTER_UPDATED", "SUPPORTER", id).withPilot(pilotId)
                .withDetails(changed ? "import, profile changed" : "import"));
        return id;
    }

    /** Adds practices to those a supporter serves (hours unknown); practices already served stay as they are. */
    @Transactional
    public void addServedPractices(long supporterId, Collection<Long> practiceIds) {
        for (Long practice : practiceIds) {
            jdbc.sql("""
                            INSERT INTO supporter_practice (supporter_id, practice_id) VALUES (:s, :p)
                            ON CONFLICT DO NOTHING""")
                    .param("s", supporterId).param("p", practice).update();
        }
    }

    private static ProfileForm form(ProfileValues v) {
        ProfileForm form = new ProfileForm();
        form.setFunctionType(v.functionType());
        form.setAge(v.age());
        form.setGender(v.gender());
        form.setEducation(v.education());
        form.setEducationOther(v.educationOther());
        form.setExperienceYears(v.experienceYears());
        form.setSalariedByGp(v.salariedByGp());
        form.setFunding(v.funding());
        form.setFundingOther(v.fundingOther());
        form.setHoursGpPractice(v.hoursGpPractice());
        form.setHoursInstitution(v.hoursInstitution());
        form.setHoursBaseTeam(v.hoursBaseTeam());
        form.setHousedInPractice(v.housedInPractice());
        form.setPaysRent(v.paysRent());
        form.setUsesHis(v.usesHis());
        form.setUsesZorgmail(v.usesZorgmail());
        form.setRegistrationStart(v.registrationStart());
        form.setRegistrationEnd(v.registrationEnd());
        return form;
    }

    /** The format's values over the current profile: what the format does not carry is kept. */
    private static ProfileData data(ProfileValues v, ProfileData current) {
        return new ProfileData(v.functionType(), v.age(), v.gender(), v.education(), v.educationOther(),
                current == null ? null : current.profession(), current == null ? null : current.professionOther(),
                v.experienceYears(), current == null ? null : current.otherExperience(),
                current == null ? null : current.secondingOrganisation(), v.salariedByGp(), v.funding(),
                v.fundingOther(), v.hoursGpPractice(), v.hoursInstitution(), v.hoursBaseTeam(), v.housedInPractice(),
                v.paysRent(), v.usesHis(), v.usesZorgmail(), v.registrationStart(), v.registrationEnd());
    }
}
