package vn.motcua.portal.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The two monitoring settings that must be absent rather than empty when their variable is not set, so that they
 * cannot be written as {@code ${VARIABLE:}} in application.yml: {@code MOTCUA_OTLP_ENDPOINT} becomes
 * {@code management.otlp.tracing.endpoint} (Spring Boot creates the OTLP span exporter whenever that property exists,
 * so without it nothing is exported and nothing tries to connect), and {@code MOTCUA_LOG_FORMAT} ({@code ecs},
 * {@code logstash}, {@code gelf}) becomes {@code logging.structured.format.console} (JSON logs in the embedded
 * default too; the production profile has them by default). Set properties win over the variables.
 */
public class MonitoringEnvironment implements EnvironmentPostProcessor, Ordered {

    static final Map<String, String> VARIABLES = Map.of(
            "MOTCUA_OTLP_ENDPOINT", "management.otlp.tracing.endpoint",
            "MOTCUA_LOG_FORMAT", "logging.structured.format.console");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank() && !environment.containsProperty(property)) {
                properties.put(property, value.strip());
            }
        });
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("motcuaMonitoringVariables", properties));
        }
    }

    @Override
    public int getOrder() {
        // after the config files are read (ConfigDataEnvironmentPostProcessor), before logging starts
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
