package vn.motcua.portal.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.portal.security.DemoUsers;

/**
 * Says "demo" wherever a person or a client looks when the demo users or the dev PKI are on: a header on every
 * response ({@value DemoMode#HEADER}: true, refusals included), {@code demo: true} in {@code /actuator/info}, and
 * the OpenAPI description opening with {@link DemoMode#WARNING}.
 */
@Configuration(proxyBeanMethods = false)
public class DemoConfiguration {

    @Bean
    DemoMode demoMode(ObjectProvider<DemoUsers> users, ObjectProvider<DevPki> pki) {
        List<String> parts = new ArrayList<>();
        if (users.getIfAvailable() != null) {
            parts.add("demo-users");
        }
        if (pki.getIfAvailable() != null) {
            parts.add("dev-pki");
        }
        return new DemoMode(parts);
    }

    /** First of all filters, so that even a request refused by security carries the header. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> demoHeader(DemoMode demo) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        response.setHeader(DemoMode.HEADER, "true");
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("demoHeader");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(demo.on());
        return registration;
    }

    @Bean
    InfoContributor demoInfo(DemoMode demo) {
        return builder -> {
            builder.withDetail("demo", demo.on());
            if (demo.on()) {
                builder.withDetails(Map.of("demoParts", demo.parts(), "demoWarning", DemoMode.WARNING));
            }
        };
    }
}
