package nl.jeugdhulp.registratie.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.stereotype.Component;

/** Lets tests outside this package wait for an import job (ImportJobs is package-private). */
@Component
public class ImportTestAccess {

    private final ImportJobs jobs;

    ImportTestAccess(ImportJobs jobs) {
        this.jobs = jobs;
    }

    public void await(String jobId) throws Exception {
        jobs.awaitFinished(jobId, Duration.ofMinutes(5));
    }

    /** The entries of a ZIP (such as the rejected rows) as UTF-8 text, in order. */
    public static Map<String, String> unzipText(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
