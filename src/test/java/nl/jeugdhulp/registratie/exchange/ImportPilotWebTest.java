package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.Role;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Project leader and administrator imports of a whole pilot with the professionals sheet (profiles
 * and accounts), the job page and its owner, the API and the ZIP bomb guard.
 */
@SpringBootTest(properties = "app.import.max-unpacked-size=2MB")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ImportPilotWebTest {

    static final List<String> PROFESSIONALS = List.of("professional", "functie", "pilot", "leeftijd", "geslacht",
            "opleiding", "opleiding_anders", "ervaring_jaren", "loondienst_huisarts", "bekostiging",
            "uren_huisartsenpraktijk", "his", "registratie_start");
    static final List<String> TRAJECTEN = List.of("bron_id", "professional", "praktijk", "geboortejaar",
            "geboortemaand", "geslacht", "startdatum", "hulpvraag", "capj_1", "aanmelder_ouders", "aantal_contacten");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportJobs jobs;
    @Autowired
    JsonMapper json;

    long pilot;
    String pilotName;
    String practiceName;
    long leader;
    Supporter existing;
    String existingCode;
    String newCode1;
    String newCode2;
    String freeAccount;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        pilotName = jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", pilot).query(String.class).single();
        long practice = data.practice(pilot, data.municipality());
        practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
        leader = data.projectLeader(pilot);
        existing = data.supporter(pilot, "POH_JEUGD", practice);
        existingCode = code(existing.id());
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        newCode1 = "N1-" + suffix;
        newCode2 = "N2-" + suffix;
        freeAccount = data.username(data.user(Role.PRAKTIJKONDERSTEUNER));
        session = new MockHttpSession();
    }

    String code(long supporterId) {
        return jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", supporterId).query(String.class).single();
    }

    /** Four professionals (two new, one existing, one broken) and four trajectories (two valid). */
    byte[] pilotWorkbook() throws IOException {
        List<List<Object>> professionals = List.of(
                List.of(newCode1, "POH_JEUGD", pilotName, 41, "V", "HBO", "", 6, 1, "GEMEENTE", 16.5, 1, "2025-01-01"),
                List.of(newCode2, "OJG", "", 35, "M", "WO", "", 3, 0, "HUISARTS", 8, 0, ""),
                List.of(existingCode.toLowerCase(), "SOH_JGGZ", "", 30, "X", "WO", "", 9, "", "", "", "", ""),
                List.of("Q9-" + newCode1.substring(3), "DOKTER", "", 17, "V", "ANDERS", "", "", "", "", "", "", ""));
        List<List<Object>> trajecten = List.of(
                List.of("T1", newCode1, practiceName, 2012, 4, "V", "2025-09-01", "Angstig", "A-102", 1, 2),
                List.of("T2", existingCode, practiceName, 2010, 11, "M", "2025-09-03", "Somber", "A-102", 1, 1),
                List.of("T3", "Q9-" + newCode1.substring(3), practiceName, 2011, 1, "V", "2025-09-05", "Boos", "A-102", 1, 1),
                List.of("T4", "ONBEKEND9", practiceName, 2011, 1, "V", "2025-09-05", "Boos", "A-102", 1, 1));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("professionals", prepend(PROFESSIONALS, professionals));
        sheets.put("trajecten", prepend(TRAJECTEN, trajecten));
        return workbook(sheets);
    }

    static List<List<Object>> prepend(List<String> header, List<List<Object>> rows) {
        List<List<Object>> all = new java.util.ArrayList<>();
        all.add(List.copyOf(header));
        all.addAll(rows);
        return all;
    }

    static byte[] workbook(Map<String, List<List<Object>>> sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, List<List<Object>>> entry : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(entry.getKey());
                for (int r = 0; r < entry.getValue().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = entry.getValue().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object value = cells.get(c);
                        if (value instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (!"".equals(value)) {
                            row.createCell(c).setCellValue(String.valueOf(value));
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    MvcResult upload(RequestPostProcessor who, Long pilotId, String name, byte[] content) throws Exception {
        var request = multipart("/import").file(new MockMultipartFile("bestand", name, "application/octet-stream", content))
                .with(who).with(csrf()).session(session);
        if (pilotId != null) {
            request.param("pilot", String.valueOf(pilotId));
        }
        return mvc.perform(request).andReturn();
    }

    static ImportPlan plan(MvcResult result) {
        return (ImportPlan) result.getModelAndView().getModel().get("plan");
    }

    int trajectoriesOf(String code) {
        return jdbc.sql("SELECT count(*) FROM trajectory t JOIN supporter s ON s.id = t.supporter_id WHERE s.code = :c")
                .param("c", code).query(Integer.class).single();
    }

    @Test
    void projectLeaderImportsTheirPilotCreatingProfilesAndAccounts() throws Exception {
        RequestPostProcessor asLeader = principals.as(leader);
        MvcResult checked = upload(asLeader, pilot, "pilot.xlsx", pilotWorkbook());
        assertThat(checked.getResponse().getStatus()).isEqualTo(200);
        ImportPlan plan = plan(checked);
        assertThat(plan.newProfessionals()).isEqualTo(2);
        assertThat(plan.updatedProfessionals()).isEqualTo(1);
        assertThat(plan.rejectedProfessionals()).isEqualTo(1);
        assertThat(plan.newRows()).isEqualTo(2);
        assertThat(plan.rejectedRows()).isEqualTo(2);
        String broken = "Q9-" + newCode1.substring(3);
        assertThat(plan.problems()).containsExactly(
                "professionals, rij 5, kolom functie: \"DOKTER\" is geen geldige code; kies uit POH_JEUGD, SOH_JGGZ, OJG.",
                "professionals, rij 5, kolom leeftijd: De waarde is minstens 18.",
                "professionals, rij 5, kolom opleiding_anders: Vul in wat u bedoelt met anders.",
                "trajecten, rij 4, kolom professional: De professional " + broken + " is afgewezen (blad professionals, rij 5).",
                "trajecten, rij 5, kolom professional: De professional ONBEKEND9 staat niet op het blad professionals "
                        + "en is geen praktijkondersteuner van pilot " + pilotName + ".");
        assertThat(plan.withoutAccount()).extracting(ImportPlan.Professional::code).containsExactly(newCode1, newCode2);
        assertThat(trajectoriesOf(newCode1)).isZero();

        String uploadId = (String) checked.getModelAndView().getModel().get("uploadId");
        // A new professional needs an account: the check page comes back with the message beside the field.
        MvcResult noAccounts = mvc.perform(post("/import/" + uploadId).param("alleenGeldig", "true")
                .with(asLeader).with(csrf()).session(session)).andReturn();
        assertThat(noAccounts.getResponse().getStatus()).isEqualTo(422);
        assertThat(noAccounts.getResponse().getContentAsString())
                .contains("Kies een bestaand account of geef een gebruikersnaam voor een nieuw account.");

        String newUsername = "poh." + newCode1.toLowerCase();
        MvcResult started = mvc.perform(post("/import/" + uploadId).param("alleenGeldig", "true")
                        .param("account." + newCode1, newUsername).param("account." + newCode2, freeAccount)
                        .with(asLeader).with(csrf()).session(session))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = started.getResponse().getRedirectedUrl();
        String jobId = location.substring("/import/taak/".length());
        jobs.awaitFinished(jobId, Duration.ofMinutes(1));

        String page = mvc.perform(get(location).with(asLeader).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Geïmporteerd: 2 nieuw, 0 bijgewerkt.").contains(newUsername);
        String password = page.replaceAll("(?s).*" + java.util.regex.Pattern.quote(newUsername) + "</span>: <code>([^<]+)</code>.*", "$1");
        assertThat(password).hasSize(16);
        // The initial password is shown once only.
        assertThat(mvc.perform(get(location).with(asLeader).session(session)).andReturn().getResponse()
                .getContentAsString()).doesNotContain(password);

        Map<String, Object> account = jdbc.sql("""
                        SELECT u.role, u.must_change_password, s.pilot_id FROM supporter s JOIN app_user u ON u.id = s.user_id
                         WHERE s.code = :c""").param("c", newCode1).query().singleRow();
        assertThat(account).containsEntry("role", "PRAKTIJKONDERSTEUNER").containsEntry("must_change_password", true)
                .containsEntry("pilot_id", pilot);
        assertThat(jdbc.sql("SELECT u.username FROM supporter s JOIN app_user u ON u.id = s.user_id WHERE s.code = :c")
                .param("c", newCode2).query(String.class).single()).isEqualTo(freeAccount);
        Map<String, Object> profile = jdbc.sql("""
                        SELECT p.function_type, p.age, p.gender, p.education, p.salaried_by_gp, p.funding,
                               p.hours_gp_practice::text AS hours, p.uses_his, p.registration_start::text AS start
                          FROM supporter_profile p JOIN supporter s ON s.id = p.supporter_id WHERE s.code = :c""")
                .param("c", newCode1).query().singleRow();
        assertThat(profile).containsEntry("function_type", "POH_JEUGD")
                .containsEntry("gender", "V").containsEntry("education", "HBO").containsEntry("salaried_by_gp", true)
                .containsEntry("funding", "GEMEENTE").containsEntry("hours", "16.5").containsEntry("uses_his", true)
                .containsEntry("start", "2025-01-01");
        assertThat(((Number) profile.get("age")).intValue()).isEqualTo(41);
        // The existing supporter got a new dated profile row from today; the old one stays for reports.
        assertThat(jdbc.sql("""
                        SELECT string_agg(function_type || '@' || valid_from, ',' ORDER BY valid_from) FROM supporter_profile
                         WHERE supporter_id = :s""").param("s", existing.id()).query(String.class).single())
                .isEqualTo("POH_JEUGD@2015-01-01,SOH_JGGZ@" + LocalDate.now(ZoneId.of("Europe/Amsterdam")));
        assertThat(trajectoriesOf(newCode1)).isEqualTo(1);
        assertThat(trajectoriesOf(existingCode)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM supporter WHERE code = :c").param("c", broken).query(Integer.class).single())
                .isZero();
        // The new supporter now serves the practice named in their trajectory.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM supporter_practice sp JOIN supporter s ON s.id = sp.supporter_id
                         JOIN practice p ON p.id = sp.practice_id WHERE s.code = :c AND p.name = :p""")
                .param("c", newCode1).param("p", practiceName).query(Integer.class).single()).isEqualTo(1);

        String audit = jdbc.sql("""
                        SELECT action || ' ' || outcome || ' ' || pilot_id || ' ' || details FROM audit_event
                         WHERE event_type = 'TRAJECTORIES_IMPORTED' AND username = :u""")
                .param("u", data.username(leader)).query(String.class).single();
        assertThat(audit).isEqualTo("C SUCCESS " + pilot + " nieuw=2, bijgewerkt=0, afgewezen=2, bestand=pilot.xlsx, "
                + "professionals nieuw=2 bijgewerkt=1 afgewezen=1, nieuwe accounts=1");

        // The rejected rows come back as a ZIP with a CSV per sheet, the sheet's columns and the reason.
        MvcResult download = mvc.perform(get(location + "/afgewezen").with(asLeader).session(session))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("pilot-afgewezen.zip");
        Map<String, String> rejected = ImportTestAccess.unzipText(download.getResponse().getContentAsByteArray());
        assertThat(rejected).containsOnlyKeys("professionals.csv", "trajecten.csv");
        List<String> reden = List.of("reden");
        assertThat(csv(rejected.get("professionals.csv"))).containsExactly(
                concat(PROFESSIONALS, reden),
                List.of(broken, "DOKTER", "", "17", "V", "ANDERS", "", "", "", "", "", "", "",
                        "kolom functie: \"DOKTER\" is geen geldige code; kies uit POH_JEUGD, SOH_JGGZ, OJG.; "
                                + "kolom leeftijd: De waarde is minstens 18.; "
                                + "kolom opleiding_anders: Vul in wat u bedoelt met anders.; "
                                + "kolom account: Kies een bestaand account of geef een gebruikersnaam voor een nieuw account."));
        assertThat(csv(rejected.get("trajecten.csv"))).containsExactly(
                concat(TRAJECTEN, reden),
                List.of("T3", broken, practiceName, "2011", "1", "V", "2025-09-05", "Boos", "A-102", "1", "1",
                        "kolom professional: De professional " + broken + " is afgewezen (blad professionals, rij 5)."),
                List.of("T4", "ONBEKEND9", practiceName, "2011", "1", "V", "2025-09-05", "Boos", "A-102", "1", "1",
                        "kolom professional: De professional ONBEKEND9 staat niet op het blad professionals en is geen "
                                + "praktijkondersteuner van pilot " + pilotName + "."));
        // Each sheet is a valid import sheet again: the corrected ZIP can be uploaded as it is.
        assertThat(rejected.get("trajecten.csv")).endsWith("\r\n");
        String downloads = jdbc.sql("""
                        SELECT details FROM audit_event WHERE event_type = 'IMPORT_REJECTED_DOWNLOADED' AND username = :u""")
                .param("u", data.username(leader)).query(String.class).single();
        assertThat(downloads).isEqualTo("afgewezen=2, professionals afgewezen=1, bestand=pilot.xlsx");
    }

    static List<List<String>> csv(String text) throws IOException {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (var record : org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text))) {
            rows.add(record.toList());
        }
        return rows;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aJobBelongsToWhoStartedIt() throws Exception {
        RequestPostProcessor asSupporter = principals.as(existing.userId());
        String csv = "bron_id;praktijk;geboortejaar;geboortemaand;geslacht;startdatum;hulpvraag;capj_1;aanmelder_ouders;aantal_contacten\n"
                + "J1;" + practiceName + ";2012;4;V;2025-09-01;Angstig;A-102;1;2\n";
        MvcResult checked = upload(asSupporter, null, "trajecten.csv", csv.getBytes(StandardCharsets.UTF_8));
        String uploadId = (String) checked.getModelAndView().getModel().get("uploadId");
        String location = mvc.perform(post("/import/" + uploadId).with(asSupporter).with(csrf()).session(session))
                .andReturn().getResponse().getRedirectedUrl();
        jobs.awaitFinished(location.substring("/import/taak/".length()), Duration.ofMinutes(1));
        mvc.perform(get(location + "/status").with(asSupporter)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state").value("DONE"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.percent").value(100));
        RequestPostProcessor other = principals.as(data.supporter(pilot, "OJG").userId());
        mvc.perform(get(location).with(other)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/status").with(other)).andExpect(status().isNotFound());
        mvc.perform(get(location).with(principals.as(leader))).andExpect(status().isNotFound());
        assertThat(trajectoriesOf(existingCode)).isEqualTo(1);
    }

    @Test
    void aProjectLeaderCannotImportIntoAForeignPilot() throws Exception {
        long foreign = data.pilot();
        MvcResult result = upload(principals.as(leader), foreign, "pilot.xlsx", pilotWorkbook());
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM supporter WHERE code = :c").param("c", newCode1).query(Integer.class).single())
                .isZero();
        // Without a pilot choice and with two pilots, the page asks for one.
        long twoPilots = data.projectLeader(pilot, foreign);
        MvcResult noChoice = upload(principals.as(twoPilots), null, "pilot.xlsx", pilotWorkbook());
        assertThat(noChoice.getResponse().getStatus()).isEqualTo(400);
        assertThat(noChoice.getResponse().getContentAsString()).contains("Kies de pilot waarin u wilt importeren.");
    }

    @Test
    void anAdministratorImportsIntoAnyPilotAllOrNothing() throws Exception {
        RequestPostProcessor asAdmin = principals.newUser(Role.BEHEERDER);
        MvcResult checked = upload(asAdmin, pilot, "pilot.xlsx", pilotWorkbook());
        assertThat(plan(checked).problemCount()).isEqualTo(5);
        String uploadId = (String) checked.getModelAndView().getModel().get("uploadId");
        String location = mvc.perform(post("/import/" + uploadId).param("account." + newCode1, "adm." + newCode1.toLowerCase())
                        .param("account." + newCode2, freeAccount).with(asAdmin).with(csrf()).session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        jobs.awaitFinished(location.substring("/import/taak/".length()), Duration.ofMinutes(1));
        MvcResult done = mvc.perform(get(location).with(asAdmin).session(session)).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(422);
        assertThat(done.getResponse().getContentAsString()).contains("Er is niets geïmporteerd");
        // Nothing at all: no supporter, no account, no trajectory, no profile change.
        assertThat(jdbc.sql("SELECT count(*) FROM supporter WHERE code IN (:c)").param("c", List.of(newCode1, newCode2))
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", "adm." + newCode1.toLowerCase())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM supporter_profile WHERE supporter_id = :s").param("s", existing.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(trajectoriesOf(existingCode)).isZero();
    }

    @Test
    void aZipBombIsRefusedWithADutchMessage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("trajecten.csv"));
            zip.write("bron_id,startdatum\n".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1024 * 1024];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 5; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(50_000);
        MvcResult result = upload(principals.as(existing.userId()), null, "bom.zip", bytes.toByteArray());
        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(result.getResponse().getContentAsString()).contains("Het bestand is uitgepakt te groot (meer dan 2 MB).");
        assertThat(trajectoriesOf(existingCode)).isZero();
    }

    String token(long userId) throws Exception {
        String token = "jbh_test" + java.util.UUID.randomUUID();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash) VALUES (:u, 'test', :h)")
                .param("u", userId).param("h", hash).update();
        return token;
    }

    MvcResult api(String token, byte[] content, String... parameters) throws Exception {
        var request = multipart("/api/v1/imports")
                .file(new MockMultipartFile("bestand", "pilot.xlsx", "application/octet-stream", content))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void theApiImportsWithTheSameValidationAndScope() throws Exception {
        String token = token(leader);
        MvcResult dry = api(token, pilotWorkbook(), "proef", "true", "pilot", String.valueOf(pilot));
        assertThat(dry.getResponse().getStatus()).isEqualTo(200);
        JsonNode plan = json.readTree(dry.getResponse().getContentAsString());
        assertThat(plan.get("proef").asBoolean()).isTrue();
        // Without account choices every new professional is refused (rows 2, 3 and the broken row 5 as well),
        // and so is T1 of the first one: 5 + 1 account problems on professionals, 3 trajectories.
        assertThat(plan.get("nieuw").asInt()).isEqualTo(1);
        assertThat(plan.get("afgewezen").asInt()).isEqualTo(3);
        assertThat(plan.get("aantalProblemen").asInt()).isEqualTo(9);
        assertThat(plan.get("problemen").toString()).contains("professionals, rij 5, kolom account: Kies een bestaand account");
        assertThat(plan.get("problemen").get(0).asString()).isEqualTo(
                "professionals, rij 2, kolom account: Kies een bestaand account of geef een gebruikersnaam voor een nieuw account.");

        MvcResult refused = api(token, pilotWorkbook(), "pilot", String.valueOf(pilot),
                "account." + newCode1, "api." + newCode1.toLowerCase(), "account." + newCode2, freeAccount);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(json.readTree(refused.getResponse().getContentAsString()).get("geimporteerd").asBoolean()).isFalse();
        assertThat(trajectoriesOf(existingCode)).isZero();

        MvcResult written = api(token, pilotWorkbook(), "pilot", String.valueOf(pilot), "modus", "geldig",
                "account." + newCode1, "api." + newCode1.toLowerCase(), "account." + newCode2, freeAccount);
        assertThat(written.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = json.readTree(written.getResponse().getContentAsString());
        assertThat(body.get("geimporteerd").asBoolean()).isTrue();
        assertThat(body.get("nieuw").asInt()).isEqualTo(2);
        assertThat(body.get("professionals").get("nieuw").asInt()).isEqualTo(2);
        assertThat(body.get("nieuweAccounts").get(0).get("gebruikersnaam").asString()).isEqualTo("api." + newCode1.toLowerCase());
        assertThat(body.get("nieuweAccounts").get(0).get("wachtwoord").asString()).hasSize(16);
        assertThat(trajectoriesOf(newCode1)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT string_agg(outcome || ' ' || details, ' | ' ORDER BY id) FROM audit_event
                         WHERE event_type = 'TRAJECTORIES_IMPORTED' AND username = :u""")
                .param("u", data.username(leader)).query(String.class).single())
                .contains("FAILURE nieuw=0, bijgewerkt=0, afgewezen=2, bestand=pilot.xlsx").contains("via=api")
                .contains("SUCCESS nieuw=2, bijgewerkt=0, afgewezen=2, bestand=pilot.xlsx");

        MvcResult foreign = api(token, pilotWorkbook(), "pilot", String.valueOf(data.pilot()));
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        assertThat(foreign.getResponse().getContentAsString()).contains("buiten uw bereik");
        MvcResult garbage = api(token, "\u0000\u0001 geen bestand".getBytes(StandardCharsets.UTF_8), "pilot", String.valueOf(pilot));
        assertThat(garbage.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(garbage.getResponse().getContentAsString()).get("error").asString())
                .startsWith("Dit is geen CSV-bestand");
        MvcResult noToken = mvc.perform(multipart("/api/v1/imports")
                .file(new MockMultipartFile("bestand", "x.csv", "text/csv", new byte[] {1}))).andReturn();
        assertThat(noToken.getResponse().getStatus()).isEqualTo(401);
        String municipalToken = token(data.user(Role.GEMEENTE));
        assertThat(api(municipalToken, pilotWorkbook()).getResponse().getStatus()).isEqualTo(403);
    }

    /** Only trajecten, both naming a professional the pilot does not have: not one valid row. */
    byte[] noValidRows() throws IOException {
        return workbook(Map.of("trajecten", prepend(TRAJECTEN, List.of(
                List.of("V1", "ONBEKEND9", practiceName, 2012, 4, "V", "2025-09-01", "Angstig", "A-102", 1, 2),
                List.of("V2", "ONBEKEND9", practiceName, 2010, 11, "M", "2025-09-03", "Somber", "A-102", 1, 1)))));
    }

    @Test
    void onlyValidRowsWithoutAnyValidRowImportsNothingOnTheApi() throws Exception {
        MvcResult result = api(token(leader), noValidRows(), "pilot", String.valueOf(pilot), "modus", "geldig");
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        assertThat(body.get("geimporteerd").asBoolean()).isFalse();
        assertThat(body.get("nieuw").asInt()).isZero();
        assertThat(body.get("bijgewerkt").asInt()).isZero();
        assertThat(body.get("afgewezen").asInt()).isEqualTo(2);
        assertThat(body.get("aantalProblemen").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM trajectory t JOIN supporter s ON s.id = t.supporter_id WHERE s.pilot_id = :p")
                .param("p", pilot).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT outcome || ' ' || details FROM audit_event
                         WHERE event_type = 'TRAJECTORIES_IMPORTED' AND username = :u""")
                .param("u", data.username(leader)).query(String.class).single())
                .isEqualTo("FAILURE nieuw=0, bijgewerkt=0, afgewezen=2, bestand=pilot.xlsx, professionals nieuw=0 "
                        + "bijgewerkt=0 afgewezen=0, nieuwe accounts=0, niets geïmporteerd (geen geldige rijen), via=api");
    }

    @Test
    void onlyValidRowsWithoutAnyValidRowImportsNothingOnThePage() throws Exception {
        RequestPostProcessor asLeader = principals.as(leader);
        MvcResult checked = upload(asLeader, pilot, "pilot.xlsx", noValidRows());
        String uploadId = (String) checked.getModelAndView().getModel().get("uploadId");
        String location = mvc.perform(post("/import/" + uploadId).param("alleenGeldig", "true")
                        .with(asLeader).with(csrf()).session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        jobs.awaitFinished(location.substring("/import/taak/".length()), Duration.ofMinutes(1));
        MvcResult done = mvc.perform(get(location).with(asLeader).session(session)).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(422);
        assertThat(done.getResponse().getContentAsString())
                .contains("Er is niets geïmporteerd: het bestand heeft geen enkele geldige rij (2 rijen hebben problemen).")
                .doesNotContain("Geïmporteerd:").doesNotContain("afgewezen-download");
        // Nothing stored, so no rejected-rows file either: the problems are on the page.
        mvc.perform(get(location + "/afgewezen").with(asLeader).session(session)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM trajectory t JOIN supporter s ON s.id = t.supporter_id WHERE s.pilot_id = :p")
                .param("p", pilot).query(Integer.class).single()).isZero();
    }
}
