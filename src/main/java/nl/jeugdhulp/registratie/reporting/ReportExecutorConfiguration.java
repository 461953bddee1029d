package nl.jeugdhulp.registratie.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A small pool for the report's independent queries and tests; bounded so reports cannot drain the connection
 * pool. Its threads run at a lower CPU priority ({@code app.reports.nice}, 0 for none): a report may take a little
 * longer on a busy machine, but the supporters' saves and pages do not wait behind it.
 */
@Configuration(proxyBeanMethods = false)
class ReportExecutorConfiguration {

    @Bean(name = "reportExecutor")
    ThreadPoolTaskExecutor reportExecutor(@Value("${app.reports.nice}") int nice) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("report-");
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setThreadFactory(task -> threads.newThread(() -> {
            BackgroundPriority.lowerCurrentThread(nice);
            task.run();
        }));
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
