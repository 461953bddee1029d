package nl.jeugdhulp.registratie.registration;

/** The code lists of a trajectory (registration.md). Labels live in the message bundles under code.*. */
public final class Codes {

    private Codes() {
    }

    public enum Gender { M, V, X, ONBEKEND }

    public enum DiagnosisQuestion { GEEN, EERDERE_DIAGNOSE, BEHOEFTE_DIAGNOSTIEK }

    public enum Diagnosis { ADHD, ASS, ANDERS }

    public enum Applicant { JEUGDIGE, OUDERS, SCHOOL, PROFESSIONAL, ANDERS }

    public enum Intervention {
        TRIAGE_SCREENING, PSYCHO_EDUCATIE, ONDERSTEUNENDE_GESPREKKEN, OPVOEDONDERSTEUNING, BEMIDDELING_VERWIJZING,
        KORTDURENDE_BEHANDELING, OVERBRUGGINGSHULP, CRISISINTERVENTIE, MEDICATIEVRAGEN, ANDERS
    }

    public enum Consultation { HUISARTS, LOKALE_ZORG, CJG_WIJKTEAM, SCHOOL }

    public enum Outcome { ZELF_AFGEROND, VERWEZEN, ANDERS }

    public enum OtherReason { OVERBRUGGING, PARALLEL, INTENSIVERING, ANDERS }

    public enum ReferralMoment { NA_VRAAGVERHELDERING, NA_BEHANDELING }

    public enum Destination {
        SGGZ, BGGZ, CJG_WIJKTEAM, VRIJ_TOEGANKELIJK, JEUGDHULP_JEUGDZORG, JEUGDHULP_LVB, JEUGDCONSULENT, ANDERS;

        /** The non-specialist field ("voorliggend veld"), which counts as a saving in the municipal summary. */
        public boolean voorliggendVeld() {
            return this == CJG_WIJKTEAM || this == VRIJ_TOEGANKELIJK || this == JEUGDCONSULENT;
        }
    }
}
