package nl.jeugdhulp.registratie.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Export → import into an emptied pilot → export gives the same files, over every trajectory of the
 * demo generator. "Empty" keeps the master data (pilot, municipality, practices) and the accounts,
 * and removes the pilot's supporters (with profiles) and trajectories. The demo data obeys the
 * form's rules, so the import (all or nothing) takes every row, and the second export is the first:
 * every file of the ZIP byte for byte, and every cell of the XLSX workbook.
 */
@SpringBootTest(properties = "app.import.max-unpacked-size=20MB")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExchangeRoundTripTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.jeugdhulp.registratie.exchange.ImportTestAccess importAccess;

    @Test
    void exportImportExportGivesTheSameFiles() throws Exception {
        long pilot = data.pilot();
        long municipality = data.municipality();
        long[] practices = {data.practice(pilot, municipality), data.practice(pilot, municipality)};
        List<TestData.Supporter> supporters = List.of(data.supporter(pilot, "POH_JEUGD", practices),
                data.supporter(pilot, "OJG", practices), data.supporter(pilot, "SOH_JGGZ", practices));
        long leader = data.projectLeader(pilot);
        // Codes as the supporter form writes them (upper case); TestData makes lower-case ones.
        jdbc.sql("UPDATE supporter SET code = upper(code) WHERE pilot_id = :p").param("p", pilot).update();
        List<DemoTrajectory> demo = new DemoTrajectoryGenerator(DemoDataSeeder.SEED, LocalDate.now()).generate();
        assertThat(demo).hasSize(2500);
        int inserted = 0;
        // Every supporter gets trajectories in both practices: the format does not carry which practices a
        // supporter serves, the import derives it from the trajectories (and aantal_huisartsen from that).
        for (DemoTrajectory t : demo) {
            insert(t, supporters.get(t.supporter() % 3).id(), practices[inserted % 2]);
            inserted++;
        }
        RequestPostProcessor asLeader = principals.as(leader);
        Map<String, byte[]> first = export(asLeader, pilot);
        List<List<List<String>>> firstWorkbook = cells(exportWorkbook(asLeader, pilot));
        assertThat(records(first.get("trajecten.csv"))).hasSize(2500 + 1);

        // Empty the pilot's registration; accounts stay and are linked again by the import.
        Map<String, String> accountOf = new LinkedHashMap<>();
        for (TestData.Supporter s : supporters) {
            accountOf.put(jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", s.id())
                    .query(String.class).single().toUpperCase(), s.username());
        }
        jdbc.sql("DELETE FROM trajectory WHERE supporter_id IN (SELECT id FROM supporter WHERE pilot_id = :p)")
                .param("p", pilot).update();
        jdbc.sql("DELETE FROM supporter WHERE pilot_id = :p").param("p", pilot).update();

        MockHttpSession session = new MockHttpSession();
        MvcResult checked = mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "export.zip",
                        "application/zip", zip(first))).param("pilot", String.valueOf(pilot))
                .with(asLeader).with(csrf()).session(session)).andReturn();
        assertThat(checked.getResponse().getStatus()).isEqualTo(200);
        var checkedPlan = (nl.jeugdhulp.registratie.exchange.ImportPlan) checked.getModelAndView().getModel().get("plan");
        assertThat(checkedPlan.problems()).isEmpty();
        assertThat(checkedPlan.warnings()).isEmpty();
        assertThat(checkedPlan.newRows()).isEqualTo(2500);
        assertThat(checkedPlan.newProfessionals()).isEqualTo(3);
        String uploadId = (String) checked.getModelAndView().getModel().get("uploadId");
        // All or nothing: one refused row would leave the pilot empty.
        var run = post("/import/" + uploadId).with(asLeader).with(csrf()).session(session);
        accountOf.forEach((code, username) -> run.param("account." + code, username));
        String location = mvc.perform(run).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/import/taak/");
        importAccess.await(location.substring("/import/taak/".length()));
        String page = mvc.perform(get(location).with(asLeader).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Geïmporteerd: 2.500 nieuw, 0 bijgewerkt."); // MessageFormat groups thousands in Dutch
        // Nothing rejected, so there is nothing to download.
        mvc.perform(get(location + "/afgewezen").with(asLeader).session(session)).andExpect(status().isNotFound());

        Map<String, byte[]> second = export(asLeader, pilot);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        for (String name : first.keySet()) {
            if (name.equals("trajecten.csv")) {
                // The same lines byte for byte; the ZIP's rows come in the table's order, which the import
                // need not reproduce (exchange-format.md: "gives the same rows"; it fixes no order).
                assertThat(second.get(name)).as(name).hasSameSizeAs(first.get(name));
                List<String> firstLines = lines(first.get(name));
                List<String> secondLines = lines(second.get(name));
                assertThat(secondLines.get(0)).as("header").isEqualTo(firstLines.get(0));
                assertThat(secondLines).as(name).hasSize(2500 + 1).containsExactlyInAnyOrderElementsOf(firstLines);
            } else {
                assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
            }
        }
        List<List<List<String>>> secondWorkbook = cells(exportWorkbook(asLeader, pilot));
        assertThat(secondWorkbook).hasSameSizeAs(firstWorkbook);
        for (int sheet = 0; sheet < firstWorkbook.size(); sheet++) {
            List<List<String>> firstRows = firstWorkbook.get(sheet);
            List<List<String>> secondRows = secondWorkbook.get(sheet);
            if (sheet == 1) {
                // trajecten: by professional and start date, ties by id, and the ids are the import's, given in
                // the ZIP's order (the table's): rows with the same professional and start date may swap.
                assertThat(secondRows.subList(0, 2)).as("sheet name and header").isEqualTo(firstRows.subList(0, 2));
                assertThat(secondRows).as("sheet %d", sheet).containsExactlyInAnyOrderElementsOf(firstRows);
            } else {
                assertThat(secondRows).as("sheet %d", sheet).isEqualTo(firstRows);
            }
        }
        assertThat(firstWorkbook.get(1).get(0)).containsExactly("trajecten");
        assertThat(firstWorkbook.get(1)).hasSize(1 + 1 + 2500); // name, header, rows
    }

    private byte[] exportWorkbook(RequestPostProcessor who, long pilot) throws Exception {
        return mvc.perform(get("/export/download").param("formaat", "XLSX").param("pilot", String.valueOf(pilot))
                .param("vrijeTekst", "true").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    /** Per sheet (in order, its name first), per row, every cell as "type:formatted value". */
    private static List<List<List<String>>> cells(byte[] xlsx) throws IOException {
        List<List<List<String>>> sheets = new ArrayList<>();
        DataFormatter format = new DataFormatter(java.util.Locale.ROOT);
        // POI's unpack limit is global and the import sets it to app.import.max-unpacked-size (2 MB in other
        // tests of this JVM); the 2,500-row sheet is larger. Lifted for reading the export only.
        long limit = org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize();
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(Math.max(limit, 1L << 30));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of(sheet.getSheetName()));
                for (Row row : sheet) {
                    List<String> values = new ArrayList<>();
                    for (Cell cell : row) {
                        values.add(cell.getColumnIndex() + ":" + cell.getCellType() + ":" + format.formatCellValue(cell));
                    }
                    rows.add(values);
                }
                sheets.add(rows);
            }
        } finally {
            org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(limit);
        }
        return sheets;
    }

    private void insert(DemoTrajectory t, long supporterId, long practiceId) {
        long id = jdbc.sql("""
                        INSERT INTO trajectory (supporter_id, practice_id, private_reference, birth_month, birth_year, gender,
                            registration_date, start_date, help_request, diagnosis_question, diagnosis, diagnosis_other,
                            applicants, applicant_other, contacts, last_contact_date, interventions, intervention_other,
                            consultations, end_date, outcome, outcome_other_reason, outcome_other_text, referral_moment,
                            referral_destinations, chain_partner)
                        VALUES (:s, :p, :ref, :bm, :by, :g, :reg, :start, :help, :dq, :d, :do, CAST(:a AS varchar[]), :ao,
                            :c, :last, CAST(:i AS varchar[]), :io, CAST(:co AS varchar[]), :end, :o, :or, :ot, :rm,
                            CAST(:dest AS varchar[]), :chain) RETURNING id""")
                .param("s", supporterId).param("p", practiceId).param("ref", t.privateReference())
                .param("bm", t.birthMonth()).param("by", t.birthYear()).param("g", t.gender())
                .param("reg", t.registrationDate()).param("start", t.startDate()).param("help", t.helpRequest())
                .param("dq", t.diagnosisQuestion()).param("d", t.diagnosis()).param("do", t.diagnosisOther())
                .param("a", array(t.applicants())).param("ao", t.applicantOther()).param("c", t.contacts())
                .param("last", t.lastContactDate()).param("i", array(t.interventions())).param("io", t.interventionOther())
                .param("co", array(t.consultations())).param("end", t.endDate()).param("o", t.outcome())
                .param("or", t.outcomeOtherReason()).param("ot", t.outcomeOtherText()).param("rm", t.referralMoment())
                .param("dest", array(t.referralDestinations())).param("chain", t.chainPartner())
                .query(Long.class).single();
        for (int i = 0; i < t.capjCodes().size(); i++) {
            jdbc.sql("INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (:t, :p, :c)")
                    .param("t", id).param("p", i + 1).param("c", t.capjCodes().get(i)).update();
        }
    }

    private static String array(List<String> values) {
        return values == null ? null : "{" + String.join(",", values) + "}";
    }

    private Map<String, byte[]> export(RequestPostProcessor who, long pilot) throws Exception {
        byte[] zip = mvc.perform(get("/export/download").param("formaat", "ZIP").param("pilot", String.valueOf(pilot))
                .param("vrijeTekst", "true").with(who)).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(files).containsKeys("professionals.csv", "trajecten.csv");
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The CSV's lines as written, CRLF included, split only at a CRLF outside quotes. */
    private static List<String> lines(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n' && i > 0 && text.charAt(i - 1) == '\r') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        assertThat(start).as("the file ends with a whole line").isEqualTo(text.length());
        return lines;
    }

    private static List<List<String>> records(byte[] csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            rows.add(r.toList());
        }
        return rows;
    }
}
