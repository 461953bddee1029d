package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.AccountService;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.exchange.ImportTestAccess;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix (issue 7): every endpoint of the application, as found in the handler
 * mappings, against every role, through the real security filter chains. {@link #TABLE} says per
 * endpoint which roles may call it; an endpoint without a line there, or a line without an endpoint,
 * fails {@link #everyEndpointHasExactlyOneLineInTheTable()}.
 *
 * <p>Per endpoint and role one request is made; for the roles that may call it, endpoints with an
 * object in the path (or a pilot in the query) are called with the role's own object and then with
 * each foreign one. Expected:
 * <ul>
 * <li>allowed: the security layer lets it through — no 401, 403, 404, 405, 5xx and no redirect to
 * the login page; a 400/409/422 for a deliberately incomplete form is fine;</li>
 * <li>denied: anonymous on a page is sent to {@code /login} (302), anonymous on {@code /api/**} gets
 * 401, a signed-in user of another role gets 403 (page or API token);</li>
 * <li>foreign object: exactly 404 — never 403 (that would confirm the object exists) nor 2xx/3xx.
 * For the administrator, who may reach every object, "foreign" is an id that does not exist.</li>
 * </ul>
 * Pages run as the role's account via {@link Principals}, with a CSRF token on POST; the API runs
 * with the role's bearer token. Two pilots are built once, each with its municipality, practice,
 * supporters and trajectories; pilot A's people are "own", pilot B's are foreign.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {

    enum Who { ANONYMOUS, PRAKTIJKONDERSTEUNER, PROJECTLEIDER, GEMEENTE, ONDERZOEKER, BEHEERDER }

    private static final Who ANON = Who.ANONYMOUS;
    private static final Who POH = Who.PRAKTIJKONDERSTEUNER;
    private static final Who PL = Who.PROJECTLEIDER;
    private static final Who GEM = Who.GEMEENTE;
    private static final Who ONZ = Who.ONDERZOEKER;
    private static final Who ADMIN = Who.BEHEERDER;
    private static final Who[] EVERYONE = Who.values();
    private static final Who[] SIGNED_IN = {POH, PL, GEM, ONZ, ADMIN};

    /** What a path variable or query parameter names; {@link #own} and {@link #foreign} give the ids per role. */
    enum Obj {
        /** A trajectory: the supporter's own, or (project leader) one of their pilot. */
        TRAJECTORY,
        /** Like TRAJECTORY, but a separate own trajectory: the delete really deletes it. */
        TRAJECTORY_TO_DELETE,
        /** A supporter of the project leader's pilot (admin: any supporter). */
        SUPPORTER,
        PILOT,
        MUNICIPALITY,
        PRACTICE,
        /** An account (administrator only); the own one is a spare account that gets blocked and reset. */
        USER,
        CAPJ_CODE,
        /** The role's own API token (revoked by the request); foreign is another user's token. */
        API_TOKEN,
        /** A supporter's public questionnaire link; foreign is a well-formed token that does not exist. */
        LINK,
        /** An existing trajectory of any supporter (administrator only); foreign is an id that does not exist. */
        EXISTING_TRAJECTORY,
        /** Any trajectory id: the audit trail answers for every id, also of deleted trajectories. */
        ANY_TRAJECTORY_ID,
        /** Any user id: the audit trail answers for every id, also of deleted accounts. */
        ANY_USER_ID,
        /** A questionnaire version ("jongere"/"ouder"): not an object, nothing foreign about it. */
        QUESTIONNAIRE_VERSION,
        /** An upload checked and waiting in the role's session; foreign is one in another user's session. */
        IMPORT_UPLOAD,
        /** The role's own import job; foreign is another user's job or an unknown id. */
        IMPORT_JOB,
        /** A cost assumption of pilot A; foreign is pilot B's (under pilot A's path) or an unknown id. */
        COST_ASSUMPTION,
        /** pdf, xlsx or csv: not an object. */
        SUMMARY_FORMAT
    }

    private static final String NO_SUCH_ID = "987654321";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** A valid registration form; {version} is the current version of the trajectory in the path. */
    private static final String[] TRAJECTORY_FORM = {"practiceId", "{practiceA}", "privateReference", "MX-1",
            "birthMonth", "4", "birthYear", "2012", "gender", "V", "startDate", "2026-03-01",
            "helpRequest", "Piekert veel", "capjCodes", "A102", "applicants", "OUDERS", "contacts", "2",
            "lastContactDate", "2026-03-08", "version", "{version}"};
    private static final String[] VERSION = {"version", "{version}"};
    private static final String[] REPORT = {"jaar", "2025", "periode", "T1"};
    private static final String[] REPORT_TABLE = {"jaar", "2025", "periode", "T1", "tabel", "afronding",
            "indeling", "FUNCTION_TYPE"};
    private static final String[] SUMMARY = {"van", "2026-01-01", "tot", "2026-06-30"};
    private static final String[] EXPORT = {"formaat", "ZIP", "van", "2026-01-01", "tot", "2026-12-31"};

    /**
     * The matrix: one line per endpoint (method and pattern exactly as mapped), the roles that may call
     * it, and what its path variables / query parameters stand for. POSTs send an empty form unless
     * {@code .form(...)} says otherwise: the security layer lets them through and validation answers.
     */
    private static final List<Endpoint> TABLE = List.of(
            // Open to everyone
            get("/login", EVERYONE),
            get("/privacy", EVERYONE),
            // Spring Boot's error controller, any method (called here with GET). Asked directly, without an
            // error to show, it is not found (web.DirectErrorRequests): the Dutch 404 page, never a 500.
            any("/error", EVERYONE).status(404),
            get("/v/{token}", EVERYONE).obj("token", Obj.LINK),
            get("/v/{token}/{version}", EVERYONE).obj("token", Obj.LINK).obj("version", Obj.QUESTIONNAIRE_VERSION),
            post("/v/{token}/{version}", EVERYONE).obj("token", Obj.LINK).obj("version", Obj.QUESTIONNAIRE_VERSION),
            get("/v/{token}/{version}/bedankt", EVERYONE).obj("token", Obj.LINK).obj("version", Obj.QUESTIONNAIRE_VERSION),

            // Every signed-in user
            get("/", SIGNED_IN),
            get("/account/wachtwoord", SIGNED_IN),
            post("/account/wachtwoord", SIGNED_IN),
            get("/account/tweede-factor", SIGNED_IN),
            post("/account/tweede-factor", SIGNED_IN),
            get("/account/tweede-factor/instellen", SIGNED_IN),
            post("/account/tweede-factor/instellen", SIGNED_IN),
            get("/registratiebestand", SIGNED_IN),
            get("/registratiebestand/sjabloon.xlsx", SIGNED_IN),

            // API tokens: whoever has a part of the API
            get("/account/tokens", POH, PL, ONZ, ADMIN),
            post("/account/tokens", POH, PL, ONZ, ADMIN),
            post("/account/tokens/{id}/intrekken", POH, PL, ONZ, ADMIN).obj("id", Obj.API_TOKEN),

            // The supporter: own trajectories, profile, questionnaire, import
            get("/trajecten", POH),
            get("/trajecten/nieuw", POH),
            post("/trajecten", POH),
            get("/trajecten/{id}", POH).obj("id", Obj.TRAJECTORY),
            get("/trajecten/{id}/bewerken", POH).obj("id", Obj.TRAJECTORY),
            get("/trajecten/{id}/geschiedenis", POH).obj("id", Obj.TRAJECTORY),
            post("/trajecten/{id}", POH).obj("id", Obj.TRAJECTORY).form(TRAJECTORY_FORM),
            post("/trajecten/{id}/contact", POH).obj("id", Obj.TRAJECTORY),
            get("/trajecten/{id}/afsluiten", POH).obj("id", Obj.TRAJECTORY),
            post("/trajecten/{id}/afsluiten", POH).obj("id", Obj.TRAJECTORY),
            post("/trajecten/{id}/heropenen", POH).obj("id", Obj.TRAJECTORY).form(VERSION),
            get("/trajecten/{id}/verwijderen", POH).obj("id", Obj.TRAJECTORY),
            post("/trajecten/{id}/verwijderen", POH).obj("id", Obj.TRAJECTORY_TO_DELETE).form(VERSION),
            get("/profiel", POH),
            get("/profiel/geschiedenis", POH),
            post("/profiel", POH),
            get("/profiel/vragenlijst", POH),
            get("/profiel/vragenlijst/kaart", POH),
            get("/profiel/vragenlijst/qr.svg", POH),
            get("/profiel/vragenlijst/papier/{version}", POH).obj("version", Obj.QUESTIONNAIRE_VERSION),
            post("/profiel/vragenlijst/papier/{version}", POH).obj("version", Obj.QUESTIONNAIRE_VERSION),
            // Import of a registration file: a supporter into their own registration, a project leader
            // into their pilot, the administrator into any pilot. {id} of /import/{id} is an upload kept
            // in the uploader's session: another session's upload is "no longer available" (400 with the
            // message to upload again), the same answer as an expired one, so nothing is revealed.
            get("/import", POH, PL, ADMIN),
            post("/import", POH, PL, ADMIN).file().query("pilot", Obj.PILOT),
            post("/import/{id}", POH, PL, ADMIN).obj("id", Obj.IMPORT_UPLOAD).foreignStatus(400),
            get("/import/taak/{id}", POH, PL, ADMIN).obj("id", Obj.IMPORT_JOB),
            get("/import/taak/{id}/status", POH, PL, ADMIN).obj("id", Obj.IMPORT_JOB),
            get("/import/taak/{id}/afgewezen", POH, PL, ADMIN).obj("id", Obj.IMPORT_JOB),

            // The project leader: their pilots
            get("/pilot/trajecten", PL),
            get("/pilot/trajecten/{id}", PL).obj("id", Obj.TRAJECTORY),
            get("/pilot/vragenlijst", PL),
            get("/pilot/vragenlijst/{supporterId}/papier/{version}", PL)
                    .obj("supporterId", Obj.SUPPORTER).obj("version", Obj.QUESTIONNAIRE_VERSION),
            post("/pilot/vragenlijst/{supporterId}/papier/{version}", PL)
                    .obj("supporterId", Obj.SUPPORTER).obj("version", Obj.QUESTIONNAIRE_VERSION),

            // Reports (within the role's scope) and the registration file export
            get("/rapportage", POH, PL, ADMIN).form(REPORT),
            get("/rapportage/tabel.csv", POH, PL, ADMIN).form(REPORT_TABLE),
            get("/rapportage/export.xlsx", POH, PL, ADMIN).form(REPORT),
            get("/export", PL, ONZ, ADMIN),
            get("/export/download", PL, ONZ, ADMIN).form(EXPORT).query("pilot", Obj.PILOT),

            // The municipal summary: a municipality sees the pilots serving it, a project leader their
            // pilots, the administrator all; the cost assumptions behind it only the latter two.
            get("/samenvatting", GEM, PL, ADMIN).form(SUMMARY).query("pilot", Obj.PILOT),
            get("/samenvatting/samenvatting.{format}", GEM, PL, ADMIN).obj("format", Obj.SUMMARY_FORMAT)
                    .form(SUMMARY).query("pilot", Obj.PILOT),
            get("/samenvatting/aannames", PL, ADMIN),
            get("/samenvatting/aannames/{pilotId}/nieuw", PL, ADMIN).obj("pilotId", Obj.PILOT),
            post("/samenvatting/aannames/{pilotId}/nieuw", PL, ADMIN).obj("pilotId", Obj.PILOT),
            get("/samenvatting/aannames/{pilotId}/{id}", PL, ADMIN).obj("pilotId", Obj.PILOT).obj("id", Obj.COST_ASSUMPTION),
            post("/samenvatting/aannames/{pilotId}/{id}", PL, ADMIN).obj("pilotId", Obj.PILOT).obj("id", Obj.COST_ASSUMPTION),

            // The JSON API (bearer tokens)
            get("/api/v1/reports/trimester", POH, PL, ADMIN).form(REPORT),
            get("/api/v1/exports", PL, ONZ, ADMIN).form(EXPORT).query("pilot", Obj.PILOT),
            post("/api/v1/imports", POH, PL, ADMIN).file().form("proef", "true").query("pilot", Obj.PILOT),

            // Administration
            get("/beheer", ADMIN),
            get("/beheer/pilots", ADMIN),
            get("/beheer/pilots/nieuw", ADMIN),
            post("/beheer/pilots/nieuw", ADMIN),
            get("/beheer/pilots/{id}", ADMIN).obj("id", Obj.PILOT),
            post("/beheer/pilots/{id}", ADMIN).obj("id", Obj.PILOT),
            get("/beheer/gemeenten", ADMIN),
            get("/beheer/gemeenten/nieuw", ADMIN),
            post("/beheer/gemeenten/nieuw", ADMIN),
            get("/beheer/gemeenten/{id}", ADMIN).obj("id", Obj.MUNICIPALITY),
            post("/beheer/gemeenten/{id}", ADMIN).obj("id", Obj.MUNICIPALITY),
            get("/beheer/praktijken", ADMIN),
            get("/beheer/praktijken/nieuw", ADMIN),
            post("/beheer/praktijken/nieuw", ADMIN),
            get("/beheer/praktijken/{id}", ADMIN).obj("id", Obj.PRACTICE),
            post("/beheer/praktijken/{id}", ADMIN).obj("id", Obj.PRACTICE),
            get("/beheer/ondersteuners", ADMIN),
            get("/beheer/ondersteuners/nieuw", ADMIN),
            post("/beheer/ondersteuners/nieuw", ADMIN),
            get("/beheer/ondersteuners/{id}", ADMIN).obj("id", Obj.SUPPORTER),
            post("/beheer/ondersteuners/{id}", ADMIN).obj("id", Obj.SUPPORTER),
            get("/beheer/ondersteuners/{id}/geschiedenis", ADMIN).obj("id", Obj.SUPPORTER),
            // The change history of any trajectory, reached from the audit trail.
            get("/beheer/trajecten/{id}/geschiedenis", ADMIN).obj("id", Obj.EXISTING_TRAJECTORY),
            get("/beheer/gebruikers", ADMIN),
            get("/beheer/gebruikers/nieuw", ADMIN),
            post("/beheer/gebruikers/nieuw", ADMIN),
            get("/beheer/gebruikers/{id}", ADMIN).obj("id", Obj.USER),
            post("/beheer/gebruikers/{id}", ADMIN).obj("id", Obj.USER),
            post("/beheer/gebruikers/{id}/blokkeren", ADMIN).obj("id", Obj.USER),
            post("/beheer/gebruikers/{id}/deblokkeren", ADMIN).obj("id", Obj.USER),
            post("/beheer/gebruikers/{id}/tweede-factor", ADMIN).obj("id", Obj.USER),
            get("/beheer/gebruikers/{id}/wachtwoord", ADMIN).obj("id", Obj.USER),
            post("/beheer/gebruikers/{id}/wachtwoord", ADMIN).obj("id", Obj.USER),
            get("/beheer/capj", ADMIN),
            get("/beheer/capj/nieuw", ADMIN),
            post("/beheer/capj/nieuw", ADMIN),
            get("/beheer/capj/{code}", ADMIN).obj("code", Obj.CAPJ_CODE),
            post("/beheer/capj/{code}", ADMIN).obj("code", Obj.CAPJ_CODE),
            post("/beheer/capj/{code}/intrekken", ADMIN).obj("code", Obj.CAPJ_CODE),
            post("/beheer/capj/{code}/heractiveren", ADMIN).obj("code", Obj.CAPJ_CODE),
            get("/beheer/audit", ADMIN),
            get("/beheer/audit/traject/{id}", ADMIN).obj("id", Obj.ANY_TRAJECTORY_ID),
            get("/beheer/audit/traject/{id}/export.csv", ADMIN).obj("id", Obj.ANY_TRAJECTORY_ID),
            get("/beheer/audit/gebruiker/{id}", ADMIN).obj("id", Obj.ANY_USER_ID),
            get("/beheer/audit/gebruiker/{id}/export.csv", ADMIN).obj("id", Obj.ANY_USER_ID));

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportTestAccess importAccess;

    private long pilotA;
    private long pilotB;
    private long municipalityA;
    private long practiceA;
    private long practiceB;
    private Supporter supporterA;
    private Supporter supporterB;
    private long trajectoryA;
    private long trajectoryA2;
    private long trajectoryB;
    private long trajectoryToDelete;
    private long assumptionA;
    private long assumptionB;
    private long spareUser;
    private String capjCode;
    private String linkA;
    private final Map<Who, Long> users = new EnumMap<>(Who.class);
    private final Map<Who, MockHttpSession> sessions = new EnumMap<>(Who.class);
    private final Map<Who, String> pendingUploads = new EnumMap<>(Who.class);
    private final Map<Who, String> importJobs = new EnumMap<>(Who.class);
    private String strangersUpload;
    private String strangersJob;
    private final Map<Who, RequestPostProcessor> logins = new EnumMap<>(Who.class);
    private final Map<Who, String> apiTokens = new EnumMap<>(Who.class);
    private final Map<Who, Long> revocableTokens = new EnumMap<>(Who.class);
    private long strangersToken;

    @BeforeAll
    void twoPilots() throws Exception {
        pilotA = data.pilot();
        pilotB = data.pilot();
        municipalityA = data.municipality();
        long municipalityB = data.municipality();
        while (municipalityB == municipalityA) { // TestData picks a random CBS code; a clash reuses the row
            municipalityB = data.municipality();
        }
        practiceA = data.practice(pilotA, municipalityA);
        practiceB = data.practice(pilotB, municipalityB);
        supporterA = data.supporter(pilotA, "POH_JEUGD", practiceA);
        Supporter colleagueA = data.supporter(pilotA, "OJG", practiceA);
        supporterB = data.supporter(pilotB, "POH_JEUGD", practiceB);
        LocalDate start = LocalDate.of(2026, 3, 1);
        trajectoryA = data.trajectory(supporterA, practiceA, start);
        trajectoryToDelete = data.trajectory(supporterA, practiceA, start);
        trajectoryA2 = data.trajectory(colleagueA, practiceA, start);
        trajectoryB = data.trajectory(supporterB, practiceB, start);

        users.put(POH, supporterA.userId());
        users.put(PL, data.projectLeader(pilotA));
        long municipal = data.user(Role.GEMEENTE);
        accounts.replaceScope(municipal, List.of(), List.of(municipalityA));
        users.put(GEM, municipal);
        users.put(ONZ, data.user(Role.ONDERZOEKER));
        users.put(ADMIN, data.user(Role.BEHEERDER));
        spareUser = data.user(Role.ONDERZOEKER);
        users.forEach((who, id) -> logins.put(who, principals.as(id)));
        users.forEach((who, id) -> sessions.put(who, new MockHttpSession()));

        // Made straight in the table (only the hash is stored), so the GEMEENTE account, which may
        // not make tokens on the page, can knock on the API's door too.
        users.forEach((who, id) -> apiTokens.put(who, token(id, "matrix api")));
        for (Who who : List.of(POH, PL, ONZ, ADMIN)) {
            token(users.get(who), "matrix revoke");
            revocableTokens.put(who, tokenId(users.get(who), "matrix revoke"));
        }
        token(supporterB.userId(), "stranger");
        strangersToken = tokenId(supporterB.userId(), "stranger");

        linkA = randomToken();
        jdbc.sql("INSERT INTO questionnaire_link (supporter_id, token) VALUES (:s, :t)")
                .param("s", supporterA.id()).param("t", linkA).update();
        assumptionA = costAssumption(pilotA);
        assumptionB = costAssumption(pilotB);
        capjCode = jdbc.sql("""
                        SELECT 'E' || n FROM generate_series(900, 999) n
                         WHERE NOT EXISTS (SELECT 1 FROM capj_code WHERE code = 'E' || n) ORDER BY n LIMIT 1""")
                .query(String.class).single();
        jdbc.sql("INSERT INTO capj_code (code, axis, level, label, sort_order) VALUES (:c, 'E', 'GROEP', 'Matrixtest', 999)")
                .param("c", capjCode).update();

        // Each role that imports has run one import (its job, with a rejected row) and has one
        // checked upload waiting in its session; so has supporter B, the stranger.
        for (Who who : List.of(POH, PL, ADMIN)) {
            RequestPostProcessor login = logins.get(who);
            MockHttpSession session = sessions.get(who);
            importJobs.put(who, runImport(upload(login, session, who == POH ? null : pilotA, supporterA), login, session));
            pendingUploads.put(who, upload(login, session, who == POH ? null : pilotA, supporterA));
        }
        RequestPostProcessor stranger = principals.as(supporterB.userId());
        MockHttpSession strangersSession = new MockHttpSession();
        strangersJob = runImport(upload(stranger, strangersSession, null, supporterB), stranger, strangersSession);
        strangersUpload = upload(stranger, strangersSession, null, supporterB);
    }

    private long costAssumption(long pilot) {
        return jdbc.sql("""
                        INSERT INTO pilot_cost_assumption (pilot_id, valid_from, amount_per_trajectory, staff_cost_per_year,
                                                           housing_cost_per_year)
                        VALUES (:p, DATE '2026-01-01', 1200, 60000, 5000) RETURNING id""")
                .param("p", pilot).query(Long.class).single();
    }

    /** Uploads the supporter's registration file and answers the id of the checked upload. */
    private String upload(RequestPostProcessor login, MockHttpSession session, Long pilot, Supporter supporter)
            throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = multipart("/import")
                .file(new MockMultipartFile("bestand", "trajecten.csv", "text/csv", importFile(supporter)))
                .with(login).with(csrf()).session(session);
        if (pilot != null) {
            request.param("pilot", String.valueOf(pilot));
        }
        MvcResult checked = mvc.perform(request).andReturn();
        assertThat(checked.getResponse().getStatus()).as(checked.getResponse().getContentAsString()).isEqualTo(200);
        return (String) checked.getModelAndView().getModel().get("uploadId");
    }

    /** Imports the valid rows of a checked upload and answers the finished job's id. */
    private String runImport(String uploadId, RequestPostProcessor login, MockHttpSession session) throws Exception {
        MvcResult started = mvc.perform(request(HttpMethod.POST, "/import/" + uploadId).param("alleenGeldig", "true")
                .with(login).with(csrf()).session(session)).andReturn();
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).as(started.getResponse().getContentAsString()).startsWith("/import/taak/");
        String jobId = location.substring("/import/taak/".length());
        importAccess.await(jobId);
        return jobId;
    }

    /** Two rows for the supporter: one valid, one with a bad gender (so the job has a rejected-rows file). */
    private byte[] importFile(Supporter supporter) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT s.code, p.name FROM supporter s JOIN supporter_practice sp ON sp.supporter_id = s.id
                          JOIN practice p ON p.id = sp.practice_id WHERE s.id = :s""")
                .param("s", supporter.id()).query().singleRow();
        String start = row.get("code") + ";" + row.get("name") + ";";
        return (IMPORT_HEADER + "\r\n"
                + "M1;" + start + "2012;4;V;28-8-2025;1-9-2025;Angstig;A-102;;0;1;0;0;0;2;1;0;\r\n"
                + "M2;" + start + "2011;1;Q;;5-9-2025;Boos;A-102;;0;1;0;0;0;3;;;\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final String IMPORT_HEADER = "bron_id;Professional;praktijk;geboortejaar;GeboorteMaand;geslacht;"
            + "aanmelddatum;STARTDATUM;hulpvraag;capj_1;capj_2;aanmelder_jeugdige;aanmelder_ouders;"
            + "aanmelder_school;aanmelder_professional;aanmelder_anders;Aantal-Contacten;interventie triage;"
            + "interventie_psycho_educatie;opmerking";

    // --- the table must describe exactly the application's endpoints ---

    @Test
    void everyEndpointHasExactlyOneLineInTheTable() {
        Set<String> mapped = mappedEndpoints();
        Set<String> listed = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Endpoint endpoint : TABLE) {
            if (!listed.add(endpoint.key())) {
                duplicates.add(endpoint.key());
            }
        }
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(mapped);
        // Every path variable says what it stands for, so no id goes unchecked by accident.
        List<String> unexplained = new ArrayList<>();
        for (Endpoint endpoint : TABLE) {
            Matcher m = VARIABLE.matcher(endpoint.pattern);
            while (m.find()) {
                if (!endpoint.objects.containsKey(m.group(1))) {
                    unexplained.add(endpoint.key() + " {" + m.group(1) + "}");
                }
            }
        }
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing).as("endpoints without a line in AuthorisationMatrixTest.TABLE").isEmpty();
            softly.assertThat(stale).as("lines in AuthorisationMatrixTest.TABLE without an endpoint").isEmpty();
            softly.assertThat(duplicates).as("endpoints listed twice in AuthorisationMatrixTest.TABLE").isEmpty();
            softly.assertThat(unexplained).as("path variables without an Obj in AuthorisationMatrixTest.TABLE").isEmpty();
        });
    }

    /** "GET /path/{id}" for every pattern and HTTP method of every request mapping. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("ANY");
                }
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    // --- the matrix itself ---

    @Test
    void everyRoleReachesExactlyItsOwnEndpointsAndObjects() throws Exception {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Endpoint endpoint : TABLE) {
            for (Who who : Who.values()) {
                boolean allowed = endpoint.allowed.contains(who);
                Map<String, String> own = new LinkedHashMap<>();
                endpoint.objects.forEach((name, obj) -> own.put(name, own(obj, who, endpoint)));
                cases++;
                MvcResult result = perform(endpoint, who, own);
                String problem = allowed ? notAllowed(endpoint, result) : notDenied(endpoint, who, result);
                if (problem != null) {
                    failures.add(describe(endpoint, who, own, result, (allowed ? "should be allowed" : "should be denied")
                            + ", but " + problem));
                }
                if (!allowed) {
                    continue;
                }
                for (Map.Entry<String, Obj> object : endpoint.objects.entrySet()) {
                    for (String foreignId : foreign(object.getValue(), who)) {
                        Map<String, String> values = new LinkedHashMap<>(own);
                        values.put(object.getKey(), foreignId);
                        cases++;
                        MvcResult foreignResult = perform(endpoint, who, values);
                        int status = foreignResult.getResponse().getStatus();
                        if (status != endpoint.foreignStatus) {
                            failures.add(describe(endpoint, who, values, foreignResult, "a foreign " + object.getValue()
                                    + " should answer " + endpoint.foreignStatus + ", but answered " + status));
                        }
                    }
                }
            }
        }
        System.out.println("Authorisation matrix: " + cases + " cases");
        assertThat(failures).as("authorisation matrix, " + cases + " cases").isEmpty();
        // The foreign attempts changed nothing: pilot B's trajectory is still there, with its one contact.
        assertThat(jdbc.sql("SELECT contacts FROM trajectory WHERE id = :id").param("id", trajectoryB)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM api_token WHERE id = :id").param("id", strangersToken)
                .query(Boolean.class).single()).isTrue();
        // ... and the own ones did happen.
        assertThat(jdbc.sql("SELECT count(*) FROM trajectory WHERE id = :id").param("id", trajectoryToDelete)
                .query(Long.class).single()).isZero();
    }

    private MvcResult perform(Endpoint endpoint, Who who, Map<String, String> values) throws Exception {
        String path = endpoint.pattern;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        HttpMethod method = "ANY".equals(endpoint.method) ? HttpMethod.GET : HttpMethod.valueOf(endpoint.method);
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.file
                ? multipart(path).file(new MockMultipartFile("bestand", "trajecten.csv", "text/csv", importFile(supporterA)))
                : request(method, path);
        request.with(r -> {
            // Its own address, so the per-address limits never mix with other tests' requests.
            r.setRemoteAddr("10.7.7.7");
            return r;
        });
        for (int i = 0; i < endpoint.form.length; i += 2) {
            request.param(endpoint.form[i], placeholder(endpoint.form[i + 1], endpoint, values));
        }
        endpoint.query.forEach((name, obj) -> request.param(name, values.get(name)));
        if (method != HttpMethod.GET) {
            request.with(csrf());
        }
        if (who != ANON) {
            if (endpoint.api()) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + apiTokens.get(who));
            } else {
                request.with(logins.get(who)).session(sessions.get(who));
            }
        }
        MvcResult result = mvc.perform(request).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location != null && location.startsWith("/import/taak/")) {
            // An import was started: let it finish here rather than run on behind the next requests.
            importAccess.await(location.substring("/import/taak/".length()));
        }
        return result;
    }

    private String placeholder(String value, Endpoint endpoint, Map<String, String> values) {
        return switch (value) {
            case "{practiceA}" -> String.valueOf(practiceA);
            case "{version}" -> {
                String id = values.get("id");
                yield String.valueOf(jdbc.sql("SELECT coalesce(max(version), 0) FROM trajectory WHERE id = :id")
                        .param("id", Long.parseLong(id)).query(Integer.class).single());
            }
            default -> value;
        };
    }

    /** Null when the security layer let the request through; else what went wrong. */
    private static String notAllowed(Endpoint endpoint, MvcResult result) {
        int status = result.getResponse().getStatus();
        if (endpoint.status != null) {
            return status == endpoint.status ? null : "answered " + status + " instead of " + endpoint.status;
        }
        if (status == 401 || status == 403 || status == 404 || status == 405 || status >= 500) {
            return "answered " + status;
        }
        if (status / 100 == 3 && toLogin(result)) {
            return "was sent to the login page";
        }
        return null;
    }

    /** Null when the request was refused the way the application refuses it; else what went wrong. */
    private static String notDenied(Endpoint endpoint, Who who, MvcResult result) {
        int status = result.getResponse().getStatus();
        if (who == ANON && endpoint.api()) {
            return status == 401 ? null : "answered " + status + " instead of 401";
        }
        if (who == ANON) {
            return status == 302 && toLogin(result) ? null
                    : "answered " + status + " " + result.getResponse().getRedirectedUrl() + " instead of a redirect to /login";
        }
        return status == 403 ? null : "answered " + status + " instead of 403";
    }

    private static boolean toLogin(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return location != null && location.replaceFirst("^https?://[^/]+", "").startsWith("/login");
    }

    private static String describe(Endpoint endpoint, Who who, Map<String, String> values, MvcResult result,
                                   String problem) {
        return endpoint.key() + " " + values + " as " + who + ": " + problem;
    }

    // --- own and foreign objects per role ---

    /** The object the role may reach (for roles that may not call the endpoint: any real object). */
    private String own(Obj obj, Who who, Endpoint endpoint) {
        return switch (obj) {
            case TRAJECTORY, ANY_TRAJECTORY_ID -> String.valueOf(trajectoryA);
            case EXISTING_TRAJECTORY -> String.valueOf(trajectoryB);
            case TRAJECTORY_TO_DELETE -> String.valueOf(endpoint.allowed.contains(who) ? trajectoryToDelete : trajectoryA);
            case SUPPORTER -> String.valueOf(supporterA.id());
            case PILOT -> String.valueOf(pilotA);
            case MUNICIPALITY -> String.valueOf(municipalityA);
            case PRACTICE -> String.valueOf(practiceA);
            case USER -> String.valueOf(spareUser);
            case ANY_USER_ID -> String.valueOf(supporterA.userId());
            case CAPJ_CODE -> capjCode;
            case API_TOKEN -> String.valueOf(revocableTokens.getOrDefault(who, strangersToken));
            case LINK -> linkA;
            case QUESTIONNAIRE_VERSION -> "jongere";
            case IMPORT_UPLOAD -> pendingUploads.getOrDefault(who, strangersUpload);
            case IMPORT_JOB -> importJobs.getOrDefault(who, strangersJob);
            case COST_ASSUMPTION -> String.valueOf(assumptionA);
            case SUMMARY_FORMAT -> "csv";
        };
    }

    /** Objects of the same kind the role must not reach: each must answer 404. */
    private List<String> foreign(Obj obj, Who who) {
        return switch (obj) {
            // A colleague's in the same pilot and one in another pilot; a project leader sees the colleague's.
            case TRAJECTORY, TRAJECTORY_TO_DELETE -> who == POH
                    ? List.of(String.valueOf(trajectoryA2), String.valueOf(trajectoryB), NO_SUCH_ID)
                    : List.of(String.valueOf(trajectoryB), NO_SUCH_ID);
            case SUPPORTER -> who == PL ? List.of(String.valueOf(supporterB.id()), NO_SUCH_ID) : List.of(NO_SUCH_ID);
            // A supporter's import goes to their own registration: the pilot parameter means nothing there.
            // The municipality is served by pilot A only.
            case PILOT -> who == PL || who == GEM ? List.of(String.valueOf(pilotB), NO_SUCH_ID)
                    : who == POH ? List.of() : List.of(NO_SUCH_ID);
            case MUNICIPALITY, PRACTICE, USER, EXISTING_TRAJECTORY -> List.of(NO_SUCH_ID);
            case CAPJ_CODE -> List.of("E000");
            case API_TOKEN -> List.of(String.valueOf(strangersToken), NO_SUCH_ID);
            case LINK -> List.of(randomToken());
            case IMPORT_UPLOAD -> List.of(strangersUpload);
            case IMPORT_JOB -> List.of(strangersJob, UUID.randomUUID().toString());
            case COST_ASSUMPTION -> List.of(String.valueOf(assumptionB), NO_SUCH_ID);
            case ANY_TRAJECTORY_ID, ANY_USER_ID, QUESTIONNAIRE_VERSION, SUMMARY_FORMAT -> List.of();
        };
    }

    // --- data helpers ---

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 32 random bytes, URL-safe base64: the shape of API and questionnaire link tokens. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An API token for the user, stored as ApiTokens stores it (SHA-256 hex of the whole token). */
    private String token(long userId, String name) {
        String token = "jbh_" + randomToken();
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
            jdbc.sql("INSERT INTO api_token (user_id, name, token_hash) VALUES (:u, :n, :h)")
                    .param("u", userId).param("n", name).param("h", hash).update();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    private long tokenId(long userId, String name) {
        return jdbc.sql("SELECT id FROM api_token WHERE user_id = :u AND name = :n").param("u", userId).param("n", name)
                .query(Long.class).single();
    }

    // --- the table's line type ---

    private static Endpoint get(String pattern, Who... allowed) {
        return new Endpoint("GET", pattern, allowed);
    }

    /** A mapping without a method condition: it answers every HTTP method. */
    private static Endpoint any(String pattern, Who... allowed) {
        return new Endpoint("ANY", pattern, allowed);
    }

    private static Endpoint post(String pattern, Who... allowed) {
        return new Endpoint("POST", pattern, allowed);
    }

    static final class Endpoint {
        final String method;
        final String pattern;
        final Set<Who> allowed;
        /** Path variables and query parameters that name an object, in the order they are checked. */
        final Map<String, Obj> objects = new LinkedHashMap<>();
        final Map<String, Obj> query = new LinkedHashMap<>();
        String[] form = {};
        /** The exact status the allowed roles get, where the endpoint's answer is not a plain success. */
        Integer status;
        /** What a foreign object answers, where it is not the usual 404 (explained at the line). */
        int foreignStatus = 404;
        /** Sends the role's registration file as multipart field "bestand". */
        boolean file;

        Endpoint(String method, String pattern, Who... allowed) {
            this.method = method;
            this.pattern = pattern;
            this.allowed = allowed.length == 0 ? EnumSet.noneOf(Who.class) : EnumSet.copyOf(Arrays.asList(allowed));
        }

        Endpoint obj(String variable, Obj obj) {
            if (!pattern.contains("{" + variable + "}")) {
                throw new IllegalArgumentException(pattern + " has no {" + variable + "}");
            }
            objects.put(variable, obj);
            return this;
        }

        Endpoint query(String parameter, Obj obj) {
            objects.put(parameter, obj);
            query.put(parameter, obj);
            return this;
        }

        Endpoint foreignStatus(int status) {
            this.foreignStatus = status;
            return this;
        }

        Endpoint file() {
            this.file = true;
            return this;
        }

        Endpoint status(int status) {
            this.status = status;
            return this;
        }

        Endpoint form(String... nameValuePairs) {
            this.form = nameValuePairs;
            return this;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        String key() {
            return method + " " + pattern;
        }
    }
}
