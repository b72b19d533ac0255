package vn.motcua.portal;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * motcua: one-stop online public services and e-office for a health authority. With no configuration
 * it runs the embedded default (a real PostgreSQL under {@code ./data}); the {@code production}
 * profile connects to external services.
 */
// motcua is a client of the agency's identity provider, never one itself: should an authorization-server library be
// on the class path (the sign-in tests start one), its auto-configuration must not add keys or a JWT decoder here
@SpringBootApplication(scanBasePackages = "vn.motcua", excludeName = {
        "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"})
public class MotcuaApplication {

    static {
        // Axon's update checker phones home; a government system does not, and here it cannot.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
    }

    public static void main(String[] args) {
        try {
            SpringApplication.run(MotcuaApplication.class, args);
        } catch (Throwable failure) {
            // Spring has logged the cause and closed the context; embedded servers and Axon's threads may still
            // hold the JVM, which would then never serve and never be restarted by a supervisor: end it here.
            LoggerFactory.getLogger(MotcuaApplication.class).error("motcua could not start: {}", rootCause(failure));
            System.exit(1);
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
