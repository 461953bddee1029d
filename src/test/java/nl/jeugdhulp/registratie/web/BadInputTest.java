package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.exchange.ExchangeColumns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 7: malformed and hostile values sent to every form and API. Each case must be refused with a
 * 4xx and a Dutch message (a field error on the re-shown form, the Dutch error page, or a JSON error),
 * never a 500, and must leave the data it aims at unchanged. A second test shows that hostile text
 * which is valid input is escaped on every page that shows it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BadInputTest {

    static final String HUGE = "x".repeat(100_000);
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String SQL = "'; DROP TABLE trajectory; --";
    static final String TOO_BIG_INT = "2147483648";
    static final String OVERFLOW = "1e309";
    static final String NO_SUCH_DAY = "2024-02-30";
    static final String DUTCH_ORDER = "31-13-2024";
    static final Pattern TOKEN = Pattern.compile("value=\"(jbh_[A-Za-z0-9_-]{43})\"");
    static final Pattern PUBLIC_LINK = Pattern.compile("/v/([A-Za-z0-9_-]{43})");
    static final AtomicInteger ADDRESS = new AtomicInteger(1);

    /** What a Dutch page or JSON error contains when it tells the user what is wrong. */
    static final List<String> DUTCH_MESSAGES = List.of("invalid-feedback", "alert-danger",
            "Het verzoek bevat ongeldige gegevens", "U heeft geen toegang", "bestaat niet, of u heeft er geen toegang",
            "Iemand anders heeft deze gegevens intussen gewijzigd");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;

    String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    String start = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(30).toString();
    String lastContact = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(20).toString();

    long pilot;
    long practice;
    long municipality;
    Supporter supporter;
    Supporter ojg;
    long trajectory;
    long leader;
    long admin;
    long otherUser;
    long foreignPilot;
    long foreignPractice;
    Supporter foreignSupporter;
    long foreignTrajectory;

    final List<Case> cases = new ArrayList<>();

    record Case(String name, RequestBuilder request, int status, String snapshot) {
    }

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        municipality = data.municipality();
        practice = data.practice(pilot, municipality);
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        ojg = data.supporter(pilot, "OJG", practice);
        trajectory = data.trajectory(supporter, practice, LocalDate.parse(start));
        jdbc.sql("INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (:t, 1, 'A102')")
                .param("t", trajectory).update();
        leader = data.projectLeader(pilot);
        admin = data.user(Role.BEHEERDER);
        otherUser = data.user(Role.ONDERZOEKER);
        foreignPilot = data.pilot();
        foreignPractice = data.practice(foreignPilot, data.municipality());
        foreignSupporter = data.supporter(foreignPilot, "OJG", foreignPractice);
        foreignTrajectory = data.trajectory(foreignSupporter, foreignPractice, LocalDate.parse(start));
    }

    // ---------------------------------------------------------------- helpers

    void add(String name, int status, String snapshot, RequestBuilder request) {
        cases.add(new Case(name, request, status, snapshot));
    }

    static MockHttpServletRequestBuilder params(MockHttpServletRequestBuilder request, Map<String, String> base,
                                                String... overrides) {
        Map<String, String> all = new LinkedHashMap<>(base);
        for (int i = 0; i < overrides.length; i += 2) {
            all.put(overrides[i], overrides[i + 1]);
        }
        all.forEach((k, v) -> {
            for (String value : v.split("\\|", -1)) {
                request.param(k, value);
            }
        });
        return request;
    }

    RequestPostProcessor as(long userId) {
        return principals.as(userId);
    }

    /** Each request from its own address so the questionnaire's per-address limiter never interferes. */
    static RequestPostProcessor freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return r -> {
            r.setRemoteAddr("10.77." + (n / 250) + "." + (n % 250 + 1));
            return r;
        };
    }

    String row(String table, long id) {
        return "SELECT coalesce((SELECT row_to_json(t)::text FROM " + table + " t WHERE id = " + id + "), 'geen')";
    }

    static String count(String table, String where) {
        return "SELECT count(*)::text FROM " + table + (where == null ? "" : " WHERE " + where);
    }

    String snapshot(String sql) {
        return sql == null ? null : jdbc.sql(sql).query(String.class).single();
    }

    Map<String, String> validTrajectory() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("practiceId", String.valueOf(practice));
        p.put("privateReference", "JV-7");
        p.put("birthMonth", "4");
        p.put("birthYear", "2012");
        p.put("gender", "V");
        p.put("startDate", start);
        p.put("helpRequest", "Angstig, wil niet naar school");
        p.put("capjCodes", "A102|E103");
        p.put("applicants", "OUDERS|SCHOOL");
        p.put("contacts", "2");
        p.put("lastContactDate", lastContact);
        return p;
    }

    String formToken() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    String publicToken() throws Exception {
        String page = mvc.perform(get("/profiel/vragenlijst").with(as(ojg.userId()))).andReturn().getResponse()
                .getContentAsString();
        Matcher m = PUBLIC_LINK.matcher(page);
        assertThat(m.find()).as("public questionnaire link on the supporter's page").isTrue();
        return m.group(1);
    }

    String apiToken(long userId) throws Exception {
        MvcResult created = mvc.perform(post("/account/tokens").with(as(userId)).with(csrf()).param("name", "bad input"))
                .andExpect(redirectedUrl("/account/tokens")).andReturn();
        String page = mvc.perform(get("/account/tokens").with(as(userId)).flashAttrs(created.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("new API token shown once").isTrue();
        return m.group(1);
    }

    final Map<Integer, String> errorPages = new HashMap<>();

    /** MockMvc does not forward a sendError to /error as the server does: render that page here. */
    String errorPage(int status) {
        return errorPages.computeIfAbsent(status, s -> {
            try {
                return mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, s)
                                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/trajecten"))
                        .andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs one case; returns what is wrong with the answer, or null. */
    String check(Case c) throws Exception {
        String before = snapshot(c.snapshot());
        MockHttpServletResponse response;
        try {
            response = mvc.perform(c.request()).andReturn().getResponse();
        } catch (Exception e) {
            // An exception no handler turned into an answer is a 500 on the real server.
            return c.name() + ": server error " + e;
        }
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("server error " + status);
        } else if (status != c.status()) {
            problems.add("status " + status + ", expected " + c.status());
        }
        boolean json = response.getContentType() != null && response.getContentType().contains("json");
        if (json) {
            if (!body.contains("\"error") && !body.contains("\"problemen\":[\"")) {
                problems.add("JSON answer without error message: " + abbreviate(body));
            }
        } else {
            String page = body.isBlank() ? errorPage(status) : body;
            if (DUTCH_MESSAGES.stream().noneMatch(page::contains)) {
                problems.add("no Dutch message in the answer: " + abbreviate(page));
            }
            if (page.contains(SCRIPT)) {
                problems.add("unescaped script in the answer");
            }
        }
        String after = snapshot(c.snapshot());
        if (!Objects.equals(before, after)) {
            problems.add("stored: " + abbreviate(before) + " -> " + abbreviate(after));
        }
        return problems.isEmpty() ? null : c.name() + " [" + status + "]: " + String.join("; ", problems);
    }

    static String abbreviate(String s) {
        return s == null || s.length() < 300 ? s : s.substring(0, 300) + "…";
    }

    // ---------------------------------------------------------------- the table

    @Test
    void everyFormAndApiRefusesBadInputWithoutStoringIt() throws Exception {
        trajectoryCases();
        profileCases();
        adminCases();
        accountCases();
        reportCases();
        exportAndImportCases();
        questionnaireCases();
        auditCases();
        costAssumptionCases();

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String failure = check(c);
            if (failure != null) {
                failures.add(failure);
            }
        }
        System.out.println("BadInputTest: " + cases.size() + " bad-input cases, " + failures.size() + " failed");
        assertThat(failures).as("cases that were not refused cleanly").isEmpty();
        assertThat(cases.size()).isGreaterThan(250);

        // The valid requests the bad cases were made from do go through: each case failed on its bad value.
        validRequestsTheCasesStartFromAreAccepted();
    }

    void accepted(String name, int status, String snapshot, RequestBuilder request) throws Exception {
        String before = snapshot(snapshot);
        int actual = mvc.perform(request).andReturn().getResponse().getStatus();
        assertThat(actual).as(name).isEqualTo(status);
        if (snapshot != null) {
            assertThat(snapshot(snapshot)).as(name + " stored").isNotEqualTo(before);
        }
    }

    void validRequestsTheCasesStartFromAreAccepted() throws Exception {
        long s = supporter.userId();
        Map<String, String> valid = validTrajectory();
        accepted("new trajectory", 302, count("trajectory", "supporter_id = " + supporter.id()),
                params(post("/trajecten").with(as(s)).with(csrf()), valid));
        accepted("close trajectory", 302, row("trajectory", trajectory), post("/trajecten/" + trajectory + "/afsluiten")
                .with(as(s)).with(csrf()).param("version", "0").param("endDate", today).param("outcome", "ZELF_AFGEROND")
                .param("contacts", "3"));
        long second = data.trajectory(supporter, practice, LocalDate.parse(start));
        accepted("edit trajectory", 302, row("trajectory", second),
                params(post("/trajecten/" + second).with(as(s)).with(csrf()), valid, "version", "0"));
        accepted("own profile", 302, "SELECT string_agg(row_to_json(p)::text, ',') FROM supporter_profile p"
                        + " WHERE supporter_id = " + supporter.id(), post("/profiel").with(as(s)).with(csrf())
                .param("functionType", "POH_JEUGD").param("education", "WO").param("experienceYears", "9")
                .param("profileVersion", "0"));
        accepted("new user", 302, count("app_user", null), post("/beheer/gebruikers/nieuw").with(as(admin)).with(csrf())
                .param("username", TestData.unique("nieuw").toLowerCase()).param("password", "lang-genoeg-wachtwoord-42")
                .param("role", "ONDERZOEKER"));
        accepted("new pilot", 302, count("pilot", null), post("/beheer/pilots/nieuw").with(as(admin)).with(csrf())
                .param("name", TestData.unique("Pilot ")).param("organisation", "Org"));
        accepted("new practice", 302, count("practice", null), post("/beheer/praktijken/nieuw").with(as(admin)).with(csrf())
                .param("name", TestData.unique("Praktijk ")).param("pilotId", String.valueOf(pilot))
                .param("municipalityId", String.valueOf(municipality)).param("numberOfGps", "3")
                .param("registeredPatients", "7000"));
        accepted("new supporter", 302, count("supporter", null), post("/beheer/ondersteuners/nieuw").with(as(admin))
                .with(csrf()).param("code", "P" + (int) (Math.random() * 100000)).param("pilotId", String.valueOf(pilot))
                .param("profile.functionType", "POH_JEUGD").param("practices[0].practiceId", String.valueOf(practice))
                .param("practices[0].selected", "true").param("practices[0].hours", "8"));
        String token = publicToken();
        String responses = count("questionnaire_response", "supporter_id = " + ojg.id());
        accepted("public questionnaire", 302, responses, post("/v/" + token + "/ouder").with(freshAddress()).with(csrf())
                .param("formToken", formToken()).param("understand", "8"));
        accepted("paper entry", 302, responses, post("/profiel/vragenlijst/papier/ouder").with(as(ojg.userId()))
                .with(csrf()).param("formToken", formToken()).param("understand", "8"));
        accepted("new cost assumption", 302, count("pilot_cost_assumption", "pilot_id = " + pilot),
                post("/samenvatting/aannames/" + pilot + "/nieuw").with(as(leader)).with(csrf())
                        .param("validFrom", "2026-01-01").param("amount", "2500").param("staffCost", "60000")
                        .param("housingCost", "5000"));
        accepted("report page", 200, null, get("/rapportage").with(as(leader)).param("jaar", "2026").param("periode", "T1"));
        accepted("export download", 200, null, get("/export/download").with(as(leader)).param("formaat", "ZIP"));
        accepted("audit view", 200, null, get("/beheer/audit/traject/" + trajectory).with(as(admin))
                .param("van", "2026-01-01").param("tot", today));
        accepted("password change", 302, row("app_user", otherUser), post("/account/wachtwoord").with(as(otherUser))
                .with(csrf()).param("currentPassword", TestData.PASSWORD).param("newPassword", "nieuw-lang-wachtwoord-7")
                .param("repeatPassword", "nieuw-lang-wachtwoord-7"));
    }

    // ---------------------------------------------------------------- valid text with a script in it

    @Test
    void validTextWithAScriptTagIsShownEscapedOnEveryPage() throws Exception {
        String reference = "<script>x</script>";
        String escapedReference = "&lt;script&gt;x&lt;/script&gt;";
        long s = supporter.userId();
        String capjVersion = jdbc.sql("SELECT version::text FROM capj_code WHERE code = 'D105'").query(String.class).single();
        String capjLabel = jdbc.sql("SELECT label FROM capj_code WHERE code = 'D105'").query(String.class).single();
        mvc.perform(post("/beheer/capj/D105").with(as(admin)).with(csrf()).param("label", SCRIPT)
                .param("version", capjVersion)).andExpect(redirectedUrl("/beheer/capj"));
        try {
            mvc.perform(params(post("/trajecten").with(as(s)).with(csrf()), validTrajectory(), "helpRequest", SCRIPT,
                    "privateReference", reference, "capjCodes", "A102|D105"));
            long id = jdbc.sql("SELECT max(id) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                    .query(Long.class).single();
            assertThat(jdbc.sql("SELECT help_request FROM trajectory WHERE id = :id").param("id", id)
                    .query(String.class).single()).as("valid text is stored as typed").isEqualTo(SCRIPT);
            mvc.perform(post("/beheer/pilots/" + pilot).with(as(admin)).with(csrf()).param("name", SCRIPT)
                    .param("organisation", SCRIPT).param("municipalityIds", String.valueOf(municipality))
                    .param("version", "0")).andExpect(redirectedUrl("/beheer/pilots"));
            mvc.perform(post("/beheer/praktijken/" + practice).with(as(admin)).with(csrf()).param("name", SCRIPT)
                    .param("pilotId", String.valueOf(pilot)).param("municipalityId", String.valueOf(municipality))
                    .param("numberOfGps", "3").param("registeredPatients", "7000").param("version", "0"))
                    .andExpect(redirectedUrl("/beheer/praktijken"));
            mvc.perform(post("/account/tokens").with(as(s)).with(csrf()).param("name", SCRIPT))
                    .andExpect(redirectedUrl("/account/tokens"));

            Map<String, RequestBuilder> pages = new LinkedHashMap<>();
            pages.put("trajectory view", get("/trajecten/" + id).with(as(s)));
            pages.put("trajectory edit form", get("/trajecten/" + id + "/bewerken").with(as(s)));
            pages.put("trajectory close form", get("/trajecten/" + id + "/afsluiten").with(as(s)));
            pages.put("trajectory delete confirmation", get("/trajecten/" + id + "/verwijderen").with(as(s)));
            pages.put("worklist", get("/trajecten").with(as(s)));
            pages.put("worklist searched for the script", get("/trajecten").with(as(s)).param("q", SCRIPT));
            pages.put("new trajectory form", get("/trajecten/nieuw").with(as(s)));
            pages.put("pilot list", get("/pilot/trajecten").with(as(leader)));
            pages.put("pilot trajectory view", get("/pilot/trajecten/" + id).with(as(leader)));
            pages.put("admin pilots", get("/beheer/pilots").with(as(admin)));
            pages.put("admin pilot form", get("/beheer/pilots/" + pilot).with(as(admin)));
            pages.put("admin practices", get("/beheer/praktijken").with(as(admin)));
            pages.put("admin practice form", get("/beheer/praktijken/" + practice).with(as(admin)));
            pages.put("admin supporters", get("/beheer/ondersteuners").with(as(admin)));
            pages.put("admin CAP-J list", get("/beheer/capj").with(as(admin)));
            pages.put("admin CAP-J form", get("/beheer/capj/D105").with(as(admin)));
            pages.put("API tokens", get("/account/tokens").with(as(s)));
            pages.put("report page", get("/rapportage").with(as(leader)).param("jaar", "2026").param("periode", "T1"));
            pages.put("export page", get("/export").with(as(leader)));
            int checked = 0;
            for (Map.Entry<String, RequestBuilder> page : pages.entrySet()) {
                MockHttpServletResponse response = mvc.perform(page.getValue()).andReturn().getResponse();
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                assertThat(response.getStatus()).as(page.getKey()).isEqualTo(200);
                assertThat(body).as(page.getKey()).doesNotContain(SCRIPT).doesNotContain(reference);
                assertThat(body.contains(ESCAPED) || body.contains(escapedReference)).as(page.getKey() + " shows the text")
                        .isTrue();
                checked++;
            }
            System.out.println("BadInputTest: script text checked escaped on " + checked + " pages");
        } finally {
            String version = jdbc.sql("SELECT version::text FROM capj_code WHERE code = 'D105'").query(String.class).single();
            mvc.perform(post("/beheer/capj/D105").with(as(admin)).with(csrf()).param("label", capjLabel)
                    .param("version", version)).andExpect(redirectedUrl("/beheer/capj"));
        }
    }

    void trajectoryCases() {
        long s = supporter.userId();
        String own = count("trajectory", "supporter_id = " + supporter.id());
        String mine = row("trajectory", trajectory);
        String theirs = row("trajectory", foreignTrajectory);
        Map<String, String> valid = validTrajectory();
        String[][] newBad = {
                {"birthYear", "abc"}, {"birthYear", OVERFLOW}, {"birthYear", "-1"}, {"birthMonth", "13"},
                {"birthMonth", TOO_BIG_INT}, {"startDate", NO_SUCH_DAY}, {"startDate", DUTCH_ORDER},
                {"startDate", "abc"}, {"lastContactDate", NO_SUCH_DAY}, {"registrationDate", SQL},
                {"contacts", "-1"}, {"contacts", TOO_BIG_INT}, {"contacts", OVERFLOW}, {"contacts", "abc"},
                {"helpRequest", HUGE}, {"privateReference", HUGE}, {"privateReference", SQL},
                {"privateReference", SCRIPT}, {"gender", SCRIPT}, {"gender", SQL}, {"capjCodes", SCRIPT},
                {"capjCodes", SQL}, {"applicants", SQL}, {"practiceId", String.valueOf(foreignPractice)},
                {"practiceId", "abc"}, {"practiceId", "-1"}, {"practiceId", "99999999999999999999"},
                {"diagnosisQuestion", "EERDERE_DIAGNOSE", "diagnosis", "ANDERS", "diagnosisOther", HUGE},
                {"applicants", "OUDERS|ANDERS", "applicantOther", HUGE},
                {"interventions", "ANDERS", "interventionOther", HUGE}, {"interventions", SCRIPT},
                {"capjCodes", "A101|A102|A103|A104|A201|A202"},
        };
        for (String[] bad : newBad) {
            add("new trajectory " + pairs(bad), 422, own,
                    params(post("/trajecten").with(as(s)).with(csrf()), valid, bad));
        }
        add("new trajectory without CSRF token", 403, own, params(post("/trajecten").with(as(s)), valid));

        Map<String, String> edit = new LinkedHashMap<>(valid);
        edit.put("version", "0");
        String[][] editBad = {
                {"version", "abc"}, {"version", TOO_BIG_INT}, {"startDate", NO_SUCH_DAY}, {"startDate", DUTCH_ORDER},
                {"contacts", OVERFLOW}, {"helpRequest", HUGE}, {"birthYear", SQL}, {"practiceId", String.valueOf(foreignPractice)},
        };
        for (String[] bad : editBad) {
            add("edit trajectory " + pairs(bad), 422, mine,
                    params(post("/trajecten/" + trajectory).with(as(s)).with(csrf()), edit, bad));
        }
        add("edit trajectory without CSRF token", 403, mine, params(post("/trajecten/" + trajectory).with(as(s)), edit));
        add("edit another pilot's trajectory", 404, theirs,
                params(post("/trajecten/" + foreignTrajectory).with(as(s)).with(csrf()), edit));
        add("edit trajectory id abc", 400, own, params(post("/trajecten/abc").with(as(s)).with(csrf()), edit));
        add("edit trajectory id beyond long", 400, own,
                params(post("/trajecten/99999999999999999999").with(as(s)).with(csrf()), edit));

        add("contact on another pilot's trajectory", 404, theirs,
                post("/trajecten/" + foreignTrajectory + "/contact").with(as(s)).with(csrf()));
        add("contact without CSRF token", 403, mine, post("/trajecten/" + trajectory + "/contact").with(as(s)));
        add("contact on trajectory id abc", 400, own, post("/trajecten/abc/contact").with(as(s)).with(csrf()));

        Map<String, String> close = Map.of("version", "0", "endDate", today, "outcome", "ZELF_AFGEROND",
                "contacts", "3");
        String[][] closeBad = {
                {"endDate", NO_SUCH_DAY}, {"endDate", DUTCH_ORDER}, {"endDate", "abc"}, {"outcome", SCRIPT},
                {"outcome", SQL}, {"contacts", OVERFLOW}, {"contacts", "-1"}, {"version", "abc"},
                {"outcome", "ANDERS", "otherReason", "ANDERS", "otherReasonText", HUGE},
                {"outcome", "VERWEZEN", "referralMoment", "NA_BEHANDELING", "destinations", "SGGZ", "chainPartner", HUGE},
                {"outcome", "VERWEZEN", "referralMoment", "NA_BEHANDELING", "destinations", SCRIPT},
                {"interventions", SQL}, {"interventions", "ANDERS", "interventionOther", HUGE},
                {"endDate", LocalDate.parse(start).minusDays(1).toString()}, {"contacts", "201"},
        };
        for (String[] bad : closeBad) {
            add("close trajectory " + pairs(bad), 422, mine,
                    params(post("/trajecten/" + trajectory + "/afsluiten").with(as(s)).with(csrf()), close, bad));
        }
        // The database allows a trajectory without CAP-J code (old or imported data); closing it was a 500.
        long withoutCapj = data.trajectory(supporter, practice, LocalDate.parse(start));
        add("close a trajectory without CAP-J code", 422, row("trajectory", withoutCapj),
                params(post("/trajecten/" + withoutCapj + "/afsluiten").with(as(s)).with(csrf()), close));
        add("close a trajectory without CAP-J code, endDate=" + NO_SUCH_DAY, 422, row("trajectory", withoutCapj),
                params(post("/trajecten/" + withoutCapj + "/afsluiten").with(as(s)).with(csrf()), close,
                        "endDate", NO_SUCH_DAY));
        add("close another pilot's trajectory", 404, theirs,
                params(post("/trajecten/" + foreignTrajectory + "/afsluiten").with(as(s)).with(csrf()), close));
        add("close without CSRF token", 403, mine,
                params(post("/trajecten/" + trajectory + "/afsluiten").with(as(s)), close));

        add("reopen with version abc", 400, mine,
                post("/trajecten/" + trajectory + "/heropenen").with(as(s)).with(csrf()).param("version", "abc"));
        add("reopen with version beyond int", 400, mine,
                post("/trajecten/" + trajectory + "/heropenen").with(as(s)).with(csrf()).param("version", TOO_BIG_INT));
        add("reopen without version", 400, mine, post("/trajecten/" + trajectory + "/heropenen").with(as(s)).with(csrf()));
        add("reopen another pilot's trajectory", 404, theirs,
                post("/trajecten/" + foreignTrajectory + "/heropenen").with(as(s)).with(csrf()).param("version", "0"));
        add("reopen without CSRF token", 403, mine,
                post("/trajecten/" + trajectory + "/heropenen").with(as(s)).param("version", "0"));

        add("delete with version abc", 400, own,
                post("/trajecten/" + trajectory + "/verwijderen").with(as(s)).with(csrf()).param("version", "abc"));
        add("delete with version " + OVERFLOW, 400, own,
                post("/trajecten/" + trajectory + "/verwijderen").with(as(s)).with(csrf()).param("version", OVERFLOW));
        add("delete another pilot's trajectory", 404, theirs,
                post("/trajecten/" + foreignTrajectory + "/verwijderen").with(as(s)).with(csrf()).param("version", "0"));
        add("delete without CSRF token", 403, own,
                post("/trajecten/" + trajectory + "/verwijderen").with(as(s)).param("version", "0"));

        add("worklist filter from=" + NO_SUCH_DAY, 400, null, get("/trajecten").with(as(s)).param("from", NO_SUCH_DAY));
        add("worklist filter outcome=" + SQL, 400, null, get("/trajecten").with(as(s)).param("outcome", SQL));
        add("worklist filter practice=abc", 400, null, get("/trajecten").with(as(s)).param("practice", "abc"));
        add("view another pilot's trajectory", 404, null, get("/trajecten/" + foreignTrajectory).with(as(s)));
        add("pilot list filter to=" + DUTCH_ORDER, 400, null,
                get("/pilot/trajecten").with(as(leader)).param("to", DUTCH_ORDER));
        add("pilot view of another pilot's trajectory", 404, null,
                get("/pilot/trajecten/" + foreignTrajectory).with(as(leader)));
    }

    void profileCases() {
        long s = supporter.userId();
        String profile = "SELECT string_agg(row_to_json(p)::text, ',' ORDER BY valid_from) FROM supporter_profile p"
                + " WHERE supporter_id = " + supporter.id();
        Map<String, String> valid = Map.of("functionType", "POH_JEUGD", "education", "WO", "experienceYears", "8",
                "profileVersion", "0");
        String[][] bad = {
                {"age", "abc"}, {"age", "-1"}, {"age", TOO_BIG_INT}, {"experienceYears", OVERFLOW},
                {"functionType", SCRIPT}, {"functionType", SQL}, {"educationOther", HUGE}, {"otherExperience", HUGE},
                {"hoursGpPractice", OVERFLOW}, {"hoursGpPractice", "-1"}, {"hoursInstitution", "abc"},
                {"registrationStart", NO_SUCH_DAY}, {"registrationEnd", DUTCH_ORDER}, {"salariedByGp", SQL},
                {"profileVersion", "abc"},
        };
        for (String[] b : bad) {
            add("own profile " + pairs(b), 422, profile,
                    params(post("/profiel").with(as(s)).with(csrf()), valid, b));
        }
        add("own profile without CSRF token", 403, profile, params(post("/profiel").with(as(s)), valid));
    }

    void adminCases() {
        long a = admin;
        String users = count("app_user", null);
        Map<String, String> newUser = Map.of("username", TestData.unique("nieuw").toLowerCase(), "password",
                "lang-genoeg-wachtwoord-42", "role", "ONDERZOEKER");
        String[][] userBad = {
                {"username", SCRIPT}, {"username", SQL}, {"username", HUGE}, {"password", HUGE}, {"role", SQL},
                {"role", SCRIPT}, {"pilotIds", "abc"}, {"pilotIds", TOO_BIG_INT + "0000000000"},
                {"municipalityIds", OVERFLOW}, {"supporterId", "abc"},
        };
        for (String[] b : userBad) {
            add("new user " + pairs(b), 422, users,
                    params(post("/beheer/gebruikers/nieuw").with(as(a)).with(csrf()), newUser, b));
        }
        add("new user without CSRF token", 403, users, params(post("/beheer/gebruikers/nieuw").with(as(a)), newUser));

        String user = row("app_user", otherUser);
        String userVersion = jdbc.sql("SELECT version::text FROM app_user WHERE id = :id").param("id", otherUser)
                .query(String.class).single();
        Map<String, String> editUser = Map.of("role", "ONDERZOEKER", "version", userVersion);
        String[][] editBad = {{"role", SQL}, {"version", "abc"}, {"pilotIds", "abc"},
                {"role", "PROJECTLEIDER", "pilotIds", "999999999"}, {"role", "GEMEENTE", "municipalityIds", OVERFLOW}};
        for (String[] b : editBad) {
            add("edit user " + pairs(b), 422, user,
                    params(post("/beheer/gebruikers/" + otherUser).with(as(a)).with(csrf()), editUser, b));
        }
        add("edit user id abc", 400, users, params(post("/beheer/gebruikers/abc").with(as(a)).with(csrf()), editUser));
        add("edit unknown user", 404, users,
                params(post("/beheer/gebruikers/999999999").with(as(a)).with(csrf()), editUser));
        add("reset password huge", 422, user, post("/beheer/gebruikers/" + otherUser + "/wachtwoord").with(as(a))
                .with(csrf()).param("password", HUGE));
        add("reset password without CSRF token", 403, user, post("/beheer/gebruikers/" + otherUser + "/wachtwoord")
                .with(as(a)).param("password", "lang-genoeg-wachtwoord-42"));
        add("block user without CSRF token", 403, user, post("/beheer/gebruikers/" + otherUser + "/blokkeren").with(as(a)));
        add("block unknown user", 404, users, post("/beheer/gebruikers/999999999/blokkeren").with(as(a)).with(csrf()));

        String pilots = count("pilot", null);
        Map<String, String> newPilot = Map.of("name", TestData.unique("Pilot "), "organisation", "Org");
        String[][] pilotBad = {
                {"name", HUGE}, {"organisation", HUGE}, {"startDate", NO_SUCH_DAY}, {"endDate", DUTCH_ORDER},
                {"municipalityIds", "abc"}, {"municipalityIds", "99999999999999999999"}, {"name", ""},
        };
        for (String[] b : pilotBad) {
            add("new pilot " + pairs(b), 422, pilots,
                    params(post("/beheer/pilots/nieuw").with(as(a)).with(csrf()), newPilot, b));
        }
        add("new pilot without CSRF token", 403, pilots, params(post("/beheer/pilots/nieuw").with(as(a)), newPilot));
        String pilotRow = row("pilot", pilot);
        Map<String, String> editPilot = Map.of("name", "Hernoemd", "version", "0");
        add("edit pilot version abc", 422, pilotRow,
                params(post("/beheer/pilots/" + pilot).with(as(a)).with(csrf()), editPilot, "version", "abc"));
        add("edit pilot startDate impossible", 422, pilotRow,
                params(post("/beheer/pilots/" + pilot).with(as(a)).with(csrf()), editPilot, "startDate", NO_SUCH_DAY));
        add("edit unknown pilot", 404, pilots,
                params(post("/beheer/pilots/999999999").with(as(a)).with(csrf()), editPilot));
        add("edit pilot id abc", 400, pilots, params(post("/beheer/pilots/abc").with(as(a)).with(csrf()), editPilot));

        String municipalities = count("municipality", null);
        Map<String, String> newMunicipality = Map.of("name", TestData.unique("Gemeente "), "cbsCode", "GM9999");
        String[][] municipalityBad = {{"cbsCode", SQL}, {"cbsCode", SCRIPT}, {"cbsCode", HUGE}, {"name", HUGE}};
        for (String[] b : municipalityBad) {
            add("new municipality " + pairs(b), 422, municipalities,
                    params(post("/beheer/gemeenten/nieuw").with(as(a)).with(csrf()), newMunicipality, b));
        }
        add("new municipality without CSRF token", 403, municipalities,
                params(post("/beheer/gemeenten/nieuw").with(as(a)), newMunicipality));
        add("edit municipality version abc", 422, row("municipality", municipality),
                params(post("/beheer/gemeenten/" + municipality).with(as(a)).with(csrf()),
                        Map.of("name", "Andere naam", "cbsCode", "GM9998"), "version", "abc"));

        String practices = count("practice", null);
        Map<String, String> newPractice = Map.of("name", TestData.unique("Praktijk "), "pilotId", String.valueOf(pilot),
                "municipalityId", String.valueOf(municipality), "numberOfGps", "3", "registeredPatients", "7000");
        String[][] practiceBad = {
                {"name", HUGE}, {"pilotId", "abc"}, {"pilotId", "999999999"}, {"municipalityId", "-1"},
                {"registeredPatients", TOO_BIG_INT}, {"registeredPatients", "-1"}, {"numberOfGps", OVERFLOW},
                {"numberOfGps", "abc"}, {"averageGpAge", SQL}, {"patientsUnder18", OVERFLOW},
        };
        for (String[] b : practiceBad) {
            add("new practice " + pairs(b), 422, practices,
                    params(post("/beheer/praktijken/nieuw").with(as(a)).with(csrf()), newPractice, b));
        }
        add("new practice without CSRF token", 403, practices,
                params(post("/beheer/praktijken/nieuw").with(as(a)), newPractice));
        add("edit practice version abc", 422, row("practice", practice),
                params(post("/beheer/praktijken/" + practice).with(as(a)).with(csrf()), newPractice, "version", "abc"));
        add("edit unknown practice", 404, practices,
                params(post("/beheer/praktijken/999999999").with(as(a)).with(csrf()), newPractice, "version", "0"));

        String supporters = count("supporter", null);
        Map<String, String> newSupporter = Map.of("code", "P" + (int) (Math.random() * 100000), "pilotId",
                String.valueOf(pilot), "profile.functionType", "POH_JEUGD");
        String[][] supporterBad = {
                {"code", SCRIPT}, {"code", SQL}, {"code", HUGE}, {"pilotId", "abc"}, {"pilotId", OVERFLOW},
                {"userId", "abc"}, {"profile.age", "abc"}, {"profile.experienceYears", TOO_BIG_INT},
                {"profile.registrationStart", NO_SUCH_DAY}, {"profile.functionType", SQL},
                {"practices[0].practiceId", "abc", "practices[0].selected", "true"},
                {"practices[0].practiceId", String.valueOf(practice), "practices[0].selected", "true",
                        "practices[0].hours", OVERFLOW},
                {"practices[0].practiceId", String.valueOf(foreignPractice), "practices[0].selected", "true",
                        "practices[0].hours", "8"},
        };
        for (String[] b : supporterBad) {
            add("new supporter " + pairs(b), 422, supporters,
                    params(post("/beheer/ondersteuners/nieuw").with(as(a)).with(csrf()), newSupporter, b));
        }
        add("new supporter without CSRF token", 403, supporters,
                params(post("/beheer/ondersteuners/nieuw").with(as(a)), newSupporter));
        add("edit unknown supporter", 404, supporters,
                params(post("/beheer/ondersteuners/999999999").with(as(a)).with(csrf()), newSupporter, "version", "0"));

        String capj = "SELECT count(*) || ':' || string_agg(code || '=' || label, ',' ORDER BY code) FROM capj_code";
        Map<String, String> newCode = Map.of("code", "E999", "label", "Nieuwe categorie");
        String[][] capjBad = {{"code", SQL}, {"code", SCRIPT}, {"code", HUGE}, {"label", HUGE}, {"label", ""}};
        for (String[] b : capjBad) {
            add("new CAP-J code " + pairs(b), 422, capj,
                    params(post("/beheer/capj/nieuw").with(as(a)).with(csrf()), newCode, b));
        }
        add("new CAP-J code without CSRF token", 403, capj, params(post("/beheer/capj/nieuw").with(as(a)), newCode));
        add("CAP-J label huge", 422, capj,
                post("/beheer/capj/A102").with(as(a)).with(csrf()).param("label", HUGE).param("version", "0"));
        add("CAP-J label version abc", 422, capj,
                post("/beheer/capj/A102").with(as(a)).with(csrf()).param("label", "Ander label").param("version", "abc"));
        add("CAP-J unknown code", 404, capj,
                post("/beheer/capj/Z999").with(as(a)).with(csrf()).param("label", "Ander label").param("version", "0"));
        add("CAP-J withdraw without CSRF token", 403, capj, post("/beheer/capj/A102/intrekken").with(as(a)));
    }

    void accountCases() {
        long u = otherUser;
        String user = row("app_user", u);
        Map<String, String> change = Map.of("currentPassword", TestData.PASSWORD, "newPassword", "nieuw-lang-wachtwoord-7",
                "repeatPassword", "nieuw-lang-wachtwoord-7");
        String[][] bad = {
                {"newPassword", HUGE}, {"repeatPassword", HUGE}, {"currentPassword", HUGE}, {"currentPassword", SQL},
        };
        for (String[] b : bad) {
            add("password change " + pairs(b), 422, user,
                    params(post("/account/wachtwoord").with(as(u)).with(csrf()), change, b));
        }
        add("password change without CSRF token", 403, user, params(post("/account/wachtwoord").with(as(u)), change));

        String tokens = count("api_token", "user_id = " + u);
        add("API token name huge", 422, tokens, post("/account/tokens").with(as(u)).with(csrf()).param("name", HUGE));
        add("API token name empty", 422, tokens, post("/account/tokens").with(as(u)).with(csrf()).param("name", ""));
        add("API token without CSRF token", 403, tokens, post("/account/tokens").with(as(u)).param("name", "script"));
        add("revoke API token id abc", 400, tokens, post("/account/tokens/abc/intrekken").with(as(u)).with(csrf()));
        add("revoke API token without CSRF token", 403, tokens, post("/account/tokens/1/intrekken").with(as(u)));
    }

    void reportCases() throws Exception {
        long l = leader;
        String[][] bad = {
                {"jaar", "abc"}, {"jaar", TOO_BIG_INT}, {"jaar", "-1"}, {"periode", SCRIPT}, {"periode", SQL},
                {"pilot", "abc"}, {"pilot", OVERFLOW}, {"pilot", String.valueOf(foreignPilot)},
                {"praktijk", String.valueOf(foreignPractice)}, {"ondersteuner", String.valueOf(foreignSupporter.id())},
                {"gemeente", "abc"}, {"functie", SQL}, {"van", NO_SUCH_DAY}, {"tot", DUTCH_ORDER},
        };
        for (String[] b : bad) {
            add("report page " + pairs(b), 400, null,
                    params(get("/rapportage").with(as(l)), Map.of("jaar", "2026", "periode", "T1"), b));
        }
        add("report page own period reversed", 400, null, get("/rapportage").with(as(l)).param("periode", "EIGEN")
                .param("van", "2026-03-01").param("tot", "2026-02-01"));
        add("report CSV periode=" + SQL, 400, null, get("/rapportage/tabel.csv").with(as(l)).param("tabel", "afronding")
                .param("periode", SQL));
        add("report workbook jaar=" + OVERFLOW, 400, null, get("/rapportage/export.xlsx").with(as(l)).param("jaar", OVERFLOW));

        String token = apiToken(l);
        for (String[] b : bad) {
            add("report API " + pairs(b), 400, null,
                    params(get("/api/v1/reports/trimester").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .accept(MediaType.APPLICATION_JSON), Map.of("jaar", "2026", "periode", "T1"), b));
        }
        add("report API with a hostile bearer token", 401, null, get("/api/v1/reports/trimester")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + SQL).accept(MediaType.APPLICATION_JSON));
    }

    void exportAndImportCases() throws Exception {
        long l = leader;
        String exports = count("audit_event", "user_id = " + l + " AND action = 'E'");
        String[][] bad = {
                {"formaat", SCRIPT}, {"formaat", SQL}, {"pilot", "abc"}, {"pilot", OVERFLOW},
                {"pilot", String.valueOf(foreignPilot)}, {"van", NO_SUCH_DAY}, {"tot", DUTCH_ORDER},
                {"van", "abc"}, {"vrijeTekst", SQL},
        };
        for (String[] b : bad) {
            int status = b[1].equals(String.valueOf(foreignPilot)) ? 404 : 400;
            add("export download " + pairs(b), status, exports,
                    params(get("/export/download").with(as(l)), Map.of("formaat", "ZIP"), b));
        }
        String token = apiToken(l);
        for (String[] b : bad) {
            int status = b[1].equals(String.valueOf(foreignPilot)) ? 404 : 400;
            add("export API " + pairs(b), status, exports,
                    params(get("/api/v1/exports").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .accept(MediaType.APPLICATION_JSON), Map.of("formaat", "ZIP"), b));
        }

        long s = supporter.userId();
        String own = count("trajectory", "supporter_id = " + supporter.id());
        add("import without a file", 400, own, multipart("/import").with(as(s)).with(csrf()));
        add("import of binary garbage", 400, own, multipart("/import").file(new MockMultipartFile("bestand", "x.csv",
                "text/csv", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 0})).with(as(s)).with(csrf()));
        add("import of a script as file", 400, own, multipart("/import").file(new MockMultipartFile("bestand",
                SCRIPT + ".csv", "text/csv", SCRIPT.getBytes(StandardCharsets.UTF_8))).with(as(s)).with(csrf()));
        add("import without CSRF token", 403, own, multipart("/import").file(new MockMultipartFile("bestand", "x.csv",
                "text/csv", "a,b\r\n".getBytes(StandardCharsets.UTF_8))).with(as(s)));
        add("import run of an unknown check", 400, own, post("/import/999999").with(as(s)).with(csrf()));
        add("import run with id abc", 400, own, post("/import/abc").with(as(s)).with(csrf()));
        // Import jobs are named by a text id: an unreadable one is simply unknown.
        add("import job page id abc", 404, own, get("/import/taak/abc").with(as(s)));
        add("import job page unknown id", 404, own, get("/import/taak/999999999").with(as(s)));
        add("import job status unknown id", 404, own, get("/import/taak/999999999/status").with(as(s))
                .accept(MediaType.APPLICATION_JSON));
        add("import job rejected rows id beyond long", 404, own, get("/import/taak/99999999999999999999/afgewezen")
                .with(as(s)));

        // POST /api/v1/imports: the same checks for scripts, answered in JSON.
        String supporterToken = apiToken(s);
        String header = String.join(",", ExchangeColumns.TRAJECTEN.stream().map(ExchangeColumns.Column::name).toList());
        String hostileRow = String.join(",", java.util.Collections.nCopies(ExchangeColumns.TRAJECTEN.size(),
                "\"" + SQL + SCRIPT + "\""));
        byte[] hostile = (header + "\r\n" + hostileRow + "\r\n" + hostileRow.replace(SQL, HUGE) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] simple = (header + "\r\n").getBytes(StandardCharsets.UTF_8);
        add("import API without a file", 400, own, importApi(supporterToken, null));
        add("import API of binary garbage", 400, own,
                importApi(supporterToken, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 0}));
        add("import API proef=" + SQL, 400, own, importApi(supporterToken, simple, "proef", SQL));
        add("import API modus=" + SCRIPT, 400, own, importApi(supporterToken, simple, "modus", SCRIPT));
        add("import API pilot=abc", 400, own, importApi(supporterToken, simple, "pilot", "abc"));
        add("import API pilot=" + OVERFLOW, 400, own, importApi(supporterToken, simple, "pilot", OVERFLOW));
        add("import API rows of scripts, SQL and huge text", 422, own, importApi(supporterToken, hostile));
        // "Valid rows only" with no valid row: nothing imported, so 422 with "geimporteerd": false and every problem.
        add("import API rows of scripts, valid rows only", 422, own,
                importApi(supporterToken, hostile, "modus", "geldig"));
        String leaderToken = apiToken(leader);
        add("import API for another pilot", 404, count("trajectory", null),
                importApi(leaderToken, simple, "pilot", String.valueOf(foreignPilot)));
    }

    static RequestBuilder importApi(String token, byte[] content, String... parameters) {
        var request = multipart("/api/v1/imports").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON);
        if (content != null) {
            request.file(new MockMultipartFile("bestand", "trajecten.csv", "text/csv", content));
        }
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    void costAssumptionCases() {
        long l = leader;
        String assumptions = count("pilot_cost_assumption", "pilot_id = " + pilot);
        Map<String, String> valid = Map.of("validFrom", "2026-01-01", "amount", "2500", "staffCost", "60000",
                "housingCost", "5000");
        String[][] bad = {
                {"validFrom", NO_SUCH_DAY}, {"validFrom", DUTCH_ORDER}, {"validFrom", SQL}, {"validFrom", ""},
                {"amount", "abc"}, {"amount", "-1"}, {"amount", OVERFLOW}, {"amount", HUGE.replace('x', '9')},
                {"amount", SCRIPT}, {"staffCost", TOO_BIG_INT + "00"}, {"staffCost", "-1"}, {"housingCost", SQL},
                {"housingCost", "1,005"}, {"version", "abc"},
        };
        for (String[] b : bad) {
            add("new cost assumption " + pairs(b), 422, assumptions,
                    params(post("/samenvatting/aannames/" + pilot + "/nieuw").with(as(l)).with(csrf()), valid, b));
        }
        add("new cost assumption without CSRF token", 403, assumptions,
                params(post("/samenvatting/aannames/" + pilot + "/nieuw").with(as(l)), valid));
        add("new cost assumption for another pilot", 404, count("pilot_cost_assumption", "pilot_id = " + foreignPilot),
                params(post("/samenvatting/aannames/" + foreignPilot + "/nieuw").with(as(l)).with(csrf()), valid));
        add("new cost assumption pilot id abc", 400, assumptions,
                params(post("/samenvatting/aannames/abc/nieuw").with(as(l)).with(csrf()), valid));
        add("edit unknown cost assumption", 404, assumptions,
                params(post("/samenvatting/aannames/" + pilot + "/999999999").with(as(l)).with(csrf()), valid,
                        "version", "0"));
        add("edit cost assumption id beyond long", 400, assumptions,
                params(post("/samenvatting/aannames/" + pilot + "/99999999999999999999").with(as(l)).with(csrf()),
                        valid, "version", "0"));
    }

    void questionnaireCases() throws Exception {
        String token = publicToken();
        String responses = count("questionnaire_response", "supporter_id = " + ojg.id());
        String[][] bad = {
                {"understand", "abc"}, {"understand", "11"}, {"understand", "-1"}, {"listen", TOO_BIG_INT},
                {"involve", OVERFLOW}, {"goal", HUGE}, {"remarks", HUGE}, {"goalAttainment", SQL},
                {"recommend", SCRIPT}, {"formToken", SQL}, {"formToken", HUGE}, {"formToken", ""},
        };
        for (String[] b : bad) {
            add("public questionnaire " + pairs(b), 422, responses,
                    params(post("/v/" + token + "/ouder").with(freshAddress()).with(csrf()),
                            Map.of("formToken", formToken(), "understand", "8"), b));
        }
        add("public questionnaire unknown link", 404, responses, post("/v/" + formToken() + "/ouder")
                .with(freshAddress()).with(csrf()).param("formToken", formToken()).param("understand", "8"));
        // The firewall refuses the semicolon in the path before any controller.
        add("public questionnaire link " + SQL, 400, responses, post("/v/{t}/ouder", SQL)
                .with(freshAddress()).with(csrf()).param("formToken", formToken()).param("understand", "8"));
        add("public questionnaire version " + SCRIPT, 404, responses, post("/v/{t}/{v}", token, SCRIPT)
                .with(freshAddress()).with(csrf()).param("formToken", formToken()).param("understand", "8"));
        add("public questionnaire without CSRF token", 403, responses, post("/v/" + token + "/ouder")
                .with(freshAddress()).param("formToken", formToken()).param("understand", "8"));

        for (String[] b : bad) {
            add("paper entry " + pairs(b), 422, responses,
                    params(post("/profiel/vragenlijst/papier/ouder").with(as(ojg.userId())).with(csrf()),
                            Map.of("formToken", formToken(), "understand", "8"), b));
        }
        add("paper entry unknown version", 404, responses, post("/profiel/vragenlijst/papier/kind")
                .with(as(ojg.userId())).with(csrf()).param("formToken", formToken()).param("understand", "8"));
        add("paper entry without CSRF token", 403, responses, post("/profiel/vragenlijst/papier/ouder")
                .with(as(ojg.userId())).param("formToken", formToken()).param("understand", "8"));
        String foreignResponses = count("questionnaire_response", "supporter_id = " + foreignSupporter.id());
        add("project leader's paper entry for another pilot's supporter", 404, foreignResponses,
                post("/pilot/vragenlijst/" + foreignSupporter.id() + "/papier/ouder").with(as(leader)).with(csrf())
                        .param("formToken", formToken()).param("understand", "8"));
        add("project leader's paper entry supporter id abc", 400, responses,
                post("/pilot/vragenlijst/abc/papier/ouder").with(as(leader)).with(csrf())
                        .param("formToken", formToken()).param("understand", "8"));
        add("project leader's paper entry understand=abc", 422, responses,
                post("/pilot/vragenlijst/" + ojg.id() + "/papier/ouder").with(as(leader)).with(csrf())
                        .param("formToken", formToken()).param("understand", "abc"));
    }

    void auditCases() {
        long a = admin;
        String viewed = count("audit_event", "user_id = " + a + " AND event_type LIKE 'AUDIT_TRAIL%'");
        String[][] bad = {
                {"van", NO_SUCH_DAY}, {"van", DUTCH_ORDER}, {"tot", "abc"}, {"van", SQL}, {"tot", SCRIPT},
                {"pagina", "abc"}, {"pagina", TOO_BIG_INT}, {"pagina", OVERFLOW},
        };
        for (String path : List.of("/beheer/audit/traject/" + trajectory, "/beheer/audit/gebruiker/" + supporter.userId(),
                "/beheer/audit/traject/" + trajectory + "/export.csv",
                "/beheer/audit/gebruiker/" + supporter.userId() + "/export.csv")) {
            for (String[] b : bad) {
                if (path.endsWith(".csv") && b[0].equals("pagina")) {
                    continue;
                }
                add("audit " + path.replaceAll("[0-9]+", "{id}") + " " + pairs(b), 400, viewed,
                        params(get(path).with(as(a)), Map.of(), b));
            }
            add("audit " + path.replaceAll("[0-9]+", "{id}") + " reversed period", 400, viewed,
                    get(path).with(as(a)).param("van", "2026-03-01").param("tot", "2026-02-01"));
        }
        add("audit trajectory id abc", 400, viewed, get("/beheer/audit/traject/abc").with(as(a)));
        add("audit user id beyond long", 400, viewed, get("/beheer/audit/gebruiker/99999999999999999999").with(as(a)));
    }

    static String pairs(String[] overrides) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < overrides.length; i += 2) {
            parts.add(overrides[i] + "=" + shortly(overrides[i + 1]));
        }
        return String.join(" ", parts);
    }

    static String shortly(String value) {
        return value.length() > 40 ? value.length() + " characters" : value.isEmpty() ? "(empty)" : value;
    }
}
