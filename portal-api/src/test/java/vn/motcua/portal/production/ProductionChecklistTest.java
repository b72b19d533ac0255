package vn.motcua.portal.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import vn.motcua.engine.audit.AuditProperties;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Pkcs12Signer;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.portal.support.TestCa;

/**
 * Each rule of the production checklist, on the real {@code application.yml} and {@code application-production.yml}
 * with the operator's variables on top (as environment variables are), and real key files and certificates.
 */
class ProductionChecklistTest {

    private static final String PASSWORD = "kho-khoa-ky-2027-bi-mat";
    private static final List<String> UNITS = List.of("000.00.16.H26", "000.00.16.H29");

    @TempDir
    Path directory;

    private Path keys;
    private Path anchor;
    private final Map<String, Object> variables = new HashMap<>();

    /** A complete, safe production configuration: an agency CA, a key per unit seal and the log's, a TSA. */
    @BeforeEach
    void completeConfiguration() throws Exception {
        TestCa ca = new TestCa();
        keys = ca.writeKeys(directory.resolve("keys"), PASSWORD.toCharArray(),
                List.of(Signer.LOG_ALIAS, Signer.sealAlias(UNITS.get(0)), Signer.sealAlias(UNITS.get(1))));
        anchor = ca.writeRoot(directory.resolve("root.pem"));
        variables.putAll(Map.ofEntries(
                Map.entry("MOTCUA_DB_URL", "jdbc:postgresql://db.internal:5432/motcua"),
                Map.entry("MOTCUA_DB_USER", "motcua_app"),
                Map.entry("MOTCUA_DB_PASSWORD", "t8#Vq2-db-from-the-vault"),
                Map.entry("MOTCUA_KAFKA_BOOTSTRAP_SERVERS", "kafka-0.internal:9092"),
                Map.entry("MOTCUA_MONGODB_URI", "mongodb://mongo-0.internal:27017/?replicaSet=rs0"),
                Map.entry("MOTCUA_ELASTICSEARCH_URIS", "https://es-0.internal:9200"),
                Map.entry("MOTCUA_SMTP_HOST", "smtp.internal"),
                Map.entry("MOTCUA_OIDC_ISSUER_URI", "https://sso.example.gov.vn/realms/syt"),
                Map.entry("MOTCUA_OIDC_CLIENT_ID", "motcua-portal"),
                Map.entry("MOTCUA_OIDC_CLIENT_SECRET", "f2b8c1e0-5d7a-4c1e-9a3b-7e6d5c4b3a21"),
                Map.entry("MOTCUA_SIGNER_TYPE", "pkcs12"),
                Map.entry("MOTCUA_SIGNER_PKCS12_DIRECTORY", keys.toString()),
                Map.entry("MOTCUA_SIGNER_PKCS12_PASSWORD", PASSWORD),
                Map.entry("MOTCUA_TSA_URL", "https://tsa.example.gov.vn/tsa"),
                Map.entry("MOTCUA_TRUST_ANCHORS", anchor.toString())));
    }

    private StandardEnvironment environment() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (PropertySource<?> source : yaml.load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        // the profile group production = production + servers (application.yml), the later file first
        for (String profile : List.of("production", "servers")) {
            for (PropertySource<?> source : yaml.load(profile,
                    new ClassPathResource("application-" + profile + ".yml"))) {
                environment.getPropertySources().addFirst(source);
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("operator", variables));
        environment.setActiveProfiles("production", "servers");
        return environment;
    }

    private List<ProductionChecklist.Finding> findings() throws IOException {
        return new ProductionChecklist(new EnvironmentSettings(environment())).findings();
    }

    private List<String> lines() throws IOException {
        return findings().stream().map(ProductionChecklist.Finding::line).toList();
    }

    @Test
    void aCompleteProductionConfigurationPassesAndBindsToRealKeys() throws IOException {
        assertThat(lines()).isEmpty();
        AuditProperties audit = Binder.get(environment()).bindOrCreate("motcua.audit", AuditProperties.class);
        assertThat(audit.signer().type()).isEqualTo("pkcs12");
        assertThat(audit.signer().pkcs12Directory()).isEqualTo(keys);
        assertThat(audit.tsa().url()).hasToString("https://tsa.example.gov.vn/tsa");
        assertThat(audit.trustAnchors()).containsExactly(anchor);
    }

    @Test
    void nothingSetListsEveryMissingSettingAtOnce() throws IOException {
        variables.clear();
        assertThat(findings()).extracting(ProductionChecklist.Finding::variable).containsExactly(
                "MOTCUA_DB_URL", "MOTCUA_DB_USER", "MOTCUA_DB_PASSWORD", "MOTCUA_KAFKA_BOOTSTRAP_SERVERS",
                "MOTCUA_MONGODB_URI", "MOTCUA_ELASTICSEARCH_URIS", "MOTCUA_SMTP_HOST", "MOTCUA_OIDC_ISSUER_URI",
                "MOTCUA_OIDC_CLIENT_ID", "MOTCUA_OIDC_CLIENT_SECRET", "MOTCUA_SIGNER_TYPE", "MOTCUA_TSA_URL", "MOTCUA_TRUST_ANCHORS", "MOTCUA_TRUST_ANCHORS");
        assertThat(lines()).allSatisfy(line -> assertThat(line).contains("chưa", "not set"));
    }

    @Test
    void theDevPkiIsRefused() throws IOException {
        variables.put("MOTCUA_SIGNER_TYPE", "dev-pki");
        assertThat(lines()).singleElement().asString().startsWith("MOTCUA_SIGNER_TYPE (motcua.audit.signer.type)")
                .contains("PKI thử nghiệm", "dev PKI");
    }

    @Test
    void remoteSigningIsNotOfferedAndAnUnknownSignerIsNamed() throws IOException {
        variables.put("MOTCUA_SIGNER_TYPE", "csc");
        assertThat(lines()).singleElement().asString().contains("CSC", "not offered");
        variables.put("MOTCUA_SIGNER_TYPE", "vault");
        assertThat(lines()).singleElement().asString().contains("unknown signer type: vault");
    }

    @Test
    void pkcs12NeedsItsDirectoryAndPassword() throws IOException {
        variables.remove("MOTCUA_SIGNER_PKCS12_DIRECTORY");
        variables.remove("MOTCUA_SIGNER_PKCS12_PASSWORD");
        assertThat(findings()).extracting(ProductionChecklist.Finding::setting).containsExactly(
                ProductionChecklist.PKCS12_PASSWORD, ProductionChecklist.PKCS12_DIRECTORY);
        variables.put("MOTCUA_SIGNER_PKCS12_DIRECTORY", directory.resolve("not-mounted").toString());
        variables.put("MOTCUA_SIGNER_PKCS12_PASSWORD", PASSWORD);
        assertThat(lines()).singleElement().asString().contains("cannot read the directory");
    }

    @Test
    void aPasswordThatDoesNotOpenTheKeysIsRefused() throws IOException {
        variables.put("MOTCUA_SIGNER_PKCS12_PASSWORD", "not-the-password-of-these-files");
        assertThat(lines()).hasSize(3).allSatisfy(line -> assertThat(line).contains("the password does not open"));
    }

    @Test
    void aMissingSealOrLogKeyIsNamed() throws IOException {
        Files.delete(keys.resolve(Pkcs12Signer.fileName(Signer.sealAlias(UNITS.get(1)))));
        assertThat(lines()).singleElement().asString().contains("no key " + Signer.sealAlias(UNITS.get(1)));
        Files.delete(keys.resolve(Pkcs12Signer.fileName(Signer.LOG_ALIAS)));
        assertThat(lines()).hasSize(2).anySatisfy(line -> assertThat(line).contains("no key log"));
    }

    @Test
    void keysOfADevPkiAreRefusedEvenUnderAnotherPassword() throws IOException {
        DevPki dev = DevPki.open(directory.resolve("dev"), PASSWORD.toCharArray(), "motcua (dev)",
                "http://localhost:8080/api/v1/pki/", Clock.systemUTC());
        UNITS.forEach(unit -> dev.enrolSeal(unit, unit));
        variables.put("MOTCUA_SIGNER_PKCS12_DIRECTORY", dev.directory().resolve("keys").toString());
        assertThat(lines()).hasSize(3).allSatisfy(line -> assertThat(line).contains("holds a key of a dev PKI"));
        Files.copy(dev.directory().resolve("root-ca.pem"), anchor, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(lines()).hasSize(5).filteredOn(line -> line.contains("is a dev PKI's CA")).hasSize(2);
    }

    @Test
    void pkcs11NeedsItsConfigurationAndAPinThatIsNoDefault() throws IOException {
        variables.put("MOTCUA_SIGNER_TYPE", "pkcs11");
        assertThat(findings()).extracting(ProductionChecklist.Finding::setting)
                .containsExactly(ProductionChecklist.PKCS11_CONFIG, ProductionChecklist.PKCS11_PIN);
        variables.put("MOTCUA_SIGNER_PKCS11_CONFIG", directory.resolve("hsm.cfg").toString());
        variables.put("MOTCUA_SIGNER_PKCS11_PIN", "1234");
        assertThat(lines()).containsExactly(
                "MOTCUA_SIGNER_PKCS11_CONFIG (motcua.audit.signer.pkcs11-config): không đọc được tệp cấu hình "
                        + directory.resolve("hsm.cfg") + " / cannot read the configuration file " + directory.resolve("hsm.cfg"),
                "MOTCUA_SIGNER_PKCS11_PIN (motcua.audit.signer.pkcs11-pin): mã PIN của HSM là mật khẩu mặc định hoặc đã"
                        + " công khai / the HSM PIN is a default or published one");
        Files.writeString(directory.resolve("hsm.cfg"), "name=hsm\nlibrary=/usr/lib/hsm/libpkcs11.so\nslot=0\n");
        variables.put("MOTCUA_SIGNER_PKCS11_PIN", "8f2kq-91xv");
        variables.remove("MOTCUA_SIGNER_PKCS12_DIRECTORY");
        variables.remove("MOTCUA_SIGNER_PKCS12_PASSWORD");
        assertThat(lines()).isEmpty();
        AuditProperties audit = Binder.get(environment()).bindOrCreate("motcua.audit", AuditProperties.class);
        assertThat(audit.signer().pkcs11Config()).isEqualTo(directory.resolve("hsm.cfg").toString());
    }

    @Test
    void theTimestampAuthorityMustBeAnExternalHttpUrl() throws IOException {
        variables.remove("MOTCUA_TSA_URL");
        assertThat(lines()).singleElement().asString().contains("the embedded TSA is refused in production");
        variables.put("MOTCUA_TSA_URL", "tsa.example.gov.vn");
        assertThat(lines()).singleElement().asString().contains("not an http(s) URL");
        variables.put("MOTCUA_TSA_URL", "http://motcua-demo.internal:8080/api/v1/pki/tsa");
        assertThat(lines()).singleElement().asString().contains("embedded dev TSA");
    }

    @Test
    void trustAnchorsMustBeReadableCertificates() throws IOException {
        variables.put("MOTCUA_TRUST_ANCHORS", anchor + "," + directory.resolve("missing.pem"));
        assertThat(findings()).extracting(ProductionChecklist.Finding::setting).containsExactly(
                ProductionChecklist.AUDIT_TRUST_ANCHORS, ProductionChecklist.SIGNING_TRUST_ANCHORS);
        assertThat(lines()).allSatisfy(line -> assertThat(line).contains("cannot read the certificate"));
    }

    @Test
    void demoUsersAreRefused() throws IOException {
        variables.put("motcua.security.demo-users.enabled", "true");
        assertThat(lines()).singleElement().asString().startsWith("motcua.security.demo-users.enabled:")
                .contains("demo users");
    }

    @Test
    void embeddedComponentsAreRefused() throws IOException {
        variables.put("motcua.database.embedded", "true");
        variables.put("motcua.kafka.embedded", "true");
        assertThat(findings()).extracting(ProductionChecklist.Finding::setting)
                .containsExactly("motcua.database.embedded", "motcua.kafka.embedded");
    }

    @Test
    void knownPasswordsAreRefused() throws IOException {
        variables.put("MOTCUA_DB_PASSWORD", "postgres");
        variables.put("MOTCUA_SMTP_PASSWORD", "ChangeMe");
        assertThat(findings()).extracting(ProductionChecklist.Finding::variable)
                .containsExactly("MOTCUA_DB_PASSWORD", "MOTCUA_SMTP_PASSWORD");
    }

    @Test
    void theSandboxPaymentProviderIsRefused() throws IOException {
        assertThat(findings()).as("no provider: fees are paid at the counter").isEmpty();
        variables.put("MOTCUA_PAYMENT_PROVIDER", "sandbox");
        assertThat(findings()).extracting(ProductionChecklist.Finding::variable)
                .containsExactly("MOTCUA_PAYMENT_PROVIDER");
        assertThat(lines()).singleElement().asString().contains("sandbox");
    }

    @Test
    void theOidcIssuerMustBeAUrl() throws IOException {
        variables.put("MOTCUA_OIDC_ISSUER_URI", "syt");
        assertThat(lines()).singleElement().asString().startsWith("MOTCUA_OIDC_ISSUER_URI").contains("not an http(s) URL");
    }

    @Test
    void theStartIsRefusedOnlyInProductionWithEveryProblemInOneMessage() throws IOException {
        variables.clear();
        variables.put("motcua.security.demo-users.enabled", "true");
        StandardEnvironment production = environment();
        assertThatThrownBy(() -> new ProductionReadiness().postProcessEnvironment(production, null))
                .isInstanceOf(UnsafeProductionConfiguration.class)
                .hasMessageContaining("15 problems")
                .hasMessageContaining("MOTCUA_DB_URL").hasMessageContaining("MOTCUA_SMTP_HOST")
                .hasMessageContaining("MOTCUA_SIGNER_TYPE").hasMessageContaining("demo users");
        StandardEnvironment embedded = environment();
        embedded.setActiveProfiles();
        new ProductionReadiness().postProcessEnvironment(embedded, null);
    }
}
