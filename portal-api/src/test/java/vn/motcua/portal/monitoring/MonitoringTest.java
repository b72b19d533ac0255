package vn.motcua.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import vn.motcua.engine.platform.StepObservations;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.portal.support.RecentSpans;

/**
 * What an operator's monitoring sees (docs/operations.md, "Monitoring"): the metrics on {@code /actuator/prometheus},
 * one trace from a submission's HTTP request to the search index, JSON log lines naming the dossier and the trace,
 * and a Grafana dashboard whose every metric the application exposes.
 */
class MonitoringTest extends IntegrationTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "motcua-dashboard.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private RecentSpans spans;

    @Autowired
    private SdkTracerProvider tracerProvider;

    @Autowired
    private RuntimeService runtime;

    @Test
    void metricsAreForAdministratorsAndInspectorsOnly() {
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(as("citizen-a").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(as("reception-hn").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(as("inspector").get("/actuator/prometheus").status()).isEqualTo(200);
        Api.Response metrics = as("admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("motcua_processor_behind_events{processor=\"kafka-publisher\"}");
        // the health probes stay open
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void aSubmissionIsCountedAndTimedAsAStepOfItsProcedure() {
        double before = committedSubmissions();
        submitted("citizen-a");
        assertThat(committedSubmissions()).isEqualTo(before + 1);
        assertThat(prometheus()).contains("motcua_step_seconds_bucket{aggregate_type=\"dossier\"");
    }

    @Test
    void aDossierPastItsDueTimeIsCountedOverdueForItsUnitAndProcedure() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        double before = gauge("motcua_dossiers_overdue");
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        runtime.setVariable(process.getId(), "dueAt", Date.from(Instant.now().minus(Duration.ofHours(1))));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(gauge("motcua_dossiers_overdue")).isEqualTo(before + 1));
    }

    @Test
    void oneSubmissionIsOneTraceFromHttpThroughTheStepAndKafkaToTheSearchIndex() {
        String code = submitted("citizen-a");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            tracerProvider.forceFlush().join(5, TimeUnit.SECONDS);
            SpanData step = spans.all().stream().filter(span -> span.getName().equals("step submit-dossier")
                    && code.equals(span.getAttributes().get(AttributeKey.stringKey("aggregate.id"))))
                    .findFirst().orElseThrow(() -> new AssertionError("no span of the step of " + code + " among "
                            + spans.all().stream().map(span -> span.getName() + span.getAttributes()).toList()));
            List<SpanData> trace = spans.ofTrace(step.getTraceId());
            assertThat(trace).extracting(SpanData::getName).contains("http post /api/v1/dossiers",
                    "step submit-dossier", "publish motcua.dossier-events", "index search-indexer",
                    "index search-audit-indexer");
            assertThat(step.getAttributes().get(AttributeKey.stringKey("procedure"))).isEqualTo(COSMETICS);
            assertThat(step.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("committed");
        });
    }

    @Test
    void aStepIsLoggedInJsonWithItsDossierCodeAndTraceId() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setFormat("ecs");
        ecs.setContext(logging);
        ecs.start();
        List<String> lines = new ArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected synchronized void append(ILoggingEvent event) {
                lines.add(new String(ecs.encode(event), StandardCharsets.UTF_8));
            }
        };
        appender.setContext(logging);
        appender.start();
        Logger steps = logging.getLogger(StepObservations.class);
        Level level = steps.getLevel();
        steps.setLevel(Level.DEBUG);
        steps.addAppender(appender);
        String code;
        try {
            code = submitted("citizen-b");
        } finally {
            steps.detachAppender(appender);
            steps.setLevel(level);
        }

        JsonNode line = null;
        for (String text : List.copyOf(lines)) {
            JsonNode json = JSON.readTree(text);
            if (code.equals(json.path("dossierCode").asText())) {
                line = json;
            }
        }
        assertThat(line).as("a JSON line with dossierCode %s among %s", code, lines).isNotNull();
        assertThat(line.path("message").asText()).startsWith("step SubmitDossier of dossier " + code);
        assertThat(line.path("aggregateType").asText()).isEqualTo("dossier");
        assertThat(line.path("traceId").asText()).matches("[0-9a-f]{32}");
        assertThat(line.path("log").path("level").asText(line.path("log.level").asText())).isEqualTo("DEBUG");
    }

    @Test
    void everyMetricOfTheDashboardIsExposed() throws IOException {
        submitted("citizen-a");
        JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));
        Set<String> names = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:motcua|http_server|jvm|process|system|hikaricp)_[a-z0-9_]+)\\b");
        for (JsonNode expression : dashboard.findValues("expr")) {
            Matcher matcher = metric.matcher(expression.asText());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        assertThat(names).contains("motcua_step_seconds_count", "motcua_step_seconds_bucket",
                "motcua_dossiers_due", "motcua_dossiers_overdue", "motcua_processor_behind_events",
                "motcua_publication_parked", "motcua_audit_seal_seconds_bucket");

        String exposed = prometheus();
        Set<String> missing = new TreeSet<>();
        for (String name : names) {
            if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(exposed).find()) {
                missing.add(name);
            }
        }
        assertThat(missing).as("metrics of the dashboard missing from /actuator/prometheus").isEmpty();
    }

    private String prometheus() {
        Api.Response metrics = as("admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.text();
    }

    /** The value of a deadline gauge of the Hà Nội unit for cosmetics notifications. */
    private double gauge(String name) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(prometheus());
        while (sample.find()) {
            if (sample.group(1).contains("unit=\"" + HANOI + "\"")
                    && sample.group(1).contains("procedure=\"" + COSMETICS + "\"")) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no " + name + " of " + HANOI + " and " + COSMETICS);
    }

    private double committedSubmissions() {
        Matcher sample = Pattern.compile("(?m)^motcua_step_seconds_count\\{([^}]*)} (\\S+)$").matcher(prometheus());
        double total = 0;
        while (sample.find()) {
            String labels = sample.group(1);
            if (labels.contains("step=\"SubmitDossier\"") && labels.contains("outcome=\"committed\"")
                    && labels.contains("procedure=\"" + COSMETICS + "\"")) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }
}
