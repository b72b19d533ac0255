package vn.motcua.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Stands in for the agency's OIDC provider, the way citizens reach the API in production (docs/security.md, "Sign-in
 * and sessions"): an RSA key whose public half the application is given
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and RS256 bearer tokens signed with the
 * private half, carrying the subject, name and roles claims the application reads.
 */
final class BearerTokens {

    private final KeyPair keys;

    BearerTokens() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    /** Writes the public key as PEM and returns the application's argument that trusts it. */
    String trustedBy(Path directory) throws IOException {
        Path file = directory.resolve("jwt-public.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + file.toAbsolutePath();
    }

    /** A citizen's token, valid for a day. */
    String citizen(String subject, String name) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"sub\":\"%s\",\"name\":\"%s\",\"roles\":[\"CITIZEN\"],\"iat\":%d,\"exp\":%d}"
                .formatted(subject, name, now, now + 86_400);
        String signed = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + base64(rsa.sign());
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
