package vn.motcua.reliability.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.portal.MotcuaApplication;

/**
 * The application in the test's JVM, started once for every in-process run (Spring's context cache keeps it as
 * long as every run uses exactly this configuration): its embedded default with every real component, data in a
 * fresh directory under {@code target/}. Runs reach it only over HTTP, except to count the event store's rows
 * (JDBC) and to stop and start an embedded component (outages).
 */
@SpringBootTest(classes = MotcuaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class InProcessRun {

    static {
        Path run = Path.of("target", "reliability-data", "in-process-" + System.currentTimeMillis()).toAbsolutePath();
        System.setProperty("motcua.data-dir", run.toString());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Http http() {
        return new Http("http://localhost:" + port);
    }

    /** The position of the event store's last event: any append moves it. */
    protected long lastEvent() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    protected long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** The events appended after {@code position}: type and aggregate, to say what a request changed. */
    protected List<String> eventsAfter(long position) {
        return jdbc.query("select payload_type, aggregate_identifier from domain_event_entry where global_index > ?"
                        + " order by global_index limit 20",
                (row, i) -> row.getString(1).replaceAll(".*\\.", "") + "(" + row.getString(2) + ")", position);
    }

    protected Map<String, Object> healthComponents() {
        Http.Response health = http().get("/actuator/health", "admin");
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(health.json().path("components"),
                Map.class);
    }

    /** Waits for the condition, polling; false if it did not hold in time. */
    protected static boolean within(Duration limit, java.util.function.BooleanSupplier condition) {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(250);
        }
        return condition.getAsBoolean();
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
