package vn.motcua.portal.limits;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.portal.problem.Problems;

/**
 * Limits at every door (docs/security.md): body caps per door, multipart JSON parts, and the one JSON mapper's
 * read constraints — nesting depth, string and number lengths, duplicate keys refused, dates held to a span.
 */
@Configuration
@EnableConfigurationProperties(BodyLimits.class)
public class LimitsConfiguration implements WebMvcConfigurer {

    /** Deeper than any form, event or CloudEvent the service reads (they nest fewer than 10 levels). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Far above any text a form allows (at most a few thousand characters), far below Jackson's 20 M default. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** A number of more digits than this is no amount, count or id the service knows. */
    public static final int MAX_NUMBER_LENGTH = 100;

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimits limits, Problems problems, ObjectMapper mapper) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(limits, problems, mapper));
        // before Spring Security (-100) and anything else that could read the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver(BodyLimits limits) {
        return new JsonPartLimit(limits.jsonPart());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonLimits() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build());
                    // after the Java time module, so that its date deserializers are the ones replaced
                    mapper.registerModule(DateBounds.jacksonModule());
                });
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new DateBounds.Parameters());
        registry.addFormatterForFieldType(java.time.Instant.class, new DateBounds.Instants());
    }
}
