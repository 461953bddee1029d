package nl.jeugdhulp.registratie.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * After the Gatling run: reads its per-request statistics (the table in the report's index.html;
 * percentiles 50/75/95/99 as configured by default), runs {@link JdbcFloor} with as many
 * trajectories as the simulation registered, and writes both with the ratios to
 * {@code target/load/results.md} (also printed).
 */
public final class LoadSummary {

    private static final List<String> SAVES = List.of("create (save)", "edit (save)", "close (save)");

    private LoadSummary() {
    }

    record Row(String name, long count, long errors, long p50, long p95, long p99, long max) {
    }

    /** Never throws: a failure here must not skip stopping the application (post-integration-test). */
    public static void main(String[] args) {
        try {
            summarise();
        } catch (Exception e) {
            System.err.println("Load-test summary failed: " + e);
            e.printStackTrace();
        }
    }

    private static void summarise() throws Exception {
        Path target = Path.of(System.getProperty("load.results", "target"));
        Path stats = newestStats(target.resolve("gatling"))
                .orElseThrow(() -> new IllegalStateException("No Gatling report under " + target.resolve("gatling")));
        Map<String, Row> rows = read(stats);
        long creates = rows.containsKey("create (save)") ? rows.get("create (save)").count() : 0;
        int threads = Integer.getInteger("load.users", 50);
        JdbcFloor.Result floor = JdbcFloor.run(threads, (int) Math.max(creates, threads));
        // The floor the application is compared with: the supporters' number of connections and their think
        // time between the saves, so the statements arrive as the users' saves did.
        int supporters = RegistrationSimulation.SUPPORTERS;
        Duration pacedFor = Duration.ofSeconds(Integer.getInteger("load.floor.duration", 60));
        JdbcFloor.Result paced = JdbcFloor.paced(supporters, pacedFor, RegistrationSimulation.PAUSE_MIN,
                RegistrationSimulation.PAUSE_MAX);

        StringBuilder md = new StringBuilder();
        md.append("Load test ").append(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", report ").append(stats.getParent().getFileName()).append("\n\n");
        md.append("| request | count | p50 ms | p95 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|\n");
        long warmUpRequests = 0;
        long warmUpErrors = 0;
        for (Row r : rows.values()) {
            if (r.name().startsWith(RegistrationSimulation.WARM_UP_PREFIX)) {
                warmUpRequests += r.count();
                warmUpErrors += r.errors();
                continue;
            }
            String name = r.name().equals("all requests") && warmUpRequests > 0 ? "all requests, warm-up included" : r.name();
            md.append(String.format("| %s | %,d | %d | %d | %d | %d | %d |%n", name, r.count(), r.p50(), r.p95(),
                    r.p99(), r.max(), r.errors()));
        }
        if (warmUpRequests > 0) {
            md.append(String.format("%nLeft out above: the warm-up before the measured minutes, %,d requests, %,d errors.%n",
                    warmUpRequests, warmUpErrors));
        }
        md.append(String.format("%nJDBC floor, paced: the same saves as bare PreparedStatements from %d threads (one per "
                        + "supporter, one connection each) with the simulation's think time between them (%d-%d ms per "
                        + "page), %.0f s, %,d trajectories (create + edit + close each). Ratios: application / this floor.%n%n",
                paced.threads(), RegistrationSimulation.PAUSE_MIN.toMillis(), RegistrationSimulation.PAUSE_MAX.toMillis(),
                paced.seconds(), paced.trajectories()));
        md.append("| save | app p50 ms | app p95 ms | floor p50 ms | floor p95 ms | floor p99 ms | ratio p50 | ratio p95 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String save : SAVES) {
            Row app = rows.get(save);
            JdbcFloor.Percentiles f = paced.byOperation().get(save);
            if (app == null || f == null) {
                continue;
            }
            md.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", save, app.p50(), app.p95(),
                    f.p50(), f.p95(), f.p99(), app.p50() / Math.max(f.p50(), 0.1), app.p95() / Math.max(f.p95(), 0.1)));
        }
        md.append(String.format("%nJDBC floor, saturated: the same saves from %d threads without think time, %,d "
                        + "trajectories, %.1f s (%.0f saves/s): how fast the database takes them when nothing waits.%n%n",
                floor.threads(), floor.trajectories(), floor.seconds(), 3 * floor.trajectories() / floor.seconds()));
        md.append("| save | floor p50 ms | floor p95 ms | floor p99 ms |\n|---|---|---|---|\n");
        for (String save : SAVES) {
            JdbcFloor.Percentiles f = floor.byOperation().get(save);
            if (f != null) {
                md.append(String.format("| %s | %.1f | %.1f | %.1f |%n", save, f.p50(), f.p95(), f.p99()));
            }
        }
        Path out = target.resolve("load/results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    static Optional<Path> newestStats(Path gatling) throws IOException {
        if (!Files.isDirectory(gatling)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(gatling)) {
            return runs.map(run -> run.resolve("index.html")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }

    private static final Pattern ROW = Pattern.compile("<tr id=\"[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /**
     * One row per request name, in the report's order, from the statistics table of the report's
     * index.html (Gatling 3.14 writes no stats.json): columns total, OK, KO, %KO, rate, min, 50th,
     * 75th, 95th, 99th percentile, max, mean, standard deviation.
     */
    static Map<String, Row> read(Path index) throws IOException {
        String html = Files.readString(index);
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            if (!name.find()) {
                continue;
            }
            Map<Integer, Long> cells = new LinkedHashMap<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.put(Integer.parseInt(cell.group(1)), number(cell.group(2)));
            }
            String label = name.group(1).equals("All Requests") ? "all requests" : name.group(1);
            rows.putIfAbsent(label, new Row(label, cells.getOrDefault(2, 0L), cells.getOrDefault(4, 0L),
                    cells.getOrDefault(8, 0L), cells.getOrDefault(10, 0L), cells.getOrDefault(11, 0L),
                    cells.getOrDefault(12, 0L)));
        }
        // The total last, as in the tables of docs/performance.md.
        Row all = rows.remove("all requests");
        if (all != null) {
            rows.put(all.name(), all);
        }
        return rows;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.replace(",", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
