package vn.motcua.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * A locally generated RSA key standing in for the agency's OIDC provider: its public key is given to
 * the application as {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and tests
 * mint bearer tokens with its private key. Nothing is written outside {@code target/}.
 */
public final class TestJwt {

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();

    private TestJwt() {
    }

    static Path writePublicKey(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("jwt-public.pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token as the agency's identity provider would issue it. */
    public static String token(String subject, String name, List<String> roles, String unit) {
        return sign(KEYS, subject, name, roles, unit, Instant.now().plusSeconds(600));
    }

    /** A trusted token that names nobody: no {@code sub}. */
    public static String tokenWithoutSubject(List<String> roles, String unit) {
        return sign(KEYS, null, "Không tên", roles, unit, Instant.now().plusSeconds(600));
    }

    public static String expiredToken(String subject, List<String> roles, String unit) {
        return sign(KEYS, subject, subject, roles, unit, Instant.now().minusSeconds(600));
    }

    /** A well-formed token signed by a key the application does not trust. */
    public static String forgedToken(String subject, List<String> roles, String unit) {
        return sign(STRANGER, subject, subject, roles, unit, Instant.now().plusSeconds(600));
    }

    private static String sign(KeyPair keys, String subject, String name, List<String> roles, String unit,
                               Instant expiresAt) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().claim("name", name)
                .claim("roles", roles).issuedAt(expiresAt.minusSeconds(1200)).expiresAt(expiresAt);
        if (subject != null) {
            claims.subject(subject);
        }
        if (unit != null) {
            claims.claim("unit", unit);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
