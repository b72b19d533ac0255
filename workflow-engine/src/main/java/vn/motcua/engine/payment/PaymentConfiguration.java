package vn.motcua.engine.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.config.PublicAddress;

/**
 * The payment provider of this installation ({@code motcua.payment.provider}): {@code sandbox} in the embedded
 * default, {@code none} in production until a real provider is connected (then applicants pay at the counter). The
 * sandbox's HMAC secret is {@code motcua.payment.sandbox.secret} (Base64) when set, else generated once under
 * {@code <data-dir>/payment/sandbox-hmac.key} like the dev keys: never in the repository.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentConfiguration {

    @Bean
    @ConditionalOnProperty(name = "motcua.payment.provider", havingValue = SandboxPaymentGateway.PROVIDER,
            matchIfMissing = false)
    SandboxPaymentGateway sandboxPaymentGateway(MotcuaProperties properties, JdbcTemplate jdbc, PublicAddress address,
                                                Clock clock, @Value("${motcua.payment.sandbox.secret:}") String secret) {
        byte[] key = secret.isBlank() ? generatedKey(properties.dataDir().resolve("payment").resolve("sandbox-hmac.key"))
                : Base64.getDecoder().decode(secret.strip());
        if (key.length < 32) {
            throw new IllegalStateException("motcua.payment.sandbox.secret must hold at least 32 bytes (Base64)");
        }
        return new SandboxPaymentGateway(key, jdbc, address, clock, properties.zone());
    }

    static byte[] generatedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data directory's own permissions protect it
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the sandbox payment key " + file, e);
        }
    }
}
