package vn.motcua.engine.audit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.verify.CertificateValidator;
import vn.motcua.engine.audit.verify.TimestampTokens;

/** The signers behind the {@link Signer} seam, the dev PKI they get keys from, and its time-stamping authority. */
class SignersTest {

    private static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    @TempDir
    Path directory;

    private DevPki pki() {
        DevPki pki = DevPki.open(directory.resolve("pki"), "pw".toCharArray(), "motcua (test)", "http://localhost/pki/",
                Clock.systemUTC());
        pki.enrolOfficial("leader-hn", "Đặng Quốc Việt", "000.00.16.H26");
        pki.enrolSeal("000.00.16.H26", "Sở Y tế Hà Nội");
        return pki;
    }

    @Test
    void theDevPkiIssuesChainsThatValidateAndSurvivesARestart() {
        DevPki pki = pki();
        byte[] data = "bytes".getBytes(StandardCharsets.UTF_8);
        SignatureValue signature = pki.signer().sign(Signer.officialAlias("leader-hn"), data);
        assertThat(signature.algorithm()).isEqualTo(SignatureAlgorithms.ECDSA_SHA256);
        assertThat(SignatureAlgorithms.verify(signature.algorithm(), signature.certificate().getPublicKey(), data,
                signature.value())).isTrue();
        assertThat(Certificates.subject(signature.certificate())).contains("UID=leader-hn", "OU=000.00.16.H26");
        CertificateValidator validator = new CertificateValidator(List.of(pki.rootCertificate()), pki.intermediates(),
                List.of(pki.crl(), pki.rootCrl()));
        assertThat(validator.validAt(signature.certificate(), java.time.Instant.now()).valid()).isTrue();
        assertThat(validator.validAt(signature.certificate(), java.time.Instant.now().minusSeconds(86_400)).valid()).isFalse();
        assertThat(directory.resolve("pki/keys").toFile().list()).allMatch(name -> name.endsWith(".p12"));

        DevPki reopened = DevPki.open(directory.resolve("pki"), "pw".toCharArray(), "motcua (test)",
                "http://localhost/pki/", Clock.systemUTC());
        assertThat(reopened.rootCertificate()).isEqualTo(pki.rootCertificate());
        assertThat(reopened.signer().chain(Signer.sealAlias("000.00.16.H26")).getFirst())
                .isEqualTo(pki.signer().chain(Signer.sealAlias("000.00.16.H26")).getFirst());
        assertThatThrownBy(() -> reopened.signer().sign(Signer.officialAlias("nobody"), data))
                .isInstanceOf(NoSigningKey.class);
    }

    @Test
    void rsaPssSignaturesVerifyAndNoOtherAlgorithmIsAccepted() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] data = "bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(SignatureAlgorithms.forKey(pair.getPrivate())).isEqualTo(SignatureAlgorithms.RSA_PSS_SHA256);
        byte[] value = SignatureAlgorithms.sign(SignatureAlgorithms.RSA_PSS_SHA256, pair.getPrivate(), data,
                BouncyCastle.PROVIDER);
        assertThat(SignatureAlgorithms.verify(SignatureAlgorithms.RSA_PSS_SHA256, pair.getPublic(), data, value)).isTrue();
        assertThat(SignatureAlgorithms.verify("SHA1withRSA", pair.getPublic(), data, value)).isFalse();
    }

    @Test
    void theEmbeddedTsaAnswersOverTheRfc3161WireFormatAndItsTokensVerify() throws Exception {
        DevPki pki = pki();
        EmbeddedTimestampAuthority tsa = new EmbeddedTimestampAuthority(pki.timestampingKey(), Clock.systemUTC());
        byte[] imprint = Hashes.sha256("checkpoint".getBytes(StandardCharsets.UTF_8));
        byte[] token = tsa.timestamp(imprint);
        CertificateValidator validator = new CertificateValidator(List.of(pki.rootCertificate()), pki.intermediates(),
                List.of(pki.crl()));
        TimestampTokens.Result result = TimestampTokens.verify(token, imprint, validator, List.of());
        assertThat(result.valid()).as(result.detail()).isTrue();
        assertThat(TimestampTokens.verify(token, Hashes.sha256(new byte[] {1}), validator, List.of()).valid()).isFalse();
        // a TSA chaining to another root is not trusted
        DevPki other = DevPki.open(directory.resolve("other"), "pw".toCharArray(), "other", "http://x/", Clock.systemUTC());
        CertificateValidator strangers = new CertificateValidator(List.of(other.rootCertificate()), other.intermediates(),
                List.of());
        assertThat(TimestampTokens.verify(token, imprint, strangers, List.of()).valid()).isFalse();
    }

    @Test
    void aKeyOnAPkcs11TokenSignsThroughSunPkcs11() throws Exception {
        assertThat(Files.exists(SOFTHSM)).as("SoftHSM 2 (Debian softhsm2) is missing: run scripts/setup.sh").isTrue();
        String label = "motcua-" + System.nanoTime();
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", "1234",
                "--so-pin", "5678").redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(init.waitFor()).as("softhsm2-util could not make a token: " + output).isZero();
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        assertThat(slot.find()).as(output).isTrue();
        try {
            DevPki pki = pki();
            Path file = pki.signer().file(Signer.officialAlias("leader-hn"));
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                p12.load(in, "pw".toCharArray());
            }
            String entry = p12.aliases().nextElement();
            PrivateKey key = (PrivateKey) p12.getKey(entry, "pw".toCharArray());
            Certificate[] chain = p12.getCertificateChain(entry);

            Pkcs11Signer token = new Pkcs11Signer("--name=motcua-test\nlibrary=" + SOFTHSM + "\nslot=" + slot.group(1)
                    + "\n", "1234".toCharArray());
            token.keyStore().setKeyEntry(Signer.officialAlias("leader-hn"), key, "1234".toCharArray(), chain);
            Pkcs11Signer reopened = new Pkcs11Signer("--name=motcua-test2\nlibrary=" + SOFTHSM + "\nslot="
                    + slot.group(1) + "\n", "1234".toCharArray());
            assertThat(reopened.holds(Signer.officialAlias("leader-hn"))).isTrue();
            byte[] data = "a step".getBytes(StandardCharsets.UTF_8);
            SignatureValue signature = reopened.sign(Signer.officialAlias("leader-hn"), data);
            assertThat(signature.certificate()).isEqualTo(chain[0]);
            assertThat(SignatureAlgorithms.verify(signature.algorithm(), signature.certificate().getPublicKey(), data,
                    signature.value())).isTrue();
            assertThat(reopened.holds(Signer.officialAlias("nobody"))).isFalse();
        } finally {
            new ProcessBuilder("softhsm2-util", "--delete-token", "--token", label).start().waitFor();
        }
    }
}
