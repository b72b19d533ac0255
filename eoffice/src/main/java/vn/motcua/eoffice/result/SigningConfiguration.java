package vn.motcua.eoffice.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.crypto.TimestampAuthority;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;

/**
 * PDF signing and verification for the application: the same keys and timestamp authority as the audit
 * trail; trust in the dev root CA in the embedded default plus any anchors configured under
 * {@code motcua.signing.trust-anchors} (PEM files, e.g. the Vietnamese national root CA) in production.
 */
@Configuration(proxyBeanMethods = false)
public class SigningConfiguration {

    @Bean
    PadesSigner padesSigner(Signer signer, TimestampAuthority timestamps, Clock clock) {
        return new PadesSigner(signer, timestamps, clock);
    }

    /** The forms, dated in the agency's legal time zone. */
    @Bean
    OneStopForms oneStopForms(MotcuaProperties properties) {
        return new OneStopForms(properties.zone());
    }

    @Bean
    PdfSignatureVerifier pdfSignatureVerifier(ObjectProvider<DevPki> devPki, Clock clock,
                                              @Value("${motcua.signing.trust-anchors:}") String anchors) {
        List<X509Certificate> trusted = new ArrayList<>();
        DevPki pki = devPki.getIfAvailable();
        if (pki != null) {
            trusted.add(pki.rootCertificate());
        }
        for (String anchor : anchors.split(",")) {
            if (!anchor.isBlank()) {
                trusted.add(read(Path.of(anchor.strip())));
            }
        }
        return new PdfSignatureVerifier(trusted, clock);
    }

    private static X509Certificate read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read trust anchor " + pem, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("Not a certificate: " + pem, e);
        }
    }
}
