package nl.jeugdhulp.registratie.exchange;

/**
 * Where an import goes: a supporter's own registration ({@code supporterId} set, the file's
 * {@code professional} column empty or their own code), or one pilot of a project leader or an
 * administrator, where the {@code professionals} sheet creates or updates supporters and every
 * trajectory names its professional.
 */
public record ImportTarget(Long supporterId, String supporterCode, long pilotId, String pilotName)
        implements java.io.Serializable {

    public boolean ownRegistration() {
        return supporterId != null;
    }
}
