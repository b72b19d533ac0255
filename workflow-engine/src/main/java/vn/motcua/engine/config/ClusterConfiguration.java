package vn.motcua.engine.config;

import java.lang.management.ManagementFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Many nodes, one database: what the engines share needs nothing of ours (Camunda's job executor locks each job in
 * its tables; Axon's tracking processors claim their segments in {@code token_entry}; dossier codes and register
 * numbers take a row lock), and each scheduled singleton of ours — the audit checkpoints, the daily payment
 * reconciliation — runs on one node at a time under a ShedLock lock in PostgreSQL (table {@code shedlock}, the
 * database's clock), released when the run ends and expiring if its node dies (docs/architecture.md, "Many nodes").
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class ClusterConfiguration {

    /** Each lock names its holder as Axon's token claims do, {@code <pid>@<host>}: nodes on one host are told apart. */
    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withLockedByValue(ManagementFactory.getRuntimeMXBean().getName())
                .usingDbTime()
                .build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider locks) {
        return new DefaultLockingTaskExecutor(locks);
    }
}
