package vn.motcua.engine.config;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people and providers reach this installation: {@code motcua.payment.public-base-url} when set (production:
 * the agency's public address), else this server on localhost (its port known once the web server has started).
 */
@Component
public class PublicAddress {

    private final Environment environment;

    PublicAddress(Environment environment) {
        this.environment = environment;
    }

    public String baseUrl() {
        String configured = environment.getProperty("motcua.payment.public-base-url", "").strip();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** The applicant's door to pay a dossier's fee online. */
    public String paymentOf(String dossierCode) {
        return baseUrl() + "/api/v1/dossiers/" + dossierCode + "/payments";
    }
}
