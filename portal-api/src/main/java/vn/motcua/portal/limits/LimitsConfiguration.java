package vn.motcua.portal.limits;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.portal.problem.Problems;

/**
 * Limits at every door (docs/security.md): body caps per door, multipart JSON parts, and the one JSON mapper's
 * read constraints of what comes in over HTTP — nesting depth, string and number lengths, duplicate keys refused, dates held to a span,
 * no control character in text ({@link ControlCharacters}).
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

    /**
     * The read constraints hold for what comes in over HTTP only: each JSON converter gets a copy of the application's
     * mapper with them. The application's mapper itself stays as Jackson makes it, because Axon reads the stored
     * events with it — an event the store holds must always be readable, or every processor behind it stalls.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.stream().filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .forEach(converter -> converter.setObjectMapper(limited(converter.getObjectMapper())));
    }

    static ObjectMapper limited(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        copy.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // after the Java time module, so that its date deserializers are the ones replaced
        copy.registerModule(DateBounds.jacksonModule());
        copy.registerModule(ControlCharacters.jacksonModule());
        return copy;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new DateBounds.Parameters());
        registry.addFormatterForFieldType(java.time.Instant.class, new DateBounds.Instants());
    }
}
