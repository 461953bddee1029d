package nl.jeugdhulp.registratie.account;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.audit.AuditActor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: the user's scope plus what Spring Security needs to check a password. */
public final class AccountPrincipal implements UserDetails, AuditActor {

    private final CurrentUser user;
    private final String passwordHash;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final int version;

    AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean mustChangePassword, int version) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.version = version;
    }

    public CurrentUser user() {
        return user;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    AccountPrincipal withPasswordChanged() {
        return new AccountPrincipal(user, null, enabled, false, version);
    }

    /** The account's version when this principal was loaded; a newer one means role, scope or status changed. */
    int version() {
        return version;
    }

    @Override
    public long actorId() {
        return user.id();
    }

    @Override
    public String actorName() {
        return user.username();
    }

    @Override
    public String actorRole() {
        return user.role().name();
    }

    /** A project leader acts for a pilot: the entry's pilot when given, else the pilots in their scope. */
    @Override
    public String onBehalfOf(Long pilotId) {
        if (user.role() != Role.PROJECTLEIDER || user.pilotIds().isEmpty()) {
            return null;
        }
        if (pilotId != null && user.pilotIds().contains(pilotId)) {
            return "PILOT:" + pilotId;
        }
        return "PILOT:" + user.pilotIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
