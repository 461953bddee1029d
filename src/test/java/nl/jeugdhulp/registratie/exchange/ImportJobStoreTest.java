package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked upload and the import job live in PostgreSQL, not in one instance: a service built
 * afresh (as on another instance behind the load balancer, with no memory of this one) finds the
 * pending upload, starts its job, and reads the job's state and result.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ImportJobStoreTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TrajectoryImport imports;
    @Autowired
    MessageSource messages;
    @Autowired
    ImportJobs jobs;

    TestData.Supporter supporter;
    String practiceName;
    RequestPostProcessor asSupporter;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
        asSupporter = principals.as(supporter.userId());
        session = new MockHttpSession();
    }

    /** Two valid rows and one without a start date. */
    byte[] csv() {
        return ("bron_id;praktijk;geboortejaar;geboortemaand;geslacht;startdatum;hulpvraag;capj_1;aanmelder_ouders;aantal_contacten\n"
                + "S1;" + practiceName + ";2012;4;V;2025-09-01;Angstig;A-102;1;2\n"
                + "S2;" + practiceName + ";2010;6;M;2025-09-02;Somber;A-102;1;1\n"
                + "S3;" + practiceName + ";2010;6;M;;Somber;A-102;1;1\n").getBytes(StandardCharsets.UTF_8);
    }

    String upload() throws Exception {
        MvcResult checked = mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "s.csv", "text/csv", csv()))
                .with(asSupporter).with(csrf()).session(session)).andExpect(status().isOk()).andReturn();
        return (String) checked.getModelAndView().getModel().get("uploadId");
    }

    ImportStore freshStore() {
        return new ImportStore(jdbc, json, transactions, Clock.systemUTC());
    }

    int trajectories() {
        return jdbc.sql("SELECT count(*) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                .query(Integer.class).single();
    }

    @Test
    void aJobStartedAndPolledThroughTheWebIsReadFromTheDatabaseByAFreshService() throws Exception {
        String uploadId = upload();
        // The upload is in the database: 1 chunk of exactly the uploaded bytes, found by a fresh store for its owner only.
        assertThat(jdbc.sql("SELECT sum(octet_length(data)) FROM import_upload_chunk WHERE upload_id = :id")
                .param("id", UUID.fromString(uploadId)).query(Long.class).single()).isEqualTo(csv().length);
        ImportStore.Upload pending = freshStore().findUpload(uploadId, supporter.userId()).orElseThrow();
        assertThat(pending.fileName()).isEqualTo("s.csv");
        assertThat(pending.plan().newRows()).isEqualTo(2);
        assertThat(pending.plan().rejectedRows()).isEqualTo(1);
        assertThat(pending.target().supporterId()).isEqualTo(supporter.id());
        assertThat(freshStore().findUpload(uploadId, data.user(nl.jeugdhulp.registratie.account.Role.PRAKTIJKONDERSTEUNER)))
                .isEmpty();

        String location = mvc.perform(post("/import/" + uploadId).param("alleenGeldig", "true")
                .with(asSupporter).with(csrf()).session(session)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String jobId = location.substring("/import/taak/".length());
        jobs.awaitFinished(jobId, Duration.ofMinutes(2));
        mvc.perform(get(location + "/status").with(asSupporter)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE")).andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.processed").value(3)).andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.percent").value(100));

        // A service with no memory of this job (another instance) reads the same state from the database.
        ImportJobs elsewhere = new ImportJobs(imports, freshStore(), messages, 1, 1);
        try {
            ImportJobs.Job job = elsewhere.find(jobId, new nl.jeugdhulp.registratie.account.CurrentUser(
                    supporter.userId(), supporter.username(), nl.jeugdhulp.registratie.account.Role.PRAKTIJKONDERSTEUNER,
                    java.util.Set.of(), java.util.Set.of(), supporter.id())).orElseThrow();
            assertThat(job.getState()).isEqualTo(ImportStore.State.DONE);
            assertThat(job.getWritten()).isTrue();
            assertThat(job.getCreated()).isEqualTo(2);
            assertThat(job.getPlan().rejectedRows()).isEqualTo(1);
            assertThat(job.getPlan().problems()).containsExactly(
                    "trajecten, rij 4, kolom startdatum: Vul de startdatum (eerste contact) in.");
            assertThat(job.isRejectedAvailable()).isTrue();
        } finally {
            elsewhere.destroy();
        }
        Map<String, Object> row = jdbc.sql("""
                        SELECT status, processed_rows, total_rows, created_count, upload_id, owner_id
                          FROM import_job WHERE id = :id""").param("id", UUID.fromString(jobId)).query().singleRow();
        assertThat(row).containsEntry("status", "DONE").containsEntry("processed_rows", 3).containsEntry("total_rows", 3)
                .containsEntry("created_count", 2).containsEntry("owner_id", supporter.userId());
        // The job has read the upload: it is gone, and the same id cannot be imported twice.
        assertThat(row.get("upload_id")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM import_upload WHERE id = :id").param("id", UUID.fromString(uploadId))
                .query(Integer.class).single()).isZero();
        assertThat(trajectories()).isEqualTo(2);

        // Another user's job id answers 404 on every page of the job; so does an id that is no job at all.
        RequestPostProcessor other = principals.as(data.supporter(data.pilot(), "OJG").userId());
        mvc.perform(get(location).with(other)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/status").with(other)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/afgewezen").with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/import/taak/" + UUID.randomUUID() + "/status").with(asSupporter)).andExpect(status().isNotFound());
        mvc.perform(get("/import/taak/geen-uuid/status").with(asSupporter)).andExpect(status().isNotFound());
    }

    @Test
    void theConfirmationMayReachAnotherInstance() throws Exception {
        String uploadId = upload();
        // Another instance: its own store and job pool; only the database is shared.
        ImportStore store = freshStore();
        ImportJobs elsewhere = new ImportJobs(imports, store, messages, 1, 1);
        try {
            ImportStore.Upload pending = store.findUpload(uploadId, supporter.userId()).orElseThrow();
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.TestingAuthenticationToken(supporter.username(), null));
            String jobId = elsewhere.start(new nl.jeugdhulp.registratie.account.CurrentUser(supporter.userId(),
                            supporter.username(), nl.jeugdhulp.registratie.account.Role.PRAKTIJKONDERSTEUNER,
                            java.util.Set.of(), java.util.Set.of(), supporter.id()), pending, false, Map.of(),
                    java.util.Locale.forLanguageTag("nl-NL"));
            elsewhere.awaitFinished(jobId, Duration.ofMinutes(2));
            // The web (this instance) answers for the job the other one ran: all or nothing, so nothing written.
            MvcResult page = mvc.perform(get("/import/taak/" + jobId).with(asSupporter)).andReturn();
            assertThat(page.getResponse().getStatus()).isEqualTo(422);
            assertThat(page.getResponse().getContentAsString()).contains("Er is niets geïmporteerd: 1 rijen hebben problemen");
            assertThat(trajectories()).isZero();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
            elsewhere.destroy();
        }
    }

    @Test
    void theSweepDeletesExpiredJobsAndUploadsWithTheirFiles() throws Exception {
        String uploadId = upload();
        ImportStore store = freshStore();
        UUID upload = UUID.fromString(uploadId);
        assertThat(jdbc.sql("SELECT count(*) FROM import_upload_chunk WHERE upload_id = :id").param("id", upload)
                .query(Integer.class).single()).isEqualTo(1);
        // Not yet expired: kept.
        store.sweep(Instant.now());
        assertThat(store.findUpload(uploadId, supporter.userId())).isPresent();
        // Three hours later the checked upload (kept two hours) is gone, with its chunks.
        store.sweep(Instant.now().plus(Duration.ofHours(3)));
        assertThat(jdbc.sql("SELECT count(*) FROM import_upload WHERE id = :id").param("id", upload)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM import_upload_chunk WHERE upload_id = :id").param("id", upload)
                .query(Integer.class).single()).isZero();

        // A finished job with rejected rows is kept an hour, then deleted with its file.
        String again = upload();
        String location = mvc.perform(post("/import/" + again).param("alleenGeldig", "true")
                .with(asSupporter).with(csrf()).session(session)).andReturn().getResponse().getRedirectedUrl();
        String jobId = location.substring("/import/taak/".length());
        jobs.awaitFinished(jobId, Duration.ofMinutes(2));
        UUID job = UUID.fromString(jobId);
        assertThat(jdbc.sql("SELECT count(*) FROM import_job_rejected_chunk WHERE job_id = :id").param("id", job)
                .query(Integer.class).single()).isEqualTo(1);
        store.sweep(Instant.now().plus(Duration.ofMinutes(30)));
        mvc.perform(get(location + "/afgewezen").with(asSupporter)).andExpect(status().isOk());
        store.sweep(Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(jdbc.sql("SELECT count(*) FROM import_job_rejected_chunk WHERE job_id = :id").param("id", job)
                .query(Integer.class).single()).isZero();
        mvc.perform(get(location).with(asSupporter)).andExpect(status().isNotFound());
    }

    @Test
    void aFileOfSeveralChunksComesBackByteForByte() throws Exception {
        Path file = Files.createTempFile("chunks", ".bin");
        Path back = Files.createTempFile("chunks-back", ".bin");
        try {
            byte[] bytes = new byte[ImportStore.CHUNK * 2 + 17];
            new java.util.Random(4).nextBytes(bytes);
            Files.write(file, bytes);
            ImportStore store = freshStore();
            ImportStore.Upload upload = store.saveUpload(supporter.userId(), file, "groot.csv",
                    new ImportTarget(supporter.id(), "P1", 1L, "Pilot"), new ImportPlan(java.util.List.of("bron_id"),
                            java.util.List.of(), 0, 0, 0, 0, java.util.List.of(), 0, java.util.List.of(
                                    new ImportPlan.Professional(2, "P1", true, null)), 1, 0, 0));
            assertThat(jdbc.sql("SELECT count(*) FROM import_upload_chunk WHERE upload_id = :id").param("id", upload.id())
                    .query(Integer.class).single()).isEqualTo(3);
            assertThat(store.copyUpload(upload.id(), back)).isTrue();
            assertThat(Files.readAllBytes(back)).isEqualTo(bytes);
            ImportStore.Upload found = store.findUpload(upload.id().toString(), supporter.userId()).orElseThrow();
            assertThat(found.plan()).isEqualTo(upload.plan());
            assertThat(found.target()).isEqualTo(upload.target());
            store.deleteUpload(upload.id());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(back);
        }
    }
}
