package vn.motcua.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * motcua: one-stop online public services and e-office for a health authority. With no configuration
 * it runs the embedded default (a real PostgreSQL under {@code ./data}); the {@code production}
 * profile connects to external services.
 */
@SpringBootApplication(scanBasePackages = "vn.motcua")
public class MotcuaApplication {

    static {
        // Axon's update checker phones home; a government system does not, and here it cannot.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
    }

    public static void main(String[] args) {
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
