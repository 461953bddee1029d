package nl.jeugdhulp.registratie.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Short, generic Dutch texts for demo trajectories: never a name or anything identifying. */
final class DemoPhrases {

    /** Help requests per CAP-J group (a rubric uses its group); younger and older children get their own. */
    private static final Map<String, List<String>> HELP_REQUESTS = Map.ofEntries(
            Map.entry("A100", List.of("Somberheid en terugtrekken", "Angstklachten en piekeren", "Faalangst op school",
                    "Veel huilen en weinig plezier", "Paniekklachten", "Rouw na overlijden grootouder",
                    "Nare ervaring blijft terugkomen", "Stemmingswisselingen")),
            Map.entry("A200", List.of("Driftbuien thuis", "Druk en impulsief gedrag", "Opstandig gedrag thuis en op school",
                    "Boosheid en agressie naar broertje", "Luistert niet naar ouders", "Conflicten met leerkracht")),
            Map.entry("A300", List.of("Onzeker en negatief zelfbeeld", "Vragen rond identiteit", "Weinig zelfvertrouwen")),
            Map.entry("A400", List.of("Zorgen over blowen", "Veel gamen en slecht slapen", "Alcoholgebruik in het weekend")),
            Map.entry("A500", List.of("Moeite met contact met leeftijdsgenoten", "Sociaal onhandig in de klas",
                    "Weinig vriendjes")),
            Map.entry("A900", List.of("Slaapproblemen", "Eetproblemen", "Zindelijkheidsproblemen",
                    "Piekeren en slecht inslapen", "Zelfbeschadiging", "Spanningsklachten")),
            Map.entry("B000", List.of("Buikpijn zonder lichamelijke oorzaak", "Hoofdpijn en vermoeidheid",
                    "Omgaan met chronische ziekte", "Lichamelijke klachten bij spanning")),
            Map.entry("C100", List.of("Concentratieproblemen in de klas", "Leerproblemen en vraag om onderzoek",
                    "Vraag naar ADHD", "Moeite met plannen van schoolwerk")),
            Map.entry("D100", List.of("Opvoedvragen ouders", "Ouders handelingsverlegen", "Veel ruzie thuis")),
            Map.entry("D200", List.of("Moeizame band tussen ouder en kind", "Spanningen tussen ouder en puber")),
            Map.entry("D300", List.of("Zorgen over veiligheid thuis")),
            Map.entry("D400", List.of("Scheiding ouders", "Problemen rond omgangsregeling", "Spanningen tussen ouders")),
            Map.entry("D500", List.of("Psychische problemen van ouder", "Ouder met depressie")),
            Map.entry("D600", List.of("Ziekte van broer of zus")),
            Map.entry("D700", List.of("Conflicten in de familie")),
            Map.entry("D800", List.of("Financiële zorgen in het gezin", "Gezin zonder vaste woonplek")),
            Map.entry("E100", List.of("Schoolverzuim", "Gepest worden op school", "Geen motivatie voor school",
                    "Problemen na overstap naar voortgezet onderwijs")),
            Map.entry("E200", List.of("Gepest worden buiten school", "Liefdesverdriet", "Zorgen over vriendengroep")),
            Map.entry("E300", List.of("Nare ervaring buiten het gezin", "Contact met politie")),
            Map.entry("ONG", List.of("Algemene zorgen ouders", "Vraag om advies", "Zorgen van de huisarts")));

    private static final List<String> YOUNG_CHILD = List.of("Huilbaby en uitgeputte ouders", "Slaap- en voedingsproblemen peuter",
            "Driftbuien peuter", "Zorgen over ontwikkeling peuter");

    static final List<String> OTHER_DIAGNOSES = List.of("Dyslexie", "Angststoornis", "Hechtingsproblematiek", "Depressie");
    static final List<String> OTHER_REASONS = List.of("Cliënt verhuisd", "Contact verbroken", "Geen hulpvraag meer",
            "Doorgestuurd door huisarts");
    static final List<String> OTHER_INTERVENTIONS = List.of("Huisbezoek", "Netwerkgesprek", "Observatie op school");
    static final List<String> OTHER_APPLICANTS = List.of("Grootouder", "Pleegouder", "Sportcoach");

    private static final Map<String, List<String>> CHAIN_PARTNERS = Map.of(
            "SGGZ", List.of("Specialistische jeugd-GGZ in de regio", "Kinder- en jeugdpsychiatrie"),
            "BGGZ", List.of("Praktijk basis-GGZ", "Vrijgevestigd kinderpsycholoog"),
            "CJG_WIJKTEAM", List.of("Centrum voor Jeugd en Gezin", "Wijkteam"),
            "VRIJ_TOEGANKELIJK", List.of("Oudercursus", "Weerbaarheidstraining", "Schoolmaatschappelijk werk"),
            "JEUGDHULP_JEUGDZORG", List.of("Ambulante jeugdhulp", "Gezinsbegeleiding"),
            "JEUGDHULP_LVB", List.of("Jeugdhulp LVB"),
            "JEUGDCONSULENT", List.of("Jeugdconsulent gemeente"),
            "ANDERS", List.of("Kinderarts", "Logopedie", "Fysiotherapie"));

    private DemoPhrases() {
    }

    static String helpRequest(String capjCode, int age, Random random) {
        if (age < 4 && random.nextDouble() < 0.6) {
            return YOUNG_CHILD.get(random.nextInt(YOUNG_CHILD.size()));
        }
        List<String> phrases = HELP_REQUESTS.get(group(capjCode));
        return phrases.get(random.nextInt(phrases.size()));
    }

    static String chainPartner(String destination, Random random) {
        List<String> names = CHAIN_PARTNERS.get(destination);
        return names.get(random.nextInt(names.size()));
    }

    /** The CAP-J group of a code: a group is its own group, a rubric {@code A102} belongs to {@code A100}. */
    static String group(String code) {
        return code.length() == 4 ? code.substring(0, 2) + "00" : code;
    }
}
