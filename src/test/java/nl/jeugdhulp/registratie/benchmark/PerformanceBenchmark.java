package nl.jeugdhulp.registratie.benchmark;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import nl.jeugdhulp.registratie.HttpForms;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.exchange.ImportLargeFileTest;
import nl.jeugdhulp.registratie.reporting.ReportFilter;
import nl.jeugdhulp.registratie.reporting.ReportScope;
import nl.jeugdhulp.registratie.reporting.ReportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The benchmark of docs/performance.md: {@code ./mvnw -Pbenchmark test -Dbenchmark.sizes=10000,100000,1000000}.
 * Not a test (no assertions on time): it grows the demo database to each size and measures the
 * trimester report, the floor scan, the research export (CSV and XLSX), the start-up and a
 * 50,000-row import, writing a Markdown table
 * to {@code target/benchmark/results.md}. The surefire profile runs this JVM with a 256 MB heap, so
 * finishing at all shows the memory bound.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
class PerformanceBenchmark {

    /**
     * Warm-up runs of the report and the floor. With two, the JIT was still compiling for a tenth of a
     * second of CPU per report at 1,000,000 (docs/performance.md, "Report: fourth round").
     */
    private static final int WARM_UP = 10;
    private static final int RUNS = 5;
    /** The import takes seconds: one warm-up, then the median of three; the exports' minimum warm-up (at least one). */
    private static final int LONG_WARM_UP = 1;
    /**
     * The export warms up on at least this many rows in all (20 downloads at 10,000, 2 at 100,000): after one
     * 10,000-row download the JIT still compiled the row code for 0.1-0.2 s of CPU per download, so a single
     * warm-up measured a cold export at small N (docs/performance.md, export "Fifth round").
     */
    private static final long EXPORT_WARM_UP_ROWS = 200_000;
    private static final int LONG_RUNS = 3;
    /** Small exports take tens of milliseconds: their median is over runs of at least this many rows in all. */
    private static final long EXPORT_MEASURED_ROWS = 50_000;
    /**
     * Warm means the JIT has nearly stopped compiling for this work. A framework application keeps crossing
     * compile thresholds for hundreds of requests (20-30 ms of C2 per 10,000-row export after 60 downloads,
     * docs/performance.md, export "Seventh round"), which a server in use did long ago. So after the minimum
     * warm-ups the runs go on until the JIT's compilation time over the last runs (at least {@value #QUIET_WINDOW}
     * of them and {@value #QUIET_WINDOW_MILLIS} ms) is under {@value #QUIET_SHARE} of their wall time, or
     * {@value #QUIET_LIMIT_SECONDS} s of warm-up have passed;
     * each measurement prints how many warm-ups it took and how much was compiled during its measured runs.
     */
    private static final int QUIET_WINDOW = 5;
    private static final long QUIET_WINDOW_MILLIS = 5_000;
    private static final double QUIET_SHARE = 0.02;
    private static final int QUIET_LIMIT_SECONDS = 90;

    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${benchmark.sizes:10000,100000}")
    String sizes;
    /** Which measurements to take (the others print as 0), e.g. {@code -Dbenchmark.parts=report,floor}. */
    @Value("${benchmark.parts:report,floor,export,xlsx,startup,import}")
    Set<String> parts;
    /**
     * With {@code -Dbenchmark.hold=true} the benchmark keeps its database up after the last size, prints
     * how to reach it with psql, and waits until {@code target/benchmark/release} exists: for examining
     * plans at a size that takes minutes to grow.
     */
    @Value("${benchmark.hold:false}")
    boolean hold;

    final List<String> results = new ArrayList<>();

    @Test
    void measure() throws Exception {
        Growth growth = new Growth(jdbc);
        Importer importer = importer(growth);
        LocalDate to = jdbc.sql("SELECT max(start_date) FROM trajectory").query(LocalDate.class).single();
        LocalDate from = to.minusYears(1).plusDays(1);
        HttpClient researcher = login("onderzoeker");
        for (long size : Arrays.stream(sizes.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray()) {
            long loadMillis = growth.growTo(size);
            long rows = jdbc.sql("SELECT count(*) FROM trajectory").query(Long.class).single();
            long inYear = jdbc.sql("SELECT count(*) FROM trajectory WHERE start_date <= :to AND (end_date IS NULL OR end_date >= :from)")
                    .param("from", from).param("to", to).query(Long.class).single();

            double report = parts.contains("report") ? median("report " + size, () -> {
                reports.report(ReportFilter.period(from, to), ReportScope.everything());
                return 0;
            }) : 0;
            double floor = parts.contains("floor") ? median("floor " + size, () -> floorScan(from, to)) : 0;
            Export export = parts.contains("export")
                    ? warm("export " + size, heap -> export(researcher, rows, "ZIP", heap),
                            (int) Math.max(LONG_WARM_UP, -Math.floorDiv(-EXPORT_WARM_UP_ROWS, rows)),
                            (int) Math.max(LONG_RUNS, -Math.floorDiv(-EXPORT_MEASURED_ROWS, rows)))
                    : new Export(0, 0);
            // One XLSX download, after a GC for its heap figure, as before: reported beside the target, not for it.
            Export xlsx = parts.contains("xlsx") ? export(researcher, rows, "XLSX", true) : new Export(0, 0);
            double startup = parts.contains("startup") ? startup() : 0;
            Import imported = parts.contains("import") ? warmImport(importer) : new Import(0, 0);

            String line = String.format(Locale.ROOT,
                    "| %s | %,d | %,d | %.1f | %.0f | %.0f | %.1f | %,.0f | %.0f | %,.0f | %.0f | %.2f | %.1f | %.0f |",
                    LocalDate.now(), rows, inYear, loadMillis / 1000.0, report, floor, report / floor,
                    export.rowsPerSecond, export.peakHeapMb, xlsx.rowsPerSecond, xlsx.peakHeapMb, startup,
                    imported.seconds, imported.peakHeapMb);
            results.add(line);
            System.out.println("BENCHMARK " + line);
        }
        write();
        if (hold) {
            holdDatabase();
        }
    }

    private void holdDatabase() throws IOException, InterruptedException {
        Path release = Path.of("target", "benchmark", "release").toAbsolutePath();
        Files.deleteIfExists(release);
        System.out.println("BENCHMARK holding the database: psql '" + databaseUrl.replace("jdbc:", "")
                + "' -U postgres ; release with: touch " + release);
        try (WatchService watcher = release.getFileSystem().newWatchService()) {
            release.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(release)) {
                watcher.take().reset();
            }
        }
    }

    /**
     * One pass over the same rows and columns the report reads: what PostgreSQL needs at least. Every
     * column is folded into a plain aggregate; until 2026-11-23 the supporter was {@code count(DISTINCT …)},
     * which sorted all rows (on disk at 1,000,000) and made the floor about twice a bare pass.
     */
    private long floorScan(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT count(*) + count(gender) + count(birth_year) + sum(contacts) + count(outcome)
                               + sum(cardinality(applicants)) + sum(cardinality(interventions))
                               + sum(cardinality(consultations)) + sum(cardinality(referral_destinations))
                               + count(diagnosis_question) + count(referral_moment) + count(registration_date)
                               + count(supporter_id) + count(practice_id)
                          FROM trajectory
                         WHERE start_date <= :to AND (end_date IS NULL OR end_date >= :from)""")
                .param("from", from).param("to", to).query(Long.class).single();
    }

    /** Median wall time in milliseconds of {@value RUNS} runs after at least {@value WARM_UP} warm-up runs. */
    private static double median(String what, LongSupplier work) throws Exception {
        List<Double> millis = warmRuns(what, () -> {
            long began = System.nanoTime();
            work.getAsLong();
            return (System.nanoTime() - began) / 1e6;
        }, WARM_UP, true, RUNS);
        return median(millis, Double::doubleValue);
    }

    /**
     * Runs {@code work} at least {@code minimum} times and then until the JIT is quiet (see {@link #QUIET_WINDOW}),
     * or exactly {@code minimum} times when {@code untilQuiet} is false.
     */
    private static void warmUp(String what, Measurement<?> work, int minimum, boolean untilQuiet) throws Exception {
        // The last runs covering at least QUIET_WINDOW runs and QUIET_WINDOW_MILLIS of wall time: {wall, compiled} in ns.
        ArrayDeque<long[]> window = new ArrayDeque<>();
        long began = System.nanoTime();
        int runs = 0;
        boolean quiet = false;
        while (runs < minimum || (untilQuiet && !quiet)) {
            long compiledBefore = compileMillis();
            long start = System.nanoTime();
            work.run();
            window.addLast(new long[] {System.nanoTime() - start, (compileMillis() - compiledBefore) * 1_000_000});
            runs++;
            while (window.size() > QUIET_WINDOW && wall(window) - window.peekFirst()[0] >= QUIET_WINDOW_MILLIS * 1_000_000) {
                window.removeFirst();
            }
            quiet = window.size() >= QUIET_WINDOW && wall(window) >= QUIET_WINDOW_MILLIS * 1_000_000
                    && compiled(window) < QUIET_SHARE * wall(window);
            if (runs >= minimum && System.nanoTime() - began > QUIET_LIMIT_SECONDS * 1_000_000_000L) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "BENCHMARK warm-up %s: %d runs in %.1f s, %s; JIT %d ms in the last %d runs (%d ms of wall time)%n",
                what, runs, (System.nanoTime() - began) / 1e9, quiet ? "JIT quiet" : untilQuiet ? "time limit reached" : "fixed count",
                compiled(window) / 1_000_000, window.size(), wall(window) / 1_000_000);
    }

    private static long wall(Collection<long[]> runs) {
        return runs.stream().mapToLong(run -> run[0]).sum();
    }

    private static long compiled(Collection<long[]> runs) {
        return runs.stream().mapToLong(run -> run[1]).sum();
    }

    /** The JIT's total compilation time so far in milliseconds (HotSpot reports it), 0 where unknown. */
    private static long compileMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static void printCompiled(String what, int runs, long compiledBefore) {
        System.out.printf(Locale.ROOT, "BENCHMARK measured %s: %d runs, JIT %d ms during them%n", what, runs, compileMillis() - compiledBefore);
    }

    record Export(double rowsPerSecond, double peakHeapMb) {
    }

    private interface Measurement<T> {
        T run() throws Exception;
    }

    /** {@code measured} runs after at least {@code warmUps} warm-up runs (and until the JIT is quiet, if asked). */
    private static <T> List<T> warmRuns(String what, Measurement<T> measurement, int warmUps, boolean untilQuiet,
            int measured) throws Exception {
        warmUp(what, measurement, warmUps, untilQuiet);
        long compiled = compileMillis();
        List<T> runs = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            runs.add(measurement.run());
        }
        printCompiled(what, measured, compiled);
        return runs;
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> value) {
        return runs.stream().mapToDouble(value).sorted().toArray()[runs.size() / 2];
    }

    private static <T> double highest(List<T> runs, ToDoubleFunction<T> value) {
        return runs.stream().mapToDouble(value).max().orElseThrow();
    }

    /** One export; with {@code heap}, after a GC and with the peak heap measured (its rate then counts only for the XLSX). */
    private interface ExportRun {
        Export run(boolean heap) throws Exception;
    }

    /**
     * The median rate of warm exports, and the peak heap of one more. The timed runs force no GC: a full GC
     * before each download (needed to measure its peak from a clean heap) kept the JIT recompiling for as
     * long as the downloads went on (docs/performance.md, export "Eighth round"), which a server in use does not.
     */
    private static Export warm(String what, ExportRun export, int warmUps, int measured) throws Exception {
        List<Export> runs = warmRuns(what, () -> export.run(false), warmUps, true, measured);
        return new Export(median(runs, Export::rowsPerSecond), export.run(true).peakHeapMb());
    }

    /** The median time of warm imports, with the highest peak heap. */
    private static Import warmImport(Importer importer) throws Exception {
        // Ten seconds each: one warm-up, not until the JIT is quiet (the import is far under its target).
        List<Import> runs = warmRuns("import", importer::run, LONG_WARM_UP, false, LONG_RUNS);
        return new Import(median(runs, Import::seconds), highest(runs, Import::peakHeapMb));
    }

    /** The research export (ZIP of CSV or XLSX, all pilots) over real HTTP, counted as it streams in. */
    private Export export(HttpClient researcher, long rows, String format, boolean measureHeap)
            throws IOException, InterruptedException {
        List<MemoryPoolMXBean> heap = measureHeap ? resetHeapPeaks() : List.of();
        long began = System.nanoTime();
        HttpResponse<InputStream> response = researcher.send(
                HttpRequest.newBuilder(URI.create(base() + "/export/download?formaat=" + format)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = body.read(buffer)) >= 0; ) {
                bytes += read;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (response.statusCode() != 200 || bytes < rows) {
            throw new IllegalStateException("export failed: HTTP " + response.statusCode() + ", " + bytes + " bytes");
        }
        return new Export(rows / seconds, measureHeap ? peakHeapMb(heap) : 0);
    }

    /** A GC, then the heap pools' peaks reset: what they reach next is the peak of the work that follows. */
    private static List<MemoryPoolMXBean> resetHeapPeaks() {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        return heap;
    }

    /** The sum of the heap pools' peaks since {@link #resetHeapPeaks}: an upper bound of the peak heap. */
    private static double peakHeapMb(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
    }

    record Import(double seconds, double peakHeapMb) {
    }

    /**
     * (d) The 50,000-row file of {@link ImportLargeFileTest} imported by a supporter of a fresh pilot
     * through the import page (upload with dry run, then the background job, polled like the page
     * does), timed from upload to the finished job. Its rows are deleted afterwards and its supporter
     * is left out of the growth, so the other measurements never see them.
     */
    private interface Importer {
        Import run() throws Exception;
    }

    private Importer importer(Growth growth) {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        String practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice)
                .query(String.class).single();
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        growth.exclude(supporter.id());
        byte[] file = ImportLargeFileTest.csv(practiceName);
        return () -> {
            RequestPostProcessor as = principals.as(supporter.userId());
            MockHttpSession session = new MockHttpSession();
            List<MemoryPoolMXBean> heap = resetHeapPeaks();
            long began = System.nanoTime();
            MvcResult checked = mvc.perform(multipart("/import")
                    .file(new MockMultipartFile("bestand", "groot.csv", "text/csv", file))
                    .with(as).with(csrf())
                    .session(session)).andReturn();
            String uploadId = (String) checked.getModelAndView().getModel().get("uploadId");
            if (uploadId == null) {
                throw new IllegalStateException("the upload was refused: HTTP " + checked.getResponse().getStatus()
                        + " " + checked.getModelAndView().getModel().get("error"));
            }
            var started = mvc.perform(post("/import/" + uploadId)
                    .with(as).with(csrf())
                    .session(session)).andReturn().getResponse();
            String location = started.getRedirectedUrl();
            if (location == null || !location.startsWith("/import/taak/")) {
                throw new IllegalStateException("the import did not start: HTTP " + started.getStatus() + " " + location);
            }
            // The job runs in this JVM: wait on it instead of polling, then read the status the page reads.
            ImportLargeFileTest.awaitJob(context, location);
            String status = mvc.perform(get(location + "/status")
                    .with(as).session(session)).andReturn().getResponse().getContentAsString();
            if (!status.contains("\"finished\":true")) {
                throw new IllegalStateException("the import did not finish: " + status);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            double peak = peakHeapMb(heap);
            long stored = jdbc.sql("SELECT count(*) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                    .query(Long.class).single();
            jdbc.sql("DELETE FROM trajectory WHERE supporter_id = :s").param("s", supporter.id()).update();
            if (stored != ImportLargeFileTest.ROWS) {
                throw new IllegalStateException("the import stored " + stored + " rows: " + status);
            }
            return new Import(seconds, peak);
        };
    }

    /** Start-ups per size; the median is reported (one start is at the mercy of whatever else runs). */
    private static final int STARTS = 3;
    private static final String JAR_NAME = "registratie.jar";
    /** The bean definitions generated at build time for the prod profile (the benchmark profile's process-aot). */
    private static final String AOT = "-Dspring.aot.enabled=true";
    /** The extracted application and its CDS archive: made once per benchmark run, valid for every size. */
    private Path application;
    private Path archive;

    /**
     * (e) Seconds from starting a fresh JVM of the application on this database to a healthy
     * {@code /actuator/health}, launched exactly as docs/deployment.md tells production to: the
     * executable jar extracted ({@code java -Djarmode=tools -jar … extract}), started with its CDS
     * archive from a training run, its AOT-generated bean definitions, {@code -Xmx256m}, prod profile. Median of {@value STARTS} starts.
     */
    private double startup() throws IOException, InterruptedException {
        if (archive == null) {
            application = extract();
            archive = train(application);
        }
        double[] seconds = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            seconds[i] = startOnce(application, "-XX:SharedArchiveFile=" + archive);
        }
        Arrays.sort(seconds);
        System.out.println("BENCHMARK start-up seconds " + Arrays.toString(seconds));
        return seconds[STARTS / 2];
    }

    /** Seconds from starting the application with the given JVM options to its first healthy answer. */
    private double startOnce(Path app, String... jvmOptions) throws IOException, InterruptedException {
        int appPort = freePort();
        long began = System.nanoTime();
        Process process = application(app, appPort, jvmOptions);
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            awaitHealthy(lines, appPort, new StringBuilder());
            return (System.nanoTime() - began) / 1e9;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * Returns at the application's first healthy answer. Blocks on the application's log until Spring Boot
     * reports "Started", and only then asks {@code /actuator/health}: polling a port that is not listening
     * yet would keep one of the two cores busy and slow down the start it measures.
     */
    private static void awaitHealthy(java.io.BufferedReader lines, int appPort, StringBuilder output)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        boolean started = false;
        for (String line; (line = lines.readLine()) != null; ) {
            output.append(line).append('\n');
            if (line.contains("Started RegistratieApplication")) {
                started = true;
                break;
            }
        }
        if (started) {
            // Readiness follows the refresh; a handful of real requests covers the gap.
            for (int attempt = 0; attempt < 100; attempt++) {
                if (status(http, appPort, "/actuator/health") == 200) {
                    return;
                }
            }
        }
        throw new IllegalStateException("the application did not become healthy: " + output);
    }

    private static int status(HttpClient http, int appPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The executable jar that the benchmark profile repackages before the tests, extracted as production
     * runs it: {@code registratie.jar} with its dependencies in {@code lib/} (a CDS archive needs jars, not
     * class directories, and the exploded layout loads classes faster than the nested jar).
     */
    private static Path extract() throws IOException, InterruptedException {
        Path jar;
        try (var jars = Files.list(Path.of("target"))) {
            jar = jars.filter(file -> file.getFileName().toString().matches("registratie-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no executable jar in target/: run the benchmark with -Pbenchmark, which repackages it"));
        }
        Path destination = Path.of("target", "benchmark", "application").toAbsolutePath();
        run(Path.of("target", "benchmark"), Duration.ofMinutes(5), java(), "-Djarmode=tools", "-jar",
                jar.toAbsolutePath().toString(), "extract", "--force", "--destination", destination.toString(),
                "--application-filename", JAR_NAME);
        return destination;
    }

    /**
     * The training run of docs/deployment.md: the application starts as an instance on a spare port against
     * this database, answers its first {@code /actuator/health} and the login page, and is stopped with
     * SIGTERM; the JVM then writes every class it loaded to a dynamic CDS archive. Training only up to the
     * context refresh ({@code -Dspring.context.exit=onRefresh}, until 2026-11-23) left out the classes of
     * the web server's start, the security filter chain and the first request (start-up fifth round).
     */
    private Path train(Path app) throws IOException, InterruptedException {
        Path jsa = app.resolve("application.jsa");
        Files.deleteIfExists(jsa);
        Path log = app.resolve("run.log");
        int appPort = freePort();
        Process process = application(app, appPort, "-XX:ArchiveClassesAtExit=" + jsa);
        StringBuilder output = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            try {
                awaitHealthy(lines, appPort, output);
                int login = status(HttpClient.newHttpClient(), appPort, "/login");
                if (login != 200) {
                    throw new IllegalStateException("the training run's login page answered " + login);
                }
            } finally {
                // SIGTERM through the handle: Process.destroy() would also close the output read below.
                process.toHandle().destroy();
            }
            // The archive is written as the JVM exits; read its output to the end meanwhile.
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
            }
        } finally {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            Files.writeString(log, output);
        }
        if (!Files.isRegularFile(jsa)) {
            throw new IllegalStateException("the training run wrote no CDS archive: " + output);
        }
        return jsa;
    }

    /** Runs a command in a directory to its end, its output in {@code <directory>/run.log}. */
    private static void run(Path directory, Duration timeout, String... command) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path log = directory.resolve("run.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("did not finish in " + timeout + ": " + String.join(" ", command)
                    + "\n" + Files.readString(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command)
                    + "\n" + Files.readString(log));
        }
    }

    /** The application as production runs it: prod profile, this database, 256 MB heap, the extracted jar. */
    private Process application(Path app, int port, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-Xmx256m");
        command.add(AOT);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", JAR_NAME));
        command.addAll(applicationArguments(port));
        return new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true).start();
    }

    private List<String> applicationArguments(int port) {
        return List.of("--spring.profiles.active=prod", "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                // The prod profile refuses to start without a key for the TOTP secrets; this is the public test key.
                "--app.security.totp-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private HttpClient login(String username) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = HttpForms.form(Map.of("username", username, "password", "demo-jeugdhulp", "_csrf", HttpForms.csrf(page)));
        http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return http;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void write() {
        Path file = Path.of("target", "benchmark", "results.md");
        try {
            Files.createDirectories(file.getParent());
            String header = """
                    Benchmark run %s on %d cores, Java %s, heap limit %d MB.

                    | date | trajectories | in the year | load s | report ms | floor ms | ratio | export rows/s | export peak heap MB | XLSX rows/s | XLSX peak heap MB | start-up s | import 50,000 s | import peak heap MB |
                    |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                    """.formatted(OffsetDateTime.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            Files.writeString(file, header + String.join("\n", results) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
