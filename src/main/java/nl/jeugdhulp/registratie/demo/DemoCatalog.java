package nl.jeugdhulp.registratie.demo;

import java.util.List;
import java.util.Map;

/**
 * The fixed organisation of the demo: two pilots, four municipalities (real CBS codes), nine
 * fictitious GP practices and fourteen pseudonymous supporters whose education, experience and hours
 * resemble tables T1 and T2 of the study. Indexes in these lists link the records to each other.
 */
final class DemoCatalog {

    static final String PASSWORD = "demo-jeugdhulp";

    record Pilot(String name, String organisation, int startMonthsAgo, List<Integer> municipalities) {
    }

    record Municipality(String name, String cbsCode) {
    }

    /** disciplines: category code (as practice_discipline.category, see PracticeForm.DISCIPLINES) to FTE or persons. */
    record Practice(String name, int pilot, int municipality, double gps, double averageGpAge, boolean cooperative,
                    int patients, int patientsUnder18, Map<String, Double> disciplines) {
    }

    /** Hours per week a supporter works in one practice (a list, not a map, to keep the order fixed). */
    record Hours(int practice, double perWeek) {
    }

    record Supporter(String code, int pilot, String functionType, String gender, int age, String education,
                     String profession, String professionOther, int experienceYears, String otherExperience,
                     String secondingOrganisation, String funding, List<Hours> practiceHours,
                     double hoursInstitution, double hoursBaseTeam, boolean paysRent, boolean usesZorgmail,
                     int trajectories, String demoUsername) {

        double hoursGpPractice() {
            return practiceHours.stream().mapToDouble(Hours::perWeek).sum();
        }
    }

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("Hilversum", "GM0402"),
            new Municipality("Gooise Meren", "GM1942"),
            new Municipality("Leiden", "GM0546"),
            new Municipality("Leiderdorp", "GM0547"));

    static final List<Pilot> PILOTS = List.of(
            new Pilot("Pilot Gooi en Vechtstreek", "Jeugdhulporganisatie Gooi (demo)", 36, List.of(0, 1)),
            new Pilot("Pilot Zuid-Holland Noord", "Stichting Jeugd en Gezin Leiden (demo)", 31, List.of(2, 3)));

    static final List<Practice> PRACTICES = List.of(
            new Practice("Gezondheidscentrum Kerkelanden", 0, 0, 5, 47.5, true, 11_200, 2_350,
                    Map.of("POH_GGZ", 1.5, "POH_SOMATIEK", 2.0, "DOKTERSASSISTENT", 5.0)),
            new Practice("Huisartsenpraktijk De Vaart", 0, 0, 2, 52.0, true, 4_650, 930,
                    Map.of("POH_GGZ", 0.5, "POH_SOMATIEK", 1.0)),
            new Practice("Huisartsenpraktijk Hilversum-Oost", 0, 0, 3, 44.0, true, 6_900, 1_480,
                    Map.of("POH_GGZ", 1.0, "POH_SOMATIEK", 1.0, "DOKTERSASSISTENT", 3.0)),
            new Practice("Huisartsenpraktijk Bussum-Centrum", 0, 1, 4, 50.5, true, 9_300, 1_820,
                    Map.of("POH_GGZ", 1.0, "POH_SOMATIEK", 1.5)),
            new Practice("Huisartsenpraktijk Naarden-Vesting", 0, 1, 1, 58.0, false, 2_400, 430,
                    Map.of("POH_SOMATIEK", 0.5)),
            new Practice("Gezondheidscentrum Merenwijk", 1, 2, 6, 45.0, true, 11_800, 2_600,
                    Map.of("POH_GGZ", 2.0, "POH_SOMATIEK", 2.0, "FYSIOTHERAPEUT", 2.0)),
            new Practice("Huisartsenpraktijk Stevenshof", 1, 2, 3, 41.5, true, 7_100, 1_650,
                    Map.of("POH_GGZ", 1.0, "POH_SOMATIEK", 1.0)),
            new Practice("Huisartsenpraktijk Leiden-Binnenstad", 1, 2, 2, 55.0, false, 4_300, 560,
                    Map.of("POH_GGZ", 0.5)),
            new Practice("Huisartsenpraktijk De Driemaster", 1, 3, 3, 49.0, true, 6_600, 1_390,
                    Map.of("POH_GGZ", 1.0, "POH_SOMATIEK", 1.0)));

    /**
     * Trajectory counts per function type: POH 725, SOH 1250, OJG 525 of 2500 (29/50/21%, as the
     * study's closed trajectories). The first supporter of each type in pilot 1 has a demo account.
     */
    static final List<Supporter> SUPPORTERS = List.of(
            new Supporter("P001", 0, "POH_JEUGD", "V", 34, "WO", "PSYCHOLOOG", null, 8,
                    "Ambulant hulpverlener gezinsbegeleiding", "Jeugdhulpaanbieder (ambulante jeugdhulp)", "GEMEENTE",
                    List.of(new Hours(0, 8.0), new Hours(1, 4.0)), 20, 0, false, true, 200, "poh"),
            new Supporter("P002", 0, "POH_JEUGD", "V", 41, "WO", "ORTHOPEDAGOOG", null, 12,
                    null, "Jeugdhulpaanbieder (ambulante jeugdhulp)", "GEMEENTE",
                    List.of(new Hours(3, 6.0)), 24, 0, false, true, 190, null),
            new Supporter("P003", 0, "SOH_JGGZ", "V", 46, "WO_PLUS", "GZ_PSYCHOLOOG", null, 17,
                    "Vrijgevestigd psycholoog", "Specialistische jeugd-GGZ", "GEMEENTE",
                    List.of(new Hours(0, 4.0), new Hours(2, 4.0)), 24, 0, false, true, 230, "soh"),
            new Supporter("P004", 0, "SOH_JGGZ", "M", 52, "WO_PLUS", "ORTHOPEDAGOOG_GENERALIST", null, 22,
                    null, "Specialistische jeugd-GGZ", "GEMEENTE",
                    List.of(new Hours(1, 3.0), new Hours(4, 3.0)), 28, 0, true, true, 215, null),
            new Supporter("P005", 0, "SOH_JGGZ", "V", 39, "WO_PLUS", "GZ_PSYCHOLOOG", null, 13,
                    null, "Specialistische jeugd-GGZ", "ZORGVERZEKERAAR",
                    List.of(new Hours(3, 6.0)), 26, 0, false, false, 210, null),
            new Supporter("P006", 0, "OJG", "V", 31, "HBO", "MAATSCHAPPELIJK_WERKER", null, 6,
                    "Jeugdconsulent gemeente", "Jeugdhulpaanbieder (ambulante jeugdhulp)", "GEMEENTE",
                    List.of(new Hours(2, 6.0), new Hours(0, 4.0)), 8, 8, false, true, 150, "ojg"),
            new Supporter("P007", 0, "OJG", "V", 44, "HBO", "ANDERS", "Gezinscoach", 15,
                    "Schoolmaatschappelijk werk", "Centrum voor Jeugd en Gezin", "GEMEENTE",
                    List.of(new Hours(3, 6.0), new Hours(4, 4.0)), 6, 4, false, true, 135, null),
            new Supporter("P008", 1, "POH_JEUGD", "V", 29, "HBO", "MAATSCHAPPELIJK_WERKER", null, 4,
                    null, "Jeugdhulpaanbieder (ambulante jeugdhulp)", "GEMEENTE",
                    List.of(new Hours(5, 10.0)), 22, 0, false, true, 175, null),
            new Supporter("P009", 1, "POH_JEUGD", "M", 37, "WO", "PSYCHOLOOG", null, 9,
                    "Onderzoeker jeugd-GGZ", "Jeugdhulpaanbieder (ambulante jeugdhulp)", "HUISARTS",
                    List.of(new Hours(6, 4.0), new Hours(7, 3.0)), 24, 0, false, true, 160, null),
            new Supporter("P010", 1, "SOH_JGGZ", "V", 49, "WO_PLUS", "GZ_PSYCHOLOOG", null, 19,
                    null, "Specialistische jeugd-GGZ", "GEMEENTE",
                    List.of(new Hours(5, 8.0)), 24, 0, false, true, 205, null),
            new Supporter("P011", 1, "SOH_JGGZ", "V", 33, "WO", "PSYCHOLOOG", null, 7,
                    null, "Specialistische jeugd-GGZ", "GEMEENTE",
                    List.of(new Hours(6, 4.0), new Hours(8, 4.0)), 24, 0, true, true, 200, null),
            new Supporter("P012", 1, "SOH_JGGZ", "M", 57, "WO_PLUS", "PSYCHOTHERAPEUT", null, 26,
                    "Kinder- en jeugdpsychiatrie", "Specialistische jeugd-GGZ", "GEMEENTE",
                    List.of(new Hours(7, 4.0), new Hours(5, 3.0)), 20, 0, false, true, 190, null),
            new Supporter("P013", 1, "OJG", "V", 42, "HBO", "SPV", null, 14,
                    "Wijkteam", "Jeugdhulpaanbieder (ambulante jeugdhulp)", "GEMEENTE",
                    List.of(new Hours(8, 8.0), new Hours(6, 4.0)), 8, 8, false, true, 125, null),
            new Supporter("P014", 1, "OJG", "V", 36, "WO", "ORTHOPEDAGOOG", null, 10,
                    null, "Centrum voor Jeugd en Gezin", "GEMEENTE",
                    List.of(new Hours(5, 6.0), new Hours(7, 4.0)), 10, 2, false, false, 115, null));

    private DemoCatalog() {
    }
}
