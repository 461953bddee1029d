package nl.jeugdhulp.registratie.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the demo trajectories: deterministic for a seed (dates are relative to "today"), with
 * distributions that resemble the study's tables (see shared/domain/reports.md): outcome per
 * function type (T6), destinations (T7), interventions (T5), consultation, contacts (F2), duration
 * (F3), age and gender (F1), applicants (T3) and CAP-J help requests (T4).
 */
final class DemoTrajectoryGenerator {

    /** Days back from today over which trajectories start (about 2.5 years). */
    static final int SPAN_DAYS = 913;
    static final double CLOSED_SHARE = 0.82;
    /** An open trajectory is flagged on the worklist after this many days without contact. */
    static final int STALE_DAYS = 56;

    private static final String[] CONTACT_VALUES = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11-12", "13-15", "16-20", "21-30"};
    /** Cumulative share of closed trajectories per number of contacts (F2: 48% ≤ 2, 82% ≤ 5, 97% ≤ 10). */
    private static final double[] CONTACT_CUMULATIVE = {.26, .48, .63, .74, .82, .86, .89, .92, .945, .97, .98, .99, .996, 1.0};
    /** Duration in days per band and cumulative share (F3: 35% ≤ 1 week, 49% ≤ 3, 76% ≤ 10, 1% > 50, max 68). */
    private static final int[][] DURATION_BANDS = {{0, 0}, {1, 7}, {8, 21}, {22, 70}, {71, 350}, {351, 476}};
    private static final double[] DURATION_CUMULATIVE = {.17, .35, .49, .76, .99, 1.0};

    private static final String[] CAPJ = {
            "A100", "A101", "A102", "A103", "A104", "A200", "A201", "A202", "A300", "A301", "A303", "A400", "A405", "A406",
            "A500", "A501", "A502", "A900", "B000", "C100", "C101", "C102", "C103", "D100", "D101", "D105", "D400", "D402",
            "D405", "D200", "D203", "D206", "D300", "D302", "D500", "D510", "D601", "D701", "D800", "D801", "D802",
            "E100", "E102", "E103", "E107", "E200", "E203", "E204", "E306", "ONG"};
    /** Per mille of help requests (T4: A 60%, B 9%, C 6%, D 15%, E 7%, not classified 3%). */
    private static final double[] CAPJ_WEIGHTS = {
            120, 25, 55, 20, 15, 110, 45, 20, 15, 15, 5, 5, 5, 5,
            15, 10, 5, 110, 90, 20, 15, 20, 5, 21, 10, 6, 16, 12,
            8, 10, 5, 5, 3, 2, 10, 15, 10, 5, 6, 4, 8,
            20, 15, 12, 3, 5, 8, 5, 2, 30};

    private static final String[] DESTINATIONS = {"SGGZ", "BGGZ", "CJG_WIJKTEAM", "VRIJ_TOEGANKELIJK", "JEUGDHULP_JEUGDZORG",
            "JEUGDHULP_LVB", "JEUGDCONSULENT", "ANDERS"};
    /** T7 total row, with a few to the municipal youth consultant (Hilversum datasheet). */
    private static final double[] DESTINATION_WEIGHTS = {50, 17.5, 12, 8.5, 6, 1, 2.5, 7};

    private final Random random;
    private final LocalDate today;

    DemoTrajectoryGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    List<DemoTrajectory> generate() {
        List<DemoTrajectory> all = new ArrayList<>();
        for (int s = 0; s < DemoCatalog.SUPPORTERS.size(); s++) {
            DemoCatalog.Supporter supporter = DemoCatalog.SUPPORTERS.get(s);
            int openSeen = 0;
            for (int i = 0; i < supporter.trajectories(); i++) {
                boolean closed = random.nextDouble() < CLOSED_SHARE;
                // Every demo account gets a couple of forgotten open trajectories for the worklist flag.
                boolean stale = !closed && (random.nextDouble() < 0.03 || supporter.demoUsername() != null && openSeen < 2);
                if (!closed) {
                    openSeen++;
                }
                all.add(trajectory(s, supporter, closed, stale, i + 1));
            }
        }
        return all;
    }

    private DemoTrajectory trajectory(int s, DemoCatalog.Supporter supporter, boolean closed, boolean stale, int number) {
        int practice = practice(supporter);
        double u = random.nextDouble(); // the trajectory's "weight": more contacts, longer, more help

        // Contacts, dates and closing.
        LocalDate start;
        LocalDate end = null;
        Integer contacts;
        LocalDate lastContact;
        if (closed) {
            int days = duration(jitter(u, 0.12));
            contacts = contacts(u);
            if (days == 0) {
                contacts = 1; // one conversation, closed the same day
            }
            start = weekday(today.minusDays(below(SPAN_DAYS - days + 1) + days));
            end = start.plusDays(days);
            lastContact = contacts == 1 ? start : end.minusDays(Math.min(days, below(3) == 0 ? below(15) : 0));
            // This draw once left 2% without contacts; the form requires them, and demo data must pass the
            // form's rules (and so the import). It is still drawn so the rest of the data stays the same.
            random.nextDouble();
        } else if (stale) {
            int elapsed = 70 + below(210);
            start = weekday(today.minusDays(elapsed));
            int sinceStart = (int) (today.toEpochDay() - start.toEpochDay());
            lastContact = start.plusDays(below(sinceStart - STALE_DAYS - 5));
            contacts = 1 + below(4);
            if (contacts == 1) {
                lastContact = start;
            }
        } else {
            double r = random.nextDouble();
            int elapsed = r < 0.7 ? below(57) : r < 0.95 ? 57 + below(124) : 181 + below(220);
            start = weekday(today.minusDays(elapsed));
            int sinceStart = (int) (today.toEpochDay() - start.toEpochDay());
            lastContact = sinceStart <= 42 ? start.plusDays(below(sinceStart + 1)) : today.minusDays(below(43));
            int soFar = Math.min(2 + sinceStart / 10 + below(3), 2 + below(12)); // both drawn: same randomness every day
            contacts = lastContact.equals(start) ? 1 : soFar;
        }

        // Who: gender and age (F1: 47% boys, 53% girls; mean age boys 10.8, girls 12.4).
        double g = random.nextDouble();
        String gender = g < 0.465 ? "M" : g < 0.99 ? "V" : g < 0.995 ? "X" : "ONBEKEND";
        int age = (int) Math.round(("M".equals(gender) ? 10.95 : 12.6) + random.nextGaussian() * 4.4);
        age = Math.max(0, Math.min(23, age));
        Integer birthMonth = 1 + below(12);
        Integer birthYear = start.getYear() - age - (start.isBefore(LocalDate.of(start.getYear(), birthMonth, 15)) ? 1 : 0);
        random.nextDouble(); // once 1% without birth month and year, which the form requires (kept: same data after it)

        // Waiting time: the SOH-JGGZ pilot kept the registration date (73%), others now and then.
        LocalDate registration = null;
        if (random.nextDouble() < ("SOH_JGGZ".equals(supporter.functionType()) ? 0.73 : 0.2)) {
            int wait = random.nextDouble() < 0.03 ? 36 + below(35) : (int) Math.min(35, -Math.log(1 - random.nextDouble()) * 9);
            registration = start.minusDays(wait);
        }

        // The help request: CAP-J codes (57% one, 35% two, 8% three) and a matching phrase.
        double k = random.nextDouble();
        List<String> capj = distinct(CAPJ, CAPJ_WEIGHTS, k < 0.57 ? 1 : k < 0.92 ? 2 : 3);
        String helpRequest = DemoPhrases.helpRequest(capj.get(0), age, random);

        String diagnosisQuestion = null;
        String diagnosis = null;
        String diagnosisOther = null;
        double d = random.nextDouble();
        if (d < 0.06) {
            diagnosisQuestion = "EERDERE_DIAGNOSE";
            double which = random.nextDouble();
            diagnosis = which < 0.56 ? "ADHD" : which < 0.8 ? "ASS" : "ANDERS";
            if ("ANDERS".equals(diagnosis)) {
                diagnosisOther = pick(DemoPhrases.OTHER_DIAGNOSES);
            }
        } else if (d < 0.13) {
            diagnosisQuestion = "BEHOEFTE_DIAGNOSTIEK";
        } else if (d < 0.97) {
            diagnosisQuestion = "GEEN";
        }

        // Once 1.5% had no applicants, which the form requires. Those get the most frequent applicant (T3: the
        // parents) without a draw, so the random stream, and with it every other value, stays the same.
        List<String> applicants = random.nextDouble() < 0.015 ? new ArrayList<>(List.of("OUDERS")) : applicants(age);
        String applicantOther = applicants != null && applicants.contains("ANDERS") ? pick(DemoPhrases.OTHER_APPLICANTS) : null;
        boolean hasCode = capj.stream().anyMatch(c -> c.startsWith("D"));
        boolean schoolCode = capj.stream().anyMatch(c -> c.startsWith("E1") || c.startsWith("C"));

        // Closing (T6 per function type) and referral (T7).
        String outcome = null;
        String reason = null;
        String reasonText = null;
        String moment = null;
        List<String> destinations = null;
        String chainPartner = null;
        if (closed) {
            double[] shares = switch (supporter.functionType()) {
                case "POH_JEUGD" -> new double[] {.415, .47, .115};
                case "OJG" -> new double[] {.42, .44, .14};
                default -> new double[] {.385, .515, .10};
            };
            double o = random.nextDouble();
            outcome = o < shares[0] ? "ZELF_AFGEROND" : o < shares[0] + shares[1] ? "VERWEZEN" : "ANDERS";
            if ("ANDERS".equals(outcome)) {
                double r = random.nextDouble();
                reason = r < 0.4 ? "OVERBRUGGING" : r < 0.75 ? "PARALLEL" : r < 0.87 ? "INTENSIVERING" : "ANDERS";
                if ("ANDERS".equals(reason)) {
                    reasonText = pick(DemoPhrases.OTHER_REASONS);
                }
            } else if ("VERWEZEN".equals(outcome)) {
                boolean afterClarification = u < 0.62 ? random.nextDouble() < 0.9 : random.nextDouble() < 0.15;
                moment = afterClarification ? "NA_VRAAGVERHELDERING" : "NA_BEHANDELING";
                destinations = distinct(DESTINATIONS, destinationWeights(supporter.functionType()),
                        random.nextDouble() < 0.03 ? 2 : 1);
                if (random.nextDouble() < 0.45) {
                    chainPartner = DemoPhrases.chainPartner(destinations.get(0), random);
                }
            }
        }

        // Process (T5 and consultation): what was done, with whom; also registered so far for open ones.
        double progress = closed ? 1 : 0.7;
        List<String> interventions = null;
        String interventionOther = null;
        if (random.nextDouble() >= 0.02) {
            interventions = interventions(supporter, u, progress, outcome, reason, moment, hasCode, age);
            if (random.nextDouble() < 0.02) {
                interventions.add("ANDERS");
                interventionOther = pick(DemoPhrases.OTHER_INTERVENTIONS);
            }
        }
        List<String> consultations = null;
        if (random.nextDouble() >= 0.02) {
            consultations = new ArrayList<>();
            addIf(consultations, "HUISARTS", 0.35 * progress);
            addIf(consultations, "LOKALE_ZORG", 0.09 * progress);
            addIf(consultations, "CJG_WIJKTEAM", ("OJG".equals(supporter.functionType()) ? 0.42 : 0.11) * progress);
            addIf(consultations, "SCHOOL", (schoolCode ? 0.35 : 0.10) * progress);
        }

        String privateReference = null;
        if (supporter.demoUsername() != null && random.nextDouble() < 0.7) {
            privateReference = (char) ('A' + below(26)) + "" + (char) ('A' + below(26)) + "-" + number;
        }

        return new DemoTrajectory(s, practice, privateReference, birthMonth, birthYear, gender, registration, start,
                helpRequest, diagnosisQuestion, diagnosis, diagnosisOther, applicants, applicantOther, contacts, lastContact,
                interventions, interventionOther, consultations, end, outcome, reason, reasonText, moment, destinations,
                chainPartner, capj);
    }

    private int practice(DemoCatalog.Supporter supporter) {
        double total = supporter.hoursGpPractice();
        double r = random.nextDouble() * total;
        for (DemoCatalog.Hours hours : supporter.practiceHours()) {
            r -= hours.perWeek();
            if (r < 0) {
                return hours.practice();
            }
        }
        return supporter.practiceHours().get(supporter.practiceHours().size() - 1).practice();
    }

    private List<String> interventions(DemoCatalog.Supporter supporter, double u, double progress, String outcome,
                                       String reason, String moment, boolean familyCode, int age) {
        boolean referred = "VERWEZEN".equals(outcome);
        boolean treated = "NA_BEHANDELING".equals(moment) || "ZELF_AFGEROND".equals(outcome) && u > 0.45;
        List<String> result = new ArrayList<>();
        addIf(result, "TRIAGE_SCREENING", switch (supporter.education()) {
            case "HBO" -> 0.55;
            case "WO" -> 0.90;
            default -> 0.78;
        });
        addIf(result, "PSYCHO_EDUCATIE", (0.18 + 0.25 * u) * progress);
        addIf(result, "ONDERSTEUNENDE_GESPREKKEN", (0.10 + 0.30 * u) * progress);
        addIf(result, "OPVOEDONDERSTEUNING", (familyCode || age < 8 ? 0.40 : 0.15) * progress);
        addIf(result, "BEMIDDELING_VERWIJZING", referred ? 0.40 : 0.06 * progress);
        addIf(result, "KORTDURENDE_BEHANDELING", (treated ? 0.36 : 0.04) * progress);
        addIf(result, "OVERBRUGGINGSHULP", "OVERBRUGGING".equals(reason) ? 1
                : "NA_BEHANDELING".equals(moment) ? 0.4 : 0.015 * progress);
        addIf(result, "CRISISINTERVENTIE", 0.02);
        addIf(result, "MEDICATIEVRAGEN", age >= 6 ? 0.022 : 0.005);
        return result;
    }

    private double[] destinationWeights(String functionType) {
        double[] weights = DESTINATION_WEIGHTS.clone();
        if ("SOH_JGGZ".equals(functionType)) {
            weights[0] += 6; // SGGZ
            weights[2] -= 3;
        } else if ("OJG".equals(functionType)) {
            weights[0] -= 10;
            weights[2] += 7; // CJG, wijk- of gebiedsteam
            weights[6] += 3; // jeugdconsulent
        }
        return weights;
    }

    private List<String> applicants(int age) {
        double n = random.nextDouble();
        int count = n < 0.62 ? 1 : n < 0.92 ? 2 : n < 0.995 ? 3 : 4;
        String[] who = {"JEUGDIGE", "OUDERS", "SCHOOL", "PROFESSIONAL", "ANDERS"};
        double[] weights = {age >= 16 ? 0.85 : age >= 12 ? 0.45 : 0.18, 1.0, 0.10, 0.28, 0.001};
        return distinct(who, weights, count);
    }

    private int contacts(double u) {
        for (int i = 0; i < CONTACT_CUMULATIVE.length; i++) {
            if (u < CONTACT_CUMULATIVE[i]) {
                String value = CONTACT_VALUES[i];
                int dash = value.indexOf('-');
                if (dash < 0) {
                    return Integer.parseInt(value);
                }
                int from = Integer.parseInt(value.substring(0, dash));
                int to = Integer.parseInt(value.substring(dash + 1));
                double low = i == 0 ? 0 : CONTACT_CUMULATIVE[i - 1];
                return from + (int) ((u - low) / (CONTACT_CUMULATIVE[i] - low) * (to - from + 1));
            }
        }
        return 30;
    }

    /** {@code u} plus normal noise, reflected at 0 and 1: a uniform {@code u} stays uniform, so the marginals hold. */
    private double jitter(double u, double sd) {
        double q = u + random.nextGaussian() * sd;
        while (q < 0 || q >= 1) {
            q = q < 0 ? -q : 2 - q - 1e-9;
        }
        return q;
    }

    private static int duration(double q) {
        for (int i = 0; i < DURATION_CUMULATIVE.length; i++) {
            if (q < DURATION_CUMULATIVE[i]) {
                double low = i == 0 ? 0 : DURATION_CUMULATIVE[i - 1];
                int[] band = DURATION_BANDS[i];
                int days = band[0] + (int) ((q - low) / (DURATION_CUMULATIVE[i] - low) * (band[1] - band[0] + 1));
                return Math.min(days, band[1]);
            }
        }
        return DURATION_BANDS[DURATION_BANDS.length - 1][1];
    }

    /** Supporters work on weekdays: a weekend date moves back to Friday. */
    private static LocalDate weekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.minusDays(2);
            default -> date;
        };
    }

    /** {@code count} different values, each drawn with probability proportional to its weight. */
    private List<String> distinct(String[] values, double[] weights, int count) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            double total = 0;
            for (int i = 0; i < values.length; i++) {
                total += chosen.contains(values[i]) ? 0 : weights[i];
            }
            double r = random.nextDouble() * total;
            for (int i = 0; i < values.length; i++) {
                if (chosen.contains(values[i])) {
                    continue;
                }
                r -= weights[i];
                if (r < 0) {
                    chosen.add(values[i]);
                    break;
                }
            }
            if (r >= 0) {
                for (int i = values.length - 1; i >= 0; i--) { // rounding at the very end of the range
                    if (!chosen.contains(values[i]) && weights[i] > 0) {
                        chosen.add(values[i]);
                        break;
                    }
                }
            }
        }
        return new ArrayList<>(chosen);
    }

    /**
     * 0 (inclusive) to {@code bound} (exclusive). Unlike {@code Random.nextInt(bound)} it always uses the
     * same amount of randomness, so bounds that depend on today's date never shift the rest of the data.
     */
    private int below(int bound) {
        return (int) (random.nextDouble() * bound);
    }

    private void addIf(List<String> list, String value, double probability) {
        if (random.nextDouble() < probability) {
            list.add(value);
        }
    }

    private String pick(List<String> values) {
        return values.get(below(values.size()));
    }
}
