package nl.jeugdhulp.registratie.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * About 180 anonymous questionnaire responses over the last year, distributed like the study's
 * T16–T18 (items 1–3 around 8.9, 9.1 and 8.8 with SD 1.1–1.3; goal reached or more for about three
 * in four; nearly everyone agrees with the three statements). A few answers are left empty, a fifth
 * came on paper, some have a goal or a remark.
 */
final class DemoResponses {

    /** One row of questionnaire_response (without pilot and function type, which come from the supporter). */
    record Response(int supporter, LocalDate day, String source, Integer understand, Integer listen, Integer involve,
                    String goal, String goalAttainment, String recommend, String learned, String confidence,
                    String remarks) {
    }

    static final int COUNT = 180;

    // Weights per answer, worst first: scores from 4 to 10, then the levels.
    private static final int[] UNDERSTAND = {0, 1, 3, 8, 20, 33, 35};
    private static final int[] LISTEN = {0, 1, 2, 6, 15, 30, 46};
    private static final int[] INVOLVE = {1, 1, 3, 9, 20, 30, 36};
    private static final int[] GOAL = {0, 8, 40, 82, 37, 8};
    private static final int[] RECOMMEND = {0, 15, 485, 500};
    private static final int[] LEARNED = {0, 31, 431, 538};
    private static final int[] CONFIDENCE = {0, 31, 484, 484};
    private static final List<String> GOAL_LEVELS = List.of("MINDER_GOED", "HETZELFDE", "DEEL_BEREIKT", "BEREIKT",
            "MEER_BEREIKT", "VEEL_MEER_BEREIKT");
    private static final List<String> AGREEMENT = List.of("HELEMAAL_NIET_EENS", "NIET_EENS", "WEL_EENS", "HELEMAAL_EENS");
    private static final List<String> GOALS = List.of("Minder piekeren en beter slapen", "Weer naar school durven",
            "Rust in huis na de scheiding", "Weten welke hulp past bij onze zoon", "Minder boze buien",
            "Omgaan met paniekaanvallen", "Uitzoeken of er sprake is van ADHD", "Beter opkomen voor mezelf");
    private static final List<String> REMARKS = List.of("Fijn dat het gewoon bij de huisarts kon.",
            "Snel een afspraak, dat scheelde veel.", "Ik voelde me echt gehoord.",
            "De wachttijd voor de verwijzing daarna was lang.", "Graag ook afspraken na schooltijd.",
            "Prettig dat we terug mogen komen als het weer minder gaat.");

    private DemoResponses() {
    }

    static List<Response> generate(long seed, LocalDate today, int supporters) {
        Random random = new Random(seed);
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            responses.add(new Response(random.nextInt(supporters), today.minusDays(random.nextInt(365)),
                    random.nextInt(5) == 0 ? "PAPER" : "WEB",
                    score(random, UNDERSTAND), score(random, LISTEN), score(random, INVOLVE),
                    random.nextInt(10) < 4 ? GOALS.get(random.nextInt(GOALS.size())) : null,
                    level(random, GOAL, GOAL_LEVELS), level(random, RECOMMEND, AGREEMENT),
                    level(random, LEARNED, AGREEMENT), level(random, CONFIDENCE, AGREEMENT),
                    random.nextInt(4) == 0 ? REMARKS.get(random.nextInt(REMARKS.size())) : null));
        }
        return responses;
    }

    /** A score from 4 to 10 by the weights; about one in fifty left empty. */
    private static Integer score(Random random, int[] weights) {
        return random.nextInt(50) == 0 ? null : 4 + pick(random, weights);
    }

    private static String level(Random random, int[] weights, List<String> levels) {
        return random.nextInt(50) == 0 ? null : levels.get(pick(random, weights));
    }

    private static int pick(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    static String formToken(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
