package vn.motcua.portal.production;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Pkcs12Signer;
import vn.motcua.engine.audit.crypto.Signer;

/**
 * What a production instance must be given and must not run with, checked all at once before anything is
 * connected (issue 12, "production fails fast"; docs/security.md, "Production checklist"). Each rule is one
 * method; each problem it finds names the setting (and the environment variable the production profile reads
 * it from) and why it matters, in Vietnamese and English. Only the local file system is read: key files, their
 * password, the trust anchors — never a network service.
 */
public final class ProductionChecklist {

    /** One missing or unsafe setting. {@code variable} is the environment variable, when the profile maps one. */
    public record Finding(String setting, String variable, String vi, String en) {
        public String line() {
            return (variable == null ? setting : variable + " (" + setting + ")") + ": " + vi + " / " + en;
        }
    }

    /** The settings as the application resolves them; a blank or unresolvable value is absent. */
    public interface Settings {
        Optional<String> value(String property);

        List<String> list(String property);
    }

    static final String SIGNER_TYPE = "motcua.audit.signer.type";
    static final String PKCS12_DIRECTORY = "motcua.audit.signer.pkcs12-directory";
    static final String PKCS12_PASSWORD = "motcua.audit.signer.pkcs12-password";
    static final String PKCS11_CONFIG = "motcua.audit.signer.pkcs11-config";
    static final String PKCS11_PIN = "motcua.audit.signer.pkcs11-pin";
    static final String TSA_URL = "motcua.audit.tsa.url";
    static final String AUDIT_TRUST_ANCHORS = "motcua.audit.trust-anchors";
    static final String SIGNING_TRUST_ANCHORS = "motcua.signing.trust-anchors";
    static final String DEMO_USERS = "motcua.security.demo-users.enabled";
    static final String PAYMENT_PROVIDER = "motcua.payment.provider";
    static final String OIDC_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /** Passwords shipped in this repository, vendors' defaults and the first ones every attacker tries. */
    static final Set<String> KNOWN_PASSWORDS = Set.of("motcua", "motcua-demo", "motcua-dev-pki", "postgres",
            "password", "passw0rd", "changeit", "changeme", "secret", "admin", "root", "elastic", "guest", "test",
            "0000", "1234", "12345", "123456", "12345678", "123456789", "111111", "pw");

    private record Required(String property, String variable, String vi, String en) {
    }

    private static final List<Required> CONNECTIONS = List.of(
            new Required("spring.datasource.url", "MOTCUA_DB_URL", "địa chỉ JDBC của PostgreSQL (kho sự kiện, hồ sơ)",
                    "the PostgreSQL JDBC URL (event store, dossiers)"),
            new Required("spring.datasource.username", "MOTCUA_DB_USER", "tài khoản PostgreSQL", "the PostgreSQL user"),
            new Required("spring.datasource.password", "MOTCUA_DB_PASSWORD", "mật khẩu PostgreSQL",
                    "the PostgreSQL password"),
            new Required("spring.kafka.bootstrap-servers", "MOTCUA_KAFKA_BOOTSTRAP_SERVERS", "các máy chủ Kafka",
                    "the Kafka bootstrap servers"),
            new Required("spring.data.mongodb.uri", "MOTCUA_MONGODB_URI", "URI MongoDB (dữ liệu đọc, tệp đính kèm)",
                    "the MongoDB URI (read models, attachments)"),
            new Required("motcua.elasticsearch.uris", "MOTCUA_ELASTICSEARCH_URIS", "địa chỉ Elasticsearch (tìm kiếm)",
                    "the Elasticsearch URLs (search)"),
            new Required("spring.mail.host", "MOTCUA_SMTP_HOST", "máy chủ SMTP (thư thông báo cho người dân)",
                    "the SMTP relay (notifications to applicants)"),
            new Required(OIDC_ISSUER, "MOTCUA_OIDC_ISSUER_URI", "nhà cung cấp định danh OIDC (đăng nhập)",
                    "the OIDC issuer (sign-in)"),
            new Required("motcua.security.oidc.client-id", "MOTCUA_OIDC_CLIENT_ID",
                    "mã ứng dụng OIDC (đăng nhập trên trình duyệt)", "the OIDC client id (browser sign-in)"),
            new Required("motcua.security.oidc.client-secret", "MOTCUA_OIDC_CLIENT_SECRET",
                    "khoá bí mật ứng dụng OIDC", "the OIDC client secret"));

    private static final List<String> EMBEDDED = List.of("database", "kafka", "mongodb", "elasticsearch", "mail");

    private final Settings settings;

    public ProductionChecklist(Settings settings) {
        this.settings = settings;
    }

    /** Every problem at once, in the order of the checklist; empty when the instance may start. */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        connectionsAreGiven(findings);
        noEmbeddedComponent(findings);
        signerIsReal(findings);
        timestampAuthorityIsExternal(findings);
        trustAnchorsAreGiven(AUDIT_TRUST_ANCHORS, findings);
        trustAnchorsAreGiven(SIGNING_TRUST_ANCHORS, findings);
        noDemoUsers(findings);
        noKnownPassword(findings);
        noSandboxPayments(findings);
        return Collections.unmodifiableList(findings);
    }

    /**
     * The sandbox payment provider takes no money and signs with a key it made itself: with it, anyone could mark a
     * fee paid. Production has a real provider or none (then fees are paid at the counter).
     */
    void noSandboxPayments(List<Finding> findings) {
        if (settings.value(PAYMENT_PROVIDER).filter("sandbox"::equalsIgnoreCase).isPresent()) {
            findings.add(new Finding(PAYMENT_PROVIDER, "MOTCUA_PAYMENT_PROVIDER",
                    "cổng thanh toán thử nghiệm (sandbox) không thu tiền thật, chỉ dành cho bản chạy thử",
                    "the sandbox payment provider takes no real money and is for the embedded default only"));
        }
    }

    /** Each external service the production profile connects to is named; the OIDC issuer is a URL. */
    void connectionsAreGiven(List<Finding> findings) {
        for (Required required : CONNECTIONS) {
            if (settings.value(required.property()).isEmpty()) {
                findings.add(new Finding(required.property(), required.variable(), "chưa đặt " + required.vi(),
                        "not set: " + required.en()));
            }
        }
        settings.value(OIDC_ISSUER).filter(issuer -> !isHttpUrl(issuer)).ifPresent(issuer -> findings.add(
                new Finding(OIDC_ISSUER, "MOTCUA_OIDC_ISSUER_URI", "không phải URL http(s): " + issuer,
                        "not an http(s) URL: " + issuer)));
    }

    /** The in-JVM PostgreSQL, Kafka, MongoDB, Elasticsearch and SMTP server are the embedded default's only. */
    void noEmbeddedComponent(List<Finding> findings) {
        for (String component : EMBEDDED) {
            String setting = "motcua." + component + ".embedded";
            if (settings.value(setting).filter("true"::equalsIgnoreCase).isPresent()) {
                findings.add(new Finding(setting, null,
                        "thành phần nhúng trong JVM (" + component + ") chỉ dành cho bản chạy thử",
                        "the in-JVM " + component + " is for the embedded default only"));
            }
        }
    }

    /**
     * Signatures on citizens' dossiers and officials' steps must come from keys an operator controls: an HSM
     * (PKCS#11) or PKCS#12 files mounted from a secret — never the dev PKI, whose password is public, which enrols
     * anyone on demand and whose CA each instance makes for itself.
     */
    void signerIsReal(List<Finding> findings) {
        Optional<String> type = settings.value(SIGNER_TYPE);
        if (type.isEmpty()) {
            findings.add(new Finding(SIGNER_TYPE, "MOTCUA_SIGNER_TYPE",
                    "chưa chọn khoá ký số (pkcs11: HSM/token; pkcs12: tệp khoá gắn từ Secret)",
                    "not set: the signer (pkcs11: an HSM or token; pkcs12: key files mounted from a secret)"));
            return;
        }
        switch (type.get()) {
            case "pkcs12" -> pkcs12KeysAreUsable(findings);
            case "pkcs11" -> pkcs11TokenIsConfigured(findings);
            case "dev-pki" -> findings.add(new Finding(SIGNER_TYPE, "MOTCUA_SIGNER_TYPE",
                    "PKI thử nghiệm (mật khẩu công khai, cấp chứng thư cho bất kỳ ai, CA tự tạo ở mỗi máy) chỉ có ở bản"
                            + " chạy thử",
                    "the dev PKI (public password, enrols anyone on demand, a CA made by each instance) exists only in"
                            + " the embedded default"));
            case "csc", "remote" -> findings.add(new Finding(SIGNER_TYPE, "MOTCUA_SIGNER_TYPE",
                    "ký số từ xa (CSC API) chưa được hỗ trợ trong phiên bản này; dùng pkcs11 hoặc pkcs12",
                    "remote signing (CSC API) is not offered by this version; use pkcs11 or pkcs12"));
            default -> findings.add(new Finding(SIGNER_TYPE, "MOTCUA_SIGNER_TYPE",
                    "loại khoá ký không hợp lệ: " + type.get() + " (pkcs11 hoặc pkcs12)",
                    "unknown signer type: " + type.get() + " (pkcs11 or pkcs12)"));
        }
    }

    /**
     * The directory holds PKCS#12 files that the password opens, none issued by a dev PKI, with the audit log's
     * key and each configured unit's seal (without them no checkpoint, or no citizen's step, could be sealed).
     */
    void pkcs12KeysAreUsable(List<Finding> findings) {
        Optional<String> password = settings.value(PKCS12_PASSWORD);
        if (password.isEmpty()) {
            findings.add(new Finding(PKCS12_PASSWORD, "MOTCUA_SIGNER_PKCS12_PASSWORD",
                    "chưa đặt mật khẩu tệp khoá (lấy từ Secret)", "not set: the key files' password (from a secret)"));
        }
        Optional<String> directory = settings.value(PKCS12_DIRECTORY);
        if (directory.isEmpty()) {
            findings.add(new Finding(PKCS12_DIRECTORY, "MOTCUA_SIGNER_PKCS12_DIRECTORY",
                    "chưa đặt thư mục tệp khoá PKCS#12 (Secret gắn vào máy)",
                    "not set: the directory of PKCS#12 key files (a mounted secret)"));
            return;
        }
        Path keys = Path.of(directory.get());
        List<Path> files = p12Files(keys);
        if (files == null) {
            findings.add(new Finding(PKCS12_DIRECTORY, "MOTCUA_SIGNER_PKCS12_DIRECTORY",
                    "không đọc được thư mục " + keys, "cannot read the directory " + keys));
            return;
        }
        if (files.isEmpty()) {
            findings.add(new Finding(PKCS12_DIRECTORY, "MOTCUA_SIGNER_PKCS12_DIRECTORY",
                    "không có tệp .p12 nào trong " + keys, "no .p12 file in " + keys));
            return;
        }
        List<String> required = new ArrayList<>(List.of(Signer.LOG_ALIAS));
        units().forEach(unit -> required.add(Signer.sealAlias(unit)));
        for (String alias : required) {
            if (!Files.isRegularFile(keys.resolve(Pkcs12Signer.fileName(alias)))) {
                findings.add(new Finding(PKCS12_DIRECTORY, "MOTCUA_SIGNER_PKCS12_DIRECTORY",
                        "thiếu khoá " + alias + " (tệp " + Pkcs12Signer.fileName(alias) + ")",
                        "no key " + alias + " (file " + Pkcs12Signer.fileName(alias) + ")"));
            }
        }
        if (password.isEmpty()) {
            return;
        }
        for (Path file : files) {
            try {
                if (keyStore(file, password.get().toCharArray()).stream().anyMatch(DevPki::isDevCertificate)) {
                    findings.add(new Finding(PKCS12_DIRECTORY, "MOTCUA_SIGNER_PKCS12_DIRECTORY",
                            "tệp " + file.getFileName() + " là khoá của PKI thử nghiệm",
                            "file " + file.getFileName() + " holds a key of a dev PKI"));
                }
            } catch (IOException | GeneralSecurityException e) {
                findings.add(new Finding(PKCS12_PASSWORD, "MOTCUA_SIGNER_PKCS12_PASSWORD",
                        "không mở được tệp " + file.getFileName() + " bằng mật khẩu này",
                        "the password does not open " + file.getFileName()));
            }
        }
    }

    /** A SunPKCS11 configuration (a file, or inline text starting with {@code --}) and the token's PIN. */
    void pkcs11TokenIsConfigured(List<Finding> findings) {
        Optional<String> config = settings.value(PKCS11_CONFIG);
        if (config.isEmpty()) {
            findings.add(new Finding(PKCS11_CONFIG, "MOTCUA_SIGNER_PKCS11_CONFIG",
                    "chưa đặt cấu hình SunPKCS11 của HSM", "not set: the HSM's SunPKCS11 configuration"));
        } else if (!config.get().startsWith("--") && !Files.isReadable(Path.of(config.get()))) {
            findings.add(new Finding(PKCS11_CONFIG, "MOTCUA_SIGNER_PKCS11_CONFIG",
                    "không đọc được tệp cấu hình " + config.get(), "cannot read the configuration file " + config.get()));
        }
        if (settings.value(PKCS11_PIN).isEmpty()) {
            findings.add(new Finding(PKCS11_PIN, "MOTCUA_SIGNER_PKCS11_PIN", "chưa đặt mã PIN của HSM (lấy từ Secret)",
                    "not set: the HSM's PIN (from a secret)"));
        }
    }

    /** Checkpoints are time-stamped by a TSA outside the instance: the embedded TSA is the dev PKI's. */
    void timestampAuthorityIsExternal(List<Finding> findings) {
        Optional<String> url = settings.value(TSA_URL);
        if (url.isEmpty()) {
            findings.add(new Finding(TSA_URL, "MOTCUA_TSA_URL",
                    "chưa đặt máy chủ cấp dấu thời gian RFC 3161 (TSA nhúng không dùng trong production)",
                    "not set: the RFC 3161 time-stamping authority (the embedded TSA is refused in production)"));
        } else if (!isHttpUrl(url.get())) {
            findings.add(new Finding(TSA_URL, "MOTCUA_TSA_URL", "không phải URL http(s): " + url.get(),
                    "not an http(s) URL: " + url.get()));
        } else if (URI.create(url.get()).getPath().endsWith("/api/v1/pki/tsa")) {
            findings.add(new Finding(TSA_URL, "MOTCUA_TSA_URL", "đây là TSA nhúng của một máy motcua thử nghiệm",
                    "this is a motcua instance's embedded dev TSA"));
        }
    }

    /** The root certificates signatures are verified against: readable PEM, none of a dev PKI. */
    void trustAnchorsAreGiven(String setting, List<Finding> findings) {
        List<String> anchors = settings.list(setting);
        if (anchors.isEmpty()) {
            findings.add(new Finding(setting, "MOTCUA_TRUST_ANCHORS",
                    "chưa đặt chứng thư gốc (PEM) để kiểm tra chữ ký", "not set: the root certificates (PEM) signatures"
                            + " are verified against"));
            return;
        }
        for (String anchor : anchors) {
            try {
                List<X509Certificate> certificates = Certificates.parsePem(Files.readString(Path.of(anchor)));
                if (certificates.isEmpty()) {
                    findings.add(new Finding(setting, "MOTCUA_TRUST_ANCHORS", "không có chứng thư trong " + anchor,
                            "no certificate in " + anchor));
                } else if (certificates.stream().anyMatch(DevPki::isDevCertificate)) {
                    findings.add(new Finding(setting, "MOTCUA_TRUST_ANCHORS",
                            anchor + " là CA của PKI thử nghiệm", anchor + " is a dev PKI's CA"));
                }
            } catch (IOException | RuntimeException e) {
                findings.add(new Finding(setting, "MOTCUA_TRUST_ANCHORS", "không đọc được chứng thư " + anchor,
                        "cannot read the certificate " + anchor));
            }
        }
    }

    /** The demo users share one public password and include an administrator. */
    void noDemoUsers(List<Finding> findings) {
        if (settings.value(DEMO_USERS).filter("true"::equalsIgnoreCase).isPresent()) {
            findings.add(new Finding(DEMO_USERS, null,
                    "người dùng thử (mật khẩu công khai, có quản trị viên) chỉ có ở bản chạy thử",
                    "the demo users (one public password, an administrator among them) exist only in the embedded"
                            + " default"));
        }
    }

    /** No secret is one printed in this repository or a vendor's default. */
    void noKnownPassword(List<Finding> findings) {
        Stream.of(
                new Required("spring.datasource.password", "MOTCUA_DB_PASSWORD", "mật khẩu PostgreSQL", "PostgreSQL password"),
                new Required("motcua.elasticsearch.password", "MOTCUA_ELASTICSEARCH_PASSWORD", "mật khẩu Elasticsearch",
                        "Elasticsearch password"),
                new Required("spring.mail.password", "MOTCUA_SMTP_PASSWORD", "mật khẩu SMTP", "SMTP password"),
                new Required(PKCS12_PASSWORD, "MOTCUA_SIGNER_PKCS12_PASSWORD", "mật khẩu tệp khoá", "key files' password"),
                new Required(PKCS11_PIN, "MOTCUA_SIGNER_PKCS11_PIN", "mã PIN của HSM", "HSM PIN"))
                .filter(secret -> settings.value(secret.property())
                        .filter(value -> KNOWN_PASSWORDS.contains(value.toLowerCase(Locale.ROOT))).isPresent())
                .forEach(secret -> findings.add(new Finding(secret.property(), secret.variable(),
                        secret.vi() + " là mật khẩu mặc định hoặc đã công khai",
                        "the " + secret.en() + " is a default or published one")));
    }

    private List<String> units() {
        List<String> units = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<String> id = settings.value("motcua.units[" + i + "].id");
            if (id.isEmpty()) {
                return units;
            }
            units.add(id.get());
        }
    }

    /** The {@code .p12} files of a directory; null when it cannot be read. */
    private static List<Path> p12Files(Path directory) {
        if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
            return null;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".p12")).sorted().toList();
        } catch (IOException e) {
            return null;
        }
    }

    /** Every certificate in a PKCS#12 file, read with {@code password}. */
    private static List<X509Certificate> keyStore(Path file, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain != null) {
                Stream.of(chain).map(X509Certificate.class::cast).forEach(certificates::add);
            }
            if (store.isKeyEntry(alias)) {
                store.getKey(alias, password);
            }
        }
        return certificates;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(
                    uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
