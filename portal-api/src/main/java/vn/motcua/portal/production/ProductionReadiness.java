package vn.motcua.portal.production;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Runs the {@link ProductionChecklist} as soon as the configuration is read (after the config files and profiles,
 * before any bean — the data source, Kafka, MongoDB, Elasticsearch — exists) when the {@code production} profile is
 * active, and refuses the start with every problem listed. Registered in {@code META-INF/spring.factories}.
 */
public class ProductionReadiness implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<ProductionChecklist.Finding> findings = new ProductionChecklist(new EnvironmentSettings(environment))
                .findings();
        if (!findings.isEmpty()) {
            throw new UnsafeProductionConfiguration(findings);
        }
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor has read application-production.yml and the active profiles
        return Ordered.LOWEST_PRECEDENCE;
    }
}
