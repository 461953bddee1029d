package nl.jeugdhulp.registratie.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * 50 concurrent users for 5 minutes against the running demo (docs/performance.md, "Load test").
 * Most are supporters, each with an account of its own ({@link LoadAccounts}): log in with the
 * form and its CSRF token, open the worklist, register a trajectory, edit it and close it, every
 * POST with the token from the page it was sent from. One in ten is the project leader opening the
 * trimester report. Users think between pages ({@code load.pause.min}..{@code load.pause.max} ms),
 * as people do; redirects are not followed so each save is measured on its own.
 *
 * Before the measured minutes the same users do the same for {@code load.warmup} seconds, their
 * requests named "warm-up ...", which the summary leaves out.
 *
 * <p>System properties: load.users (50), load.duration (seconds, 300), load.warmup (seconds, 120),
 * load.port (18080), load.db.port (55433), load.pause.min/max (1000/3000 ms).
 */
public class RegistrationSimulation extends Simulation {

    static final int USERS = Integer.getInteger("load.users", 50);
    static final int LEADERS = Math.max(1, USERS / 10);
    static final int SUPPORTERS = USERS - LEADERS;
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("load.duration", 300));
    /** People do not all log in within the same second: 50 BCrypt checks at once only measure the ramp. */
    static final Duration RAMP = Duration.ofSeconds(Math.min(60, DURATION.toSeconds() / 4 + 1));
    static final Duration PAUSE_MIN = Duration.ofMillis(Integer.getInteger("load.pause.min", 1000));
    static final Duration PAUSE_MAX = Duration.ofMillis(Integer.getInteger("load.pause.max", 3000));
    /** Warm-up before the measured minutes (seconds; 0 for none). */
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("load.warmup", 120));
    /** Requests of the warm-up are named with this prefix; the summary leaves them out. */
    static final String WARM_UP_PREFIX = "warm-up ";
    /** The measured requests whose p95 must stay under 50 ms (saves and page views; not the report). */
    static final List<String> MEASURED = List.of("worklist", "new form", "create (save)", "view", "edit form",
            "edit (save)", "close form", "close (save)");

    HttpProtocolBuilder protocol = http
            .baseUrl("http://127.0.0.1:" + Integer.getInteger("load.port", 18080))
            .disableFollowRedirect()
            .acceptHeader("text/html")
            .acceptLanguageHeader("nl-NL")
            .userAgentHeader("Gatling load test");

    /** Login page, then the form POST with its CSRF token; success is a redirect to the home page. */
    static ChainBuilder login(String prefix) {
        return exec(
            http(prefix + "login page").get("/login")
                    .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")),
            http(prefix + "login").post("/login")
                    .formParam("username", "#{username}")
                    .formParam("password", LoadAccounts.PASSWORD)
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302), headerRegex("Location", "^(?:https?://[^/]+)?/$").exists()));
    }

    static ChainBuilder registerEditClose(String prefix) {
        return exec(
            http(prefix + "worklist").get("/trajecten").check(status().is(200)))
            .pause(PAUSE_MIN, PAUSE_MAX)
            .exec(http(prefix + "new form").get("/trajecten/nieuw").check(status().is(200),
                    css("input[name='_csrf']", "value").saveAs("csrf"),
                    css("#practiceId option", "value").findAll().saveAs("practiceOptions"),
                    css("input[name='capjCodes']", "value").saveAs("capj"),
                    css("#startDate", "value").saveAs("today")))
            .exec(session -> {
                List<Object> options = session.getList("practiceOptions");
                // A child of eleven: within the age rule whatever today is.
                int year = Integer.parseInt(session.getString("today").substring(0, 4));
                return session.set("practice", options.stream().map(String::valueOf).filter(o -> !o.isBlank()).findFirst().orElse(""))
                        .set("birthYear", String.valueOf(year - 11));
            })
            .pause(PAUSE_MIN, PAUSE_MAX)
            .exec(trajectoryFields(http(prefix + "create (save)").post("/trajecten"), "1")
                    .check(status().is(302), headerRegex("Location", "/trajecten/(\\d+)$").saveAs("id")))
            .exec(http(prefix + "view").get("/trajecten/#{id}").check(status().is(200)))
            .pause(PAUSE_MIN, PAUSE_MAX)
            .exec(http(prefix + "edit form").get("/trajecten/#{id}/bewerken").check(status().is(200),
                    css("input[name='_csrf']", "value").saveAs("csrf"),
                    css("input[name='version']", "value").saveAs("version")))
            .pause(PAUSE_MIN, PAUSE_MAX)
            .exec(trajectoryFields(http(prefix + "edit (save)").post("/trajecten/#{id}"), "2")
                    .formParam("version", "#{version}")
                    .check(status().is(302), headerRegex("Location", "/trajecten/\\d+$").exists()))
            .exec(http(prefix + "close form").get("/trajecten/#{id}/afsluiten").check(status().is(200),
                    css("input[name='_csrf']", "value").saveAs("csrf"),
                    css("input[name='version']", "value").saveAs("version")))
            .pause(PAUSE_MIN, PAUSE_MAX)
            .exec(http(prefix + "close (save)").post("/trajecten/#{id}/afsluiten")
                    .formParam("_csrf", "#{csrf}")
                    .formParam("version", "#{version}")
                    .formParam("endDate", "#{today}")
                    .formParam("outcome", "ZELF_AFGEROND")
                    .formParam("contacts", "3")
                    .formParam("interventions", "ONDERSTEUNENDE_GESPREKKEN")
                    .formParam("consultations", "HUISARTS")
                    .check(status().is(302), headerRegex("Location", "/trajecten/\\d+$").exists()))
            .exec(http(prefix + "view").get("/trajecten/#{id}").check(status().is(200)))
            .pause(PAUSE_MIN, PAUSE_MAX);
    }

    /** The fields a supporter fills in for a new registration (registration.md), as the form posts them. */
    private static HttpRequestActionBuilder trajectoryFields(HttpRequestActionBuilder request, String contacts) {
        return request
                .formParam("_csrf", "#{csrf}")
                .formParam("practiceId", "#{practice}")
                .formParam("privateReference", "load")
                .formParam("birthMonth", "5")
                .formParam("birthYear", "#{birthYear}")
                .formParam("gender", "V")
                .formParam("startDate", "#{today}")
                .formParam("helpRequest", "Zorgen over slapen en somberheid; ouders vragen advies.")
                .formParam("capjCodes", "#{capj}")
                .formParam("diagnosisQuestion", "GEEN")
                .formParam("applicants", "OUDERS")
                .formParam("contacts", contacts)
                .formParam("lastContactDate", "#{today}")
                .formParam("interventions", "ONDERSTEUNENDE_GESPREKKEN");
    }

    /** Supporters: log in, then register, edit and close trajectories for {@code duration}. */
    private ScenarioBuilder supporters(String prefix, Duration duration, AtomicInteger account) {
        return scenario(prefix + "supporter")
                .feed(accounts(SUPPORTERS, account))
                .exec(login(prefix))
                // A user whose login failed is counted once, not again for every page it could not open.
                .exitHereIfFailed()
                // A failed step ends that round (its error counted once); the user starts the next round.
                .during(duration).on(exitBlockOnFail().on(registerEditClose(prefix)));
    }

    /** Project leaders: log in, then open the trimester report every few seconds for {@code duration}. */
    private ScenarioBuilder leaders(String prefix, Duration duration) {
        return scenario(prefix + "project leader")
                .feed(Stream.generate(() -> Map.<String, Object>of("username", "projectleider")).iterator())
                .exec(login(prefix))
                .exitHereIfFailed()
                .during(duration).on(
                        exec(http(prefix + "report").get("/rapportage").check(status().is(200)))
                                .pause(PAUSE_MIN.multipliedBy(3), PAUSE_MAX.multipliedBy(3)));
    }

    private static Iterator<Map<String, Object>> accounts(int count, AtomicInteger next) {
        return Stream.generate(() -> Map.<String, Object>of("username",
                LoadAccounts.username(next.incrementAndGet()))).limit(count).iterator();
    }

    @Override
    public void before() {
        LoadAccounts.seed(SUPPORTERS);
    }

    {
        PopulationBuilder supporters = supporters("", DURATION, new AtomicInteger())
                .injectOpen(rampUsers(SUPPORTERS).during(RAMP));
        PopulationBuilder leaders = leaders("", DURATION).injectOpen(rampUsers(LEADERS).during(RAMP));
        if (!WARM_UP.isZero()) {
            // The same users and pages first, named "warm-up ..." and left out of the results: the measured
            // minutes start with the JIT past its first compilations, as on a server that has been running.
            supporters = supporters(WARM_UP_PREFIX, WARM_UP, new AtomicInteger())
                    .injectOpen(rampUsers(SUPPORTERS).during(RAMP)).andThen(supporters);
            leaders = leaders(WARM_UP_PREFIX, WARM_UP).injectOpen(rampUsers(LEADERS).during(RAMP)).andThen(leaders);
        }
        setUp(supporters, leaders)
                .protocols(protocol)
                .maxDuration(WARM_UP.plus(DURATION).plus(Duration.ofMinutes(3)))
                .assertions(Stream.concat(Stream.of(global().failedRequests().count().is(0L)),
                        MEASURED.stream().map(name -> details(name).responseTime().percentile(95.0).lt(50))).toList());
    }
}
