package nl.jeugdhulp.registratie.summary;

import java.util.List;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which pilots a user may summarise: a municipal user the pilots covering one of their
 * municipalities, a project leader their own pilots, an administrator all. Only a project leader
 * (own pilots) and an administrator keep cost assumptions. Any other role gets 404.
 */
@Component
class SummaryPilots {

    private final JdbcClient jdbc;

    SummaryPilots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PilotChoice> visible(CurrentUser user) {
        return switch (user.role()) {
            case BEHEERDER -> jdbc.sql("SELECT id, name FROM pilot ORDER BY name").query(PilotChoice.class).list();
            case PROJECTLEIDER -> own(user);
            case GEMEENTE -> user.municipalityIds().isEmpty() ? List.of() : jdbc.sql("""
                            SELECT DISTINCT p.id, p.name FROM pilot p
                              JOIN pilot_municipality pm ON pm.pilot_id = p.id
                             WHERE pm.municipality_id IN (:municipalities) ORDER BY p.name""")
                    .param("municipalities", user.municipalityIds()).query(PilotChoice.class).list();
            default -> throw new NotFoundException();
        };
    }

    List<PilotChoice> editable(CurrentUser user) {
        return switch (user.role()) {
            case BEHEERDER -> visible(user);
            case PROJECTLEIDER -> own(user);
            default -> throw new NotFoundException();
        };
    }

    /** The pilot, if the user may edit its assumptions; otherwise 404. */
    PilotChoice editable(CurrentUser user, long pilotId) {
        return editable(user).stream().filter(p -> p.id() == pilotId).findFirst().orElseThrow(NotFoundException::new);
    }

    private List<PilotChoice> own(CurrentUser user) {
        return user.pilotIds().isEmpty() ? List.of() : jdbc.sql("SELECT id, name FROM pilot WHERE id IN (:ids) ORDER BY name")
                .param("ids", user.pilotIds()).query(PilotChoice.class).list();
    }
}
