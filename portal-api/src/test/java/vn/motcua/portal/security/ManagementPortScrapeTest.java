package vn.motcua.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Prometheus scrapes without signing in only on the actuator's own port (production, {@code MOTCUA_MANAGEMENT_PORT});
 * on the application's port, and whenever the actuator shares it, the metrics stay for administrators and inspectors
 * ({@code MonitoringTest}).
 */
class ManagementPortScrapeTest {

    @Test
    void onlyTheScrapeOnTheManagementPortGoesWithoutSignIn() {
        RequestMatcher production = SecurityConfiguration.scrapeOn(9464);
        assertThat(production.matches(request(9464, "/actuator/prometheus"))).isTrue();
        assertThat(production.matches(request(8080, "/actuator/prometheus"))).isFalse();
        assertThat(production.matches(request(9464, "/actuator/health"))).isFalse();
        assertThat(production.matches(request(9464, "/actuator/prometheus/../env"))).isFalse();
    }

    @Test
    void withoutAManagementPortNothingGoesWithoutSignIn() {
        RequestMatcher embedded = SecurityConfiguration.scrapeOn(0);
        assertThat(embedded.matches(request(0, "/actuator/prometheus"))).isFalse();
        assertThat(embedded.matches(request(8080, "/actuator/prometheus"))).isFalse();
    }

    private static MockHttpServletRequest request(int port, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setLocalPort(port);
        return request;
    }
}
