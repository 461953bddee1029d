package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A supporter imports their own trajecten file: dry run, all-or-nothing, valid rows only, re-import. */
@SpringBootTest(properties = "spring.servlet.multipart.max-file-size=200KB")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ImportWebTest {

    private static final String HEADER = "bron_id;Professional;praktijk;geboortejaar;GeboorteMaand;geslacht;"
            + "aanmelddatum;STARTDATUM;hulpvraag;capj_1;capj_2;aanmelder_jeugdige;aanmelder_ouders;"
            + "aanmelder_school;aanmelder_professional;aanmelder_anders;Aantal-Contacten;interventie triage;"
            + "interventie_psycho_educatie;opmerking";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ImportJobs jobs;

    Supporter supporter;
    String code;
    String practiceName;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        code = jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", supporter.id()).query(String.class).single();
        practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
        session = new MockHttpSession();
    }

    RequestPostProcessor asSupporter() {
        return user(users.loadUserByUsername(supporter.username()));
    }

    /** Three rows: two valid (one with a quoted line break), row 4 with a bad gender and too many contacts. */
    byte[] csv(String firstHelpRequest) {
        String text = "\uFEFF" + HEADER + "\r\n"
                + "R1;" + code + ";" + practiceName + ";2012;4;V;28-8-2025;1-9-2025;\"" + firstHelpRequest
                + ";\nwil niet naar school\";A-102;E-103;0;1;1;0;0;2;1;0;x\r\n"
                + "R2;;" + practiceName + ";2010;11;M;;2025-09-03;Somber;a102;;1;0;0;0;0;1;;;\r\n"
                + "R3;;" + practiceName + ";2011;1;Q;;5-9-2025;Boos;A-102;;0;1;0;0;0;500;;;\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    MvcResult upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", name, "text/csv", content))
                .with(asSupporter()).with(csrf()).session(session)).andReturn();
    }

    /** Starts the import job, waits for it and answers its result page; a refused start as it is. */
    MvcResult run(MvcResult checked, boolean validOnly) throws Exception {
        String id = (String) checked.getModelAndView().getModel().get("uploadId");
        MvcResult started = mvc.perform(post("/import/" + id).param("alleenGeldig", String.valueOf(validOnly))
                .with(asSupporter()).with(csrf()).session(session)).andReturn();
        if (started.getResponse().getStatus() != 302) {
            return started;
        }
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/import/taak/");
        jobId = location.substring("/import/taak/".length());
        jobs.awaitFinished(jobId, java.time.Duration.ofMinutes(2));
        return mvc.perform(get(location).with(asSupporter()).session(session)).andReturn();
    }

    String jobId;

    static ImportPlan plan(MvcResult result) {
        return (ImportPlan) result.getModelAndView().getModel().get("plan");
    }

    int trajectories() {
        return jdbc.sql("SELECT count(*) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                .query(Integer.class).single();
    }

    @Test
    void dryRunAllOrNothingValidOnlyAndReimport() throws Exception {
        MvcResult checked = upload("trajecten.csv", csv("Angstig"));
        assertThat(checked.getResponse().getStatus()).isEqualTo(200);
        ImportPlan plan = plan(checked);
        assertThat(plan.newRows()).isEqualTo(2);
        assertThat(plan.updatedRows()).isZero();
        assertThat(plan.rejectedRows()).isEqualTo(1);
        assertThat(plan.problems()).containsExactly(
                "trajecten, rij 4, kolom geslacht: \"Q\" is geen geldige code; kies uit M, V, X, ONBEKEND.",
                "trajecten, rij 4, kolom aantal_contacten: Het aantal contacten ligt tussen 0 en 200.");
        assertThat(plan.warnings()).containsExactly("trajecten, kolom opmerking: onbekende kolom, wordt genegeerd.");
        assertThat(checked.getResponse().getContentAsString()).contains("trajecten, rij 4, kolom geslacht");
        assertThat(trajectories()).isZero();

        MvcResult allOrNothing = run(checked, false);
        assertThat(allOrNothing.getResponse().getStatus()).isEqualTo(422);
        assertThat(allOrNothing.getResponse().getContentAsString()).contains("Er is niets geïmporteerd");
        assertThat(trajectories()).isZero();
        // The temp file is gone after use: the same id cannot be imported twice.
        assertThat(run(checked, true).getResponse().getStatus()).isEqualTo(400);

        MvcResult validOnly = run(upload("trajecten.csv", csv("Angstig")), true);
        assertThat(validOnly.getResponse().getStatus()).isEqualTo(200);
        assertThat(validOnly.getResponse().getContentAsString()).contains("Geïmporteerd: 2 nieuw, 0 bijgewerkt.");
        assertThat(trajectories()).isEqualTo(2);
        Map<String, Object> first = jdbc.sql("""
                        SELECT help_request, registration_date::text AS registered, applicants::text AS applicants,
                               interventions::text AS interventions, consultations
                          FROM trajectory WHERE supporter_id = :s AND source_id = 'R1'""")
                .param("s", supporter.id()).query().singleRow();
        assertThat(first.get("help_request")).isEqualTo("Angstig;\nwil niet naar school");
        assertThat(first.get("registered")).isEqualTo("2025-08-28");
        assertThat(first.get("applicants")).isEqualTo("{OUDERS,SCHOOL}");
        assertThat(first.get("interventions")).isEqualTo("{TRIAGE_SCREENING}");
        assertThat(first.get("consultations")).isNull();
        assertThat(jdbc.sql("SELECT string_agg(capj_code, ',' ORDER BY position) FROM trajectory_capj c "
                        + "JOIN trajectory t ON t.id = c.trajectory_id WHERE t.supporter_id = :s AND t.source_id = 'R1'")
                .param("s", supporter.id()).query(String.class).single()).isEqualTo("A102,E103");

        MvcResult download = mvc.perform(get("/import/taak/" + jobId + "/afgewezen").with(asSupporter()).session(session))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType()).isEqualTo("application/zip");
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("trajecten-afgewezen.zip");
        // Only the sheet with rejected rows; an own-registration import has no professionals sheet.
        Map<String, String> rejectedFiles = ImportTestAccess.unzipText(download.getResponse().getContentAsByteArray());
        assertThat(rejectedFiles).containsOnlyKeys("trajecten.csv");
        List<String> lines = rejectedFiles.get("trajecten.csv").lines().toList();
        assertThat(lines.get(0)).startsWith("bron_id,Professional,praktijk").endsWith(",opmerking,reden");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("R3,").contains("kolom geslacht: ").contains("kolom aantal_contacten: ");

        MvcResult again = upload("trajecten.csv", csv("Heel angstig"));
        assertThat(plan(again).newRows()).isZero();
        assertThat(plan(again).updatedRows()).isEqualTo(2);
        run(again, true);
        assertThat(trajectories()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT help_request FROM trajectory WHERE supporter_id = :s AND source_id = 'R1'")
                .param("s", supporter.id()).query(String.class).single()).startsWith("Heel angstig");

        List<String> audit = jdbc.sql("""
                        SELECT action || ' ' || outcome || ' ' || details FROM audit_event
                         WHERE event_type = 'TRAJECTORIES_IMPORTED' AND object_type = 'IMPORT' AND username = :u
                         ORDER BY id""")
                .param("u", supporter.username()).query(String.class).list();
        assertThat(audit).containsExactly(
                "C FAILURE nieuw=0, bijgewerkt=0, afgewezen=1, bestand=trajecten.csv, niets geïmporteerd (alles-of-niets)",
                "C SUCCESS nieuw=2, bijgewerkt=0, afgewezen=1, bestand=trajecten.csv",
                "U SUCCESS nieuw=0, bijgewerkt=2, afgewezen=1, bestand=trajecten.csv");
    }

    @Test
    void problemLinesFollowTheUsersLanguage() throws Exception {
        MvcResult checked = mvc.perform(multipart("/import")
                .file(new MockMultipartFile("bestand", "trajecten.csv", "text/csv", csv("Angstig")))
                .cookie(new jakarta.servlet.http.Cookie("taal", "en")).with(asSupporter()).with(csrf()).session(session))
                .andReturn();
        assertThat(plan(checked).problems()).hasSize(2).first().asString()
                .isEqualTo("trajecten, row 4, column geslacht: \"Q\" is not a valid code; choose from M, V, X, ONBEKEND.");
        assertThat(plan(checked).warnings()).containsExactly("trajecten, column opmerking: unknown column, ignored.");
        // Without the cookie: Dutch, as every test above.
        assertThat(plan(upload("trajecten.csv", csv("Angstig"))).problems().get(0)).startsWith("trajecten, rij 4, kolom geslacht:");
    }

    @Test
    void commaSeparatedFileReportsForeignCodeUnknownPracticeAndCapjPerColumn() throws Exception {
        String text = "bron_id,professional,praktijk,geboortejaar,geboortemaand,geslacht,startdatum,hulpvraag,"
                + "capj_1,capj_2,aanmelder_ouders,aantal_contacten,datum_laatste_contact\n"
                + "K1,P-ANDER,Nergens,2012,4,V,2025-09-01,Angstig,A-102,A-999,1,2,31-2-2025\n"
                + "\n";
        ImportPlan plan = plan(upload("trajecten.csv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.problems()).containsExactly(
                "trajecten, rij 2, kolom professional: Leeg laten of uw eigen code " + code
                        + " invullen; u kunt alleen uw eigen registratie importeren.",
                "trajecten, rij 2, kolom praktijk: Praktijk \"Nergens\" is niet een van uw praktijken.",
                "trajecten, rij 2, kolom datum_laatste_contact: \"31-2-2025\" is geen datum; schrijf JJJJ-MM-DD of D-M-JJJJ.",
                "trajecten, rij 2, kolom capj_2: CAP-J-code A999 bestaat niet.");
        assertThat(plan.newRows()).isZero();
    }

    @Test
    void reimportKeepsThePrivateReference() throws Exception {
        run(upload("trajecten.csv", csv("Angstig")), true);
        jdbc.sql("UPDATE trajectory SET private_reference = 'JV-9' WHERE supporter_id = :s AND source_id = 'R2'")
                .param("s", supporter.id()).update();
        run(upload("trajecten.csv", csv("Angstig")), true);
        assertThat(jdbc.sql("SELECT private_reference FROM trajectory WHERE supporter_id = :s AND source_id = 'R2'")
                .param("s", supporter.id()).query(String.class).single()).isEqualTo("JV-9");
    }

    @Test
    void xlsxWorkbookImportsTheTrajectenSheet() throws Exception {
        byte[] xlsx = workbook(false);
        MvcResult checked = upload("registratie.xlsx", xlsx);
        assertThat(checked.getResponse().getStatus()).isEqualTo(200);
        assertThat(plan(checked).problems()).isEmpty();
        assertThat(plan(checked).newRows()).isEqualTo(2);
        assertThat(trajectories()).isZero();
        assertThat(run(checked, false).getResponse().getStatus()).isEqualTo(200);
        assertThat(trajectories()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT start_date::text FROM trajectory WHERE supporter_id = :s AND source_id = 'X1'")
                .param("s", supporter.id()).query(String.class).single()).isEqualTo("2025-09-01");
    }

    @Test
    void formulaCellIsRefusedWithADutchMessage() throws Exception {
        MvcResult result = upload("registratie.xlsx", workbook(true));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("bevat een formule");
        assertThat(trajectories()).isZero();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void zipOfCsvFilesIsReadFromItsTrajectenCsv() throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("export/professionals.csv", "professional,functie\r\nP999,OJG\r\n".getBytes(StandardCharsets.UTF_8));
        entries.put("export/trajecten.csv", csv("Angstig"));
        entries.put("export/trajecten.R", "# script".getBytes(StandardCharsets.UTF_8));
        MvcResult checked = upload("registratiebestand.zip", zip(entries));
        assertThat(checked.getResponse().getStatus()).isEqualTo(200);
        ImportPlan plan = plan(checked);
        assertThat(plan.newRows()).isEqualTo(2);
        assertThat(plan.rejectedRows()).isEqualTo(1);
        assertThat(plan.problems()).first().asString().startsWith("trajecten, rij 4, kolom geslacht");

        MvcResult done = run(checked, true);
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(trajectories()).isEqualTo(2);
    }

    @Test
    void zipWithoutTrajectenCsvIsRefusedInDutch() throws Exception {
        byte[] content = zip(Map.of("professionals.csv", "professional\r\nP001\r\n".getBytes(StandardCharsets.UTF_8)));
        MvcResult result = upload("registratiebestand.zip", content);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString())
                .contains("Het ZIP-bestand bevat geen trajecten.csv (gevonden: professionals.csv).");
        assertThat(trajectories()).isZero();
    }

    @Test
    void garbageAndTruncatedFilesAreRefused() throws Exception {
        byte[] garbage = new byte[2000];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 1;
        mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "foto.csv", "text/csv", garbage))
                        .with(asSupporter()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dit is geen CSV-bestand")));
        byte[] xlsx = workbook(false);
        byte[] truncated = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
        mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "kapot.xlsx", "application/octet-stream", truncated))
                        .with(asSupporter()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Excel-werkmap")));
        byte[] openQuote = (HEADER + "\nR1;;\"nooit gesloten").getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "half.csv", "text/csv", openQuote))
                        .with(asSupporter()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("onvolledig of beschadigd")));
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "geheim.xlsx", "application/octet-stream", ole2))
                        .with(asSupporter()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("wachtwoord")));
        assertThat(trajectories()).isZero();
    }

    @Test
    void oversizedUploadIsRefused() throws Exception {
        byte[] big = new byte[300 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "groot.csv", "text/csv", big))
                        .with(asSupporter()).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("Het bestand is te groot")));
    }

    @Test
    void rolesOutsideTheRegistrationMayNotImport() throws Exception {
        for (Role role : List.of(Role.GEMEENTE, Role.ONDERZOEKER)) {
            mvc.perform(get("/import").with(user(users.loadUserByUsername(data.username(data.user(role))))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/import").with(asSupporter()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Registratie importeren")));
    }

    /** A workbook with an ignored first sheet and a trajecten sheet with two valid rows. */
    byte[] workbook(boolean formula) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("codeboek").createRow(0).createCell(0).setCellValue("genegeerd");
            Sheet sheet = wb.createSheet("trajecten");
            String[] header = {"bron_id", "professional", "praktijk", "geboortejaar", "geboortemaand", "geslacht",
                "startdatum", "hulpvraag", "capj_1", "aanmelder_ouders", "aanmelder_school", "aantal_contacten"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("d-m-yyyy"));
            for (int r = 1; r <= 2; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("X" + r);
                row.createCell(1).setCellValue(r == 1 ? code : "");
                row.createCell(2).setCellValue(practiceName);
                row.createCell(3).setCellValue(2012);
                row.createCell(4).setCellValue(4);
                row.createCell(5).setCellValue("V");
                var start = row.createCell(6);
                start.setCellValue(java.time.LocalDate.of(2025, 9, r));
                start.setCellStyle(dateStyle);
                row.createCell(7).setCellValue("Angstig");
                row.createCell(8).setCellValue("A-102");
                row.createCell(9).setCellValue(1);
                row.createCell(10).setCellValue(0);
                if (formula && r == 2) {
                    row.createCell(11).setCellFormula("1+1");
                } else {
                    row.createCell(11).setCellValue(3);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
