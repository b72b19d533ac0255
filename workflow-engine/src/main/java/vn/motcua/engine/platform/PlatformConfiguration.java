package vn.motcua.engine.platform;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Collects the registered aggregate types. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    AggregateTypes aggregateTypes(List<AggregateType<?>> types, JdbcTemplate jdbc) {
        return new AggregateTypes(types, jdbc);
    }
}
