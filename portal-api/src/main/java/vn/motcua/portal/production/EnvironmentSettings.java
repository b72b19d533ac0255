package vn.motcua.portal.production;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The checklist's view of Spring's environment: a value whose placeholder names an environment variable that is
 * not set (e.g. {@code ${MOTCUA_DB_URL}}) is absent, not an error, so that every absent setting is reported at once.
 */
final class EnvironmentSettings implements ProductionChecklist.Settings {

    private final ConfigurableEnvironment environment;

    EnvironmentSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> value(String property) {
        try {
            return Optional.ofNullable(environment.getProperty(property)).map(String::strip).filter(v -> !v.isEmpty());
        } catch (IllegalArgumentException unresolvable) {
            return Optional.empty();
        }
    }

    /** A comma-separated value, or a list given by index ({@code property[0]}, …). */
    @Override
    public List<String> list(String property) {
        if (environment.containsProperty(property)) {
            return value(property).stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                    .filter(value -> !value.isEmpty()).toList();
        }
        try {
            // the binder leaves an unresolvable placeholder as it is: such an item is absent too
            return Binder.get(environment).bind(property, Bindable.listOf(String.class)).orElse(List.of()).stream()
                    .map(String::strip).filter(value -> !value.isEmpty() && !value.contains("${")).toList();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }
}
