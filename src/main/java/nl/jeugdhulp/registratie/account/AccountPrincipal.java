package nl.jeugdhulp.registratie.account;

import java.util.Collection;
import java.util.List;
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
