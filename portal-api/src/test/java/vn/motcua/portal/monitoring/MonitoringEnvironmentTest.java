package vn.motcua.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The OTLP endpoint and the log format come from {@code MOTCUA_OTLP_ENDPOINT} and {@code MOTCUA_LOG_FORMAT} when they
 * are set, and are absent otherwise — so that without an endpoint no exporter exists that would try to connect.
 */
class MonitoringEnvironmentTest {

    @Test
    void theVariablesBecomeTheSpringPropertiesWhenSet() {
        StandardEnvironment environment = environment(Map.of("MOTCUA_OTLP_ENDPOINT", "http://collector:4318/v1/traces",
                "MOTCUA_LOG_FORMAT", "ecs"));
        assertThat(environment.getProperty("management.otlp.tracing.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void unsetOrBlankVariablesLeaveThePropertiesAbsent() {
        StandardEnvironment environment = environment(Map.of("MOTCUA_OTLP_ENDPOINT", " "));
        assertThat(environment.containsProperty("management.otlp.tracing.endpoint")).isFalse();
        assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
    }

    @Test
    void aConfiguredPropertyWinsOverItsVariable() {
        StandardEnvironment environment = environment(Map.of("MOTCUA_LOG_FORMAT", "ecs",
                "logging.structured.format.console", "logstash"));
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new MonitoringEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
