package nl.jeugdhulp.registratie.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** A small pool for the report's independent queries and tests; bounded so reports cannot drain the connection pool. */
@Configuration(proxyBeanMethods = false)
class ReportExecutorConfiguration {

    @Bean(name = "reportExecutor")
    ThreadPoolTaskExecutor reportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setThreadNamePrefix("report-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
