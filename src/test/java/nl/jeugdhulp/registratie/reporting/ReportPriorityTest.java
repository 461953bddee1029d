package nl.jeugdhulp.registratie.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The report's work runs at a lower CPU priority than the requests, so saves do not wait behind a report. */
@SpringBootTest
@ActiveProfiles("test")
class ReportPriorityTest {

    @Autowired
    @Qualifier("reportExecutor")
    Executor reportExecutor;

    @Test
    void reportThreadsRunAtNiceTenWhileOtherThreadsKeepTheirPriority() throws Exception {
        assumeTrue(Platform.isLinux(), "per-thread nice values are a Linux feature");
        OptionalInt here = BackgroundPriority.currentNice();
        assumeTrue(here.equals(OptionalInt.of(0)), "the test JVM itself runs at normal priority");
        OptionalInt inReport = CompletableFuture.supplyAsync(BackgroundPriority::currentNice, reportExecutor)
                .get(30, TimeUnit.SECONDS);

        assertThat(inReport).hasValue(10); // app.reports.nice as shipped
        assertThat(BackgroundPriority.currentNice()).hasValue(0);
    }

    @Test
    void aThreadLowersOnlyItself() throws Exception {
        assumeTrue(Platform.isLinux(), "per-thread nice values are a Linux feature");
        assumeTrue(BackgroundPriority.currentNice().equals(OptionalInt.of(0)), "the test JVM runs at normal priority");
        OptionalInt[] seen = new OptionalInt[2];
        Thread worker = new Thread(() -> {
            seen[0] = OptionalInt.of(BackgroundPriority.lowerCurrentThread(15) ? 1 : 0);
            seen[1] = BackgroundPriority.currentNice();
        });
        worker.start();
        worker.join(30_000);

        assertThat(seen[0]).hasValue(1);
        assertThat(seen[1]).hasValue(15);
        assertThat(BackgroundPriority.currentNice()).hasValue(0);
        assertThat(BackgroundPriority.lowerCurrentThread(0)).as("0 means: leave the priority alone").isFalse();
    }
}
