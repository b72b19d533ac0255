package vn.motcua.portal.support;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.Pkcs12Signer;

/**
 * An agency's own CA, as a production installation has one (not the dev PKI): a root certificate and PKCS#12 key
 * files issued by it, laid out as {@link Pkcs12Signer} reads them.
 */
public final class TestCa {

    public static final String NAME = "C=VN,O=Sở Y tế,CN=CA Sở Y tế (kiểm thử)";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final KeyPair keys;
    private final X509Certificate root;

    public TestCa() {
        try {
            keys = ecKeys();
            root = certificate(NAME, keys, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** The root certificate as a PEM file. */
    public Path writeRoot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, Certificates.pem(root));
    }

    /** A key file per alias in {@code directory}, each with its certificate and this CA's, under {@code password}. */
    public Path writeKeys(Path directory, char[] password, List<String> aliases) throws Exception {
        for (String alias : aliases) {
            KeyPair pair = ecKeys();
            Pkcs12Signer.write(directory.resolve(Pkcs12Signer.fileName(alias)), alias, pair.getPrivate(),
                    List.of(certificate("C=VN,O=Sở Y tế,CN=" + alias, pair, false), root), password);
        }
        return directory;
    }

    private X509Certificate certificate(String subject, KeyPair subjectKeys, boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(NAME),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(
                        ca ? subjectKeys.getPrivate() : keys.getPrivate())));
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
