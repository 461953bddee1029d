package nl.jeugdhulp.registratie.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.ChangeHistory;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.classification.CapjCode;
import nl.jeugdhulp.registratie.organisation.PracticeDirectory;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration facade. Every method checks that the trajectory belongs to the user (else
 * {@link NotFoundException}) and writes an audit record in the same transaction.
 */
@Service
public class TrajectoryService {

    private static final String OBJECT = "TRAJECTORY";

    private final TrajectoryRepository repository;
    private final PracticeDirectory practices;
    private final CapjCatalogue capj;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TrajectoryHistory history;

    TrajectoryService(TrajectoryRepository repository, PracticeDirectory practices, CapjCatalogue capj,
                      AuditLog audit, JdbcClient jdbc, Clock clock, TrajectoryHistory history) {
        this.repository = repository;
        this.practices = practices;
        this.capj = capj;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.history = history;
    }

    /** Every rule the data breaks for this supporter, all at once. */
    @Transactional(readOnly = true)
    public List<Violation> validate(long supporterId, TrajectoryData data) {
        return TrajectoryRules.check(data, today(), capj.existing(data.capjCodes()),
                practice -> practices.serves(supporterId, practice));
    }

    /** The rules a supporter's form input breaks, as {@link #create} and {@link #update} would report them. */
    @Transactional(readOnly = true)
    public List<Violation> validate(CurrentUser user, TrajectoryData input) {
        return validate(supporterOf(user), input.normalised());
    }

    /** The rules closing with this input would break. */
    @Transactional(readOnly = true)
    public List<Violation> validateClosing(CurrentUser user, long id, ClosingData closing) {
        return closingViolations(ownAnyVersion(user, id), closing);
    }

    @Transactional
    public long create(CurrentUser user, TrajectoryData input) {
        long supporterId = supporterOf(user);
        TrajectoryData data = input.normalised();
        requireValid(supporterId, data);
        Trajectory trajectory = repository.saveAndFlush(new Trajectory(supporterId, data, Instant.now(clock)));
        log(AuditAction.CREATE, "TRAJECTORY_CREATED", trajectory);
        history.record(trajectory.getId(), ChangeHistory.Event.CREATED, null, trajectory.data());
        return trajectory.getId();
    }

    /** The trajectory for its supporter, or for a project leader of its pilot without the private reference. */
    @Transactional
    public TrajectoryView view(CurrentUser user, long id) {
        Trajectory trajectory = readable(user, id);
        log(AuditAction.READ, "TRAJECTORY_VIEWED", trajectory);
        TrajectoryData data = trajectory.data();
        if (!user.is(Role.PRAKTIJKONDERSTEUNER)) {
            data = withoutReference(data);
        }
        Map<String, CapjCode> codes = capj.activeAndRetired(data.capjCodes()).stream()
                .collect(Collectors.toMap(CapjCode::code, Function.identity()));
        List<CapjCode> classified = data.capjCodes().stream().map(codes::get).toList();
        return new TrajectoryView(trajectory.getId(), trajectory.getVersion(), supporterCode(trajectory),
                practiceName(trajectory), data, classified);
    }

    @Transactional
    public void update(CurrentUser user, long id, int version, TrajectoryData input) {
        Trajectory trajectory = own(user, id, version);
        TrajectoryData data = input.normalised();
        requireValid(trajectory.getSupporterId(), data);
        TrajectoryData before = trajectory.data();
        trajectory.apply(data, Instant.now(clock));
        repository.flush();
        log(AuditAction.UPDATE, "TRAJECTORY_UPDATED", trajectory);
        history.record(id, ChangeHistory.Event.UPDATED, before, trajectory.data());
    }

    @Transactional
    public void addContactToday(CurrentUser user, long id) {
        Trajectory trajectory = ownAnyVersion(user, id);
        if (trajectory.isClosed()) {
            throw new InvalidTrajectoryException(List.of(new Violation("contacts", "trajectory.contact.closed")));
        }
        TrajectoryData before = trajectory.data();
        trajectory.addContact(today(), Instant.now(clock));
        repository.flush();
        log(AuditAction.UPDATE, "TRAJECTORY_CONTACT_ADDED", trajectory);
        history.record(id, ChangeHistory.Event.CONTACT_ADDED, before, trajectory.data());
    }

    @Transactional
    public void close(CurrentUser user, long id, int version, ClosingData closing) {
        Trajectory trajectory = own(user, id, version);
        List<Violation> violations = closingViolations(trajectory, closing);
        if (!violations.isEmpty()) {
            throw new InvalidTrajectoryException(violations);
        }
        TrajectoryData before = trajectory.data();
        trajectory.apply(closing.applyTo(before), Instant.now(clock));
        repository.flush();
        log(AuditAction.UPDATE, "TRAJECTORY_CLOSED", trajectory);
        history.record(id, ChangeHistory.Event.CLOSED, before, trajectory.data());
    }

    @Transactional
    public void reopen(CurrentUser user, long id, int version) {
        Trajectory trajectory = own(user, id, version);
        if (trajectory.isClosed()) {
            TrajectoryData before = trajectory.data();
            trajectory.reopen(Instant.now(clock));
            repository.flush();
            log(AuditAction.UPDATE, "TRAJECTORY_REOPENED", trajectory);
            history.record(id, ChangeHistory.Event.REOPENED, before, trajectory.data());
        }
    }

    /**
     * The change history of a trajectory, newest first: for its own supporter and for the
     * administrator; anyone else gets {@link NotFoundException}. Reading it is logged as a read.
     */
    @Transactional
    public TrajectoryHistoryView history(CurrentUser user, long id, Locale locale) {
        Trajectory trajectory;
        if (user.is(Role.BEHEERDER)) {
            trajectory = repository.findById(id).orElseThrow(NotFoundException::new);
        } else {
            trajectory = ownAnyVersion(user, id);
        }
        audit.record(AuditEntry.of(AuditAction.READ, "TRAJECTORY_HISTORY_VIEWED", OBJECT, trajectory.getId())
                .withPilot(practices.pilotOf(trajectory.getSupporterId())));
        return new TrajectoryHistoryView(trajectory.getId(), supporterCode(trajectory), history.shown(id, locale));
    }

    /** Throws {@link NotFoundException} unless the trajectory is the user's own; reads nothing else. */
    @Transactional(readOnly = true)
    public void requireOwn(CurrentUser user, long id) {
        if (!repository.existsByIdAndSupporterId(id, supporterOf(user))) {
            throw new NotFoundException();
        }
    }

    @Transactional
    public void delete(CurrentUser user, long id, int version) {
        Trajectory trajectory = own(user, id, version);
        log(AuditAction.DELETE, "TRAJECTORY_DELETED", trajectory);
        repository.delete(trajectory);
        repository.flush();
    }

    /**
     * Logs that a list of trajectories was shown (NEN 7513: reading is access too). A list narrowed
     * by a filter is a search and says by what; a search text is logged as given or not, never its
     * words, which may hold a supporter's private reference.
     */
    @Transactional
    public void logListRead(String list, TrajectoryFilter filter, String status) {
        StringBuilder criteria = new StringBuilder();
        appendCriterion(criteria, "van", filter.getFrom());
        appendCriterion(criteria, "tot", filter.getTo());
        appendCriterion(criteria, "praktijk", filter.getPractice());
        appendCriterion(criteria, "uitkomst", filter.getOutcome());
        appendCriterion(criteria, "ondersteuner", filter.getSupporter());
        appendCriterion(criteria, "status", status == null || status.isBlank() ? null : status);
        if (filter.getQ() != null && !filter.getQ().isBlank()) {
            appendCriterion(criteria, "zoektekst", "opgegeven");
        }
        boolean search = !criteria.isEmpty();
        audit.record(AuditEntry.of(AuditAction.READ, search ? "TRAJECTORY_SEARCH" : "TRAJECTORY_LIST_VIEWED",
                "TRAJECTORY_LIST", list).withDetails(search ? criteria.toString() : null));
    }

    private static void appendCriterion(StringBuilder criteria, String name, Object value) {
        if (value != null) {
            criteria.append(criteria.isEmpty() ? "" : ", ").append(name).append('=').append(value);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<Violation> closingViolations(Trajectory trajectory, ClosingData closing) {
        TrajectoryData data = closing.applyTo(trajectory.data());
        List<Violation> violations = new ArrayList<>(validate(trajectory.getSupporterId(), data));
        if (closing.endDate() == null) {
            // Closing needs an end date; "outcome without end date" would only repeat that.
            violations.removeIf(v -> v.code().equals("trajectory.endDate.requiredWithOutcome"));
            violations.add(0, new Violation("endDate", "trajectory.endDate.required"));
            if (closing.outcome() == null) {
                violations.add(new Violation("outcome", "trajectory.outcome.required"));
            }
        }
        return violations;
    }

    private void requireValid(long supporterId, TrajectoryData data) {
        List<Violation> violations = validate(supporterId, data);
        if (!violations.isEmpty()) {
            throw new InvalidTrajectoryException(violations);
        }
    }

    private Trajectory own(CurrentUser user, long id, int version) {
        Trajectory trajectory = ownAnyVersion(user, id);
        if (trajectory.getVersion() != version) {
            throw new StaleEditException();
        }
        return trajectory;
    }

    private Trajectory ownAnyVersion(CurrentUser user, long id) {
        return repository.findByIdAndSupporterId(id, supporterOf(user)).orElseThrow(NotFoundException::new);
    }

    private Trajectory readable(CurrentUser user, long id) {
        if (user.is(Role.PRAKTIJKONDERSTEUNER)) {
            return ownAnyVersion(user, id);
        }
        if (user.is(Role.PROJECTLEIDER) && !user.pilotIds().isEmpty()) {
            return repository.findById(id)
                    .filter(t -> user.pilotIds().contains(practices.pilotOf(t.getSupporterId())))
                    .orElseThrow(NotFoundException::new);
        }
        throw new NotFoundException();
    }

    private static long supporterOf(CurrentUser user) {
        if (!user.is(Role.PRAKTIJKONDERSTEUNER) || user.supporterId() == null) {
            throw new NotFoundException();
        }
        return user.supporterId();
    }

    private void log(AuditAction action, String event, Trajectory trajectory) {
        audit.record(AuditEntry.of(action, event, OBJECT, trajectory.getId())
                .withPilot(practices.pilotOf(trajectory.getSupporterId())));
    }

    private String practiceName(Trajectory trajectory) {
        return jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", trajectory.data().practiceId())
                .query(String.class).single();
    }

    private String supporterCode(Trajectory trajectory) {
        return jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", trajectory.getSupporterId())
                .query(String.class).single();
    }

    private static TrajectoryData withoutReference(TrajectoryData d) {
        return withReference(d, null);
    }

    private static TrajectoryData withReference(TrajectoryData d, String reference) {
        return new TrajectoryData(d.practiceId(), reference, d.birthMonth(), d.birthYear(), d.gender(),
                d.registrationDate(), d.startDate(), d.helpRequest(), d.capjCodes(), d.diagnosisQuestion(),
                d.diagnosis(), d.diagnosisOther(), d.applicants(), d.applicantOther(), d.contacts(),
                d.lastContactDate(), d.interventions(), d.interventionOther(), d.consultations(), d.endDate(),
                d.outcome(), d.otherReason(), d.otherReasonText(), d.referralMoment(), d.destinations(),
                d.chainPartner());
    }
}
