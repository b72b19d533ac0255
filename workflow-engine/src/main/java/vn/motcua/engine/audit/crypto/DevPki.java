package vn.motcua.engine.audit.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded default's certificate authority, made with Bouncy Castle on first start and kept under
 * {@code <data-dir>/pki} (PKCS#12 files; never in git): a root CA, an issuing CA, a personal certificate for
 * each official and a seal certificate for each agency (both issued on demand as well), the audit log's
 * checkpoint key and the time-stamping authority's key. The issuing CA publishes a CRL
 * ({@code issuing-ca.crl}, pointed to by every certificate it issues). It stands in for an official-use CA
 * (Decree 68/2024/ND-CP) or a licensed public CA (Decree 23/2025/ND-CP): production configures real
 * keys ({@link Pkcs12Signer} files or {@link Pkcs11Signer} tokens) and their trust anchors instead.
 */
public final class DevPki {

    /** A key with its certificate chain (signer first). */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.getFirst();
        }
    }

    public static final String TSA_ALIAS = "tsa";
    private static final String ROOT_NAME = "motcua dev root CA";
    private static final String ISSUING_NAME = "motcua dev issuing CA";
    private static final String SIGNING = "SHA256withECDSA";
    private static final Duration CA_LIFETIME = Duration.ofDays(20 * 365);
    private static final Duration END_ENTITY_LIFETIME = Duration.ofDays(3 * 365);
    private static final Duration CRL_LIFETIME = Duration.ofDays(7);
    /** Certificates start a little in the past, so that a step taken the second a key is made verifies. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    /** The directories opened in this JVM, each with the lock its instances take before the file's. */
    private static final Map<Path, Lock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path directory;
    private final char[] password;
    private final String organisation;
    private final String crlBaseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Pkcs12Signer keys;
    private final Issued root;
    private final Issued issuing;
    private final Issued tsa;
    private X509CRL crl;
    private X509CRL rootCrl;

    private DevPki(Path directory, char[] password, String organisation, String crlBaseUrl, Clock clock)
            throws IOException, GeneralSecurityException {
        this.directory = directory;
        this.password = password.clone();
        this.organisation = organisation;
        this.crlBaseUrl = crlBaseUrl.endsWith("/") ? crlBaseUrl : crlBaseUrl + "/";
        this.clock = clock;
        Files.createDirectories(directory);
        restrict(directory);
        this.keys = new Pkcs12Signer(directory.resolve("keys"), password);
        Lock inThisJvm = lockInThisJvm();
        try (FileChannel lockFile = lockFile(); FileLock held = lockFile.lock()) {
            this.root = loadOrCreate("root-ca.p12", this::createRoot);
            this.issuing = loadOrCreate("issuing-ca.p12", this::createIssuing);
            this.tsa = loadOrCreate("tsa.p12", () -> issue(name("motcua dev time-stamping authority", null), null,
                    Profile.TIMESTAMPING));
            Files.writeString(directory.resolve("root-ca.pem"), Certificates.pem(root.certificate()));
            Files.writeString(directory.resolve("issuing-ca.pem"), Certificates.pem(issuing.certificate()));
            Files.writeString(directory.resolve("tsa.pem"), Certificates.pem(tsa.chain()));
            this.rootCrl = loadOrIssueCrl("root-ca.crl", root, List.of());
            this.crl = loadOrIssueCrl("issuing-ca.crl", issuing, List.of());
            if (!keys.holds(Signer.LOG_ALIAS)) {
                Issued log = issueChecked(name("motcua audit log", null), Profile.SIGNING);
                Pkcs12Signer.write(keys.file(Signer.LOG_ALIAS), Signer.LOG_ALIAS, log.key(), log.chain(), password);
            }
        } finally {
            inThisJvm.unlock();
        }
    }

    /**
     * The lock of the directory's files: nodes that share one dev PKI (a node that joins an embedded one,
     * application-join.yml) take it to make or renew a key, so that one official never gets two keys. A file lock
     * is held by a whole process, so the instances of one JVM first take the directory's lock in it.
     */
    private FileChannel lockFile() throws IOException {
        return FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private Lock lockInThisJvm() {
        Lock lock = IN_THIS_JVM.computeIfAbsent(directory, any -> new ReentrantLock());
        lock.lock();
        return lock;
    }

    private X509Certificate enrolled(String alias, Supplier<Issued> issue) {
        Lock inThisJvm = lockInThisJvm();
        try (FileChannel lockFile = lockFile(); FileLock held = lockFile.lock()) {
            if (!keys.holds(alias)) {
                write(alias, issue.get());
            }
            return keys.chain(alias).getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inThisJvm.unlock();
        }
    }

    /**
     * Whether a certificate is one of a dev PKI's CAs or was issued by one (its keys' password is public, and any
     * installation makes its own): the production checklist refuses such keys and trust anchors.
     */
    public static boolean isDevCertificate(X509Certificate certificate) {
        for (var principal : List.of(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal())) {
            for (org.bouncycastle.asn1.x500.RDN rdn : X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN)) {
                String commonName = org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdn.getFirst().getValue());
                if (commonName.equals(ROOT_NAME) || commonName.equals(ISSUING_NAME)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Opens the PKI under {@code directory}, creating whatever is missing. */
    public static DevPki open(Path directory, char[] password, String organisation, String crlBaseUrl, Clock clock) {
        try {
            return new DevPki(directory, password, organisation, crlBaseUrl, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the dev PKI: " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Pkcs12Signer signer() {
        return keys;
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public X509Certificate issuingCertificate() {
        return issuing.certificate();
    }

    /** The CA certificates that are not trust anchors (for path building). */
    public List<X509Certificate> intermediates() {
        return List.of(issuing.certificate());
    }

    public Issued timestampingKey() {
        return tsa;
    }

    public synchronized X509CRL crl() {
        return crl;
    }

    public synchronized X509CRL rootCrl() {
        return rootCrl;
    }

    /** A personal certificate for an official (subject UID = their id, OU = their unit), if they have none yet. */
    public synchronized X509Certificate enrolOfficial(String id, String name, String unitId) {
        return enrolled(Signer.officialAlias(id), () -> issueChecked(official(id, name, unitId), Profile.SIGNING));
    }

    /** An agency's seal certificate (subject organizationIdentifier = the unit's code), if it has none yet. */
    public synchronized X509Certificate enrolSeal(String unitId, String unitName) {
        return enrolled(Signer.sealAlias(unitId), () -> issueChecked(seal(unitId, unitName), Profile.SIGNING));
    }

    /**
     * Revokes the certificate of {@code alias} as of {@code at} (published at once in a new CRL) and issues
     * its holder a new key and certificate: what was signed before stays valid, nothing after.
     */
    public synchronized X509Certificate revokeAndRenew(String alias, Instant at) {
        Lock inThisJvm = lockInThisJvm();
        try (FileChannel lockFile = lockFile(); FileLock held = lockFile.lock()) {
            X509Certificate old = keys.chain(alias).getFirst();
            crl = issueCrl(issuing, List.of(new Revocation(old.getSerialNumber(), at)), crl);
            Files.write(directory.resolve("issuing-ca.crl"), Certificates.der(crl));
            Issued renewed = issue(X500Name.getInstance(old.getSubjectX500Principal().getEncoded()), null,
                    Profile.SIGNING);
            write(alias, renewed);
            return renewed.certificate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot revoke " + alias + ": " + e.getMessage(), e);
        } finally {
            inThisJvm.unlock();
        }
    }

    private void write(String alias, Issued issued) {
        try {
            Pkcs12Signer.write(keys.file(alias), alias, issued.key(), issued.chain(), password);
            keys.forget(alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X500Name official(String id, String name, String unitId) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organisation);
        if (unitId != null) {
            builder.addRDN(BCStyle.OU, unitId);
        }
        return builder.addRDN(BCStyle.UID, id).addRDN(BCStyle.CN, name == null || name.isBlank() ? id : name).build();
    }

    private X500Name seal(String unitId, String unitName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.OU, unitId).addRDN(BCStyle.ORGANIZATION_IDENTIFIER, unitId)
                .addRDN(BCStyle.CN, unitName == null || unitName.isBlank() ? unitId : unitName).build();
    }

    private X500Name name(String commonName, String unit) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organisation);
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private enum Profile { ROOT, ISSUING, SIGNING, TIMESTAMPING }

    private interface Creator {
        Issued create() throws GeneralSecurityException, OperatorCreationException, IOException;
    }

    private Issued loadOrCreate(String file, Creator creator) throws IOException, GeneralSecurityException {
        Path path = directory.resolve(file);
        if (Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                String alias = store.aliases().nextElement();
                Certificate[] chain = store.getCertificateChain(alias);
                return new Issued((PrivateKey) store.getKey(alias, password),
                        Arrays.stream(chain).map(X509Certificate.class::cast).toList());
            }
        }
        try {
            Issued created = creator.create();
            Pkcs12Signer.write(path, file.replace(".p12", ""), created.key(), created.chain(), password);
            return created;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private Issued createRoot() throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = keyPair();
        X500Name subject = name(ROOT_NAME, null);
        Instant now = clock.instant().minus(BACKDATE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now),
                Date.from(now.plus(CA_LIFETIME)), subject, pair.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(signer(pair.getPrivate())));
        return new Issued(pair.getPrivate(), List.of(certificate));
    }

    private Issued createIssuing() throws GeneralSecurityException, OperatorCreationException, IOException {
        return issue(name(ISSUING_NAME, null), root, Profile.ISSUING);
    }

    private Issued issueChecked(X500Name subject, Profile profile) {
        try {
            return issue(subject, null, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    private Issued issue(X500Name subject, Issued issuer, Profile profile)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Issued by = issuer != null ? issuer : issuing;
        KeyPair pair = keyPair();
        Instant now = clock.instant().minus(BACKDATE);
        Duration lifetime = profile == Profile.ISSUING ? CA_LIFETIME.minusDays(1) : END_ENTITY_LIFETIME;
        Instant notAfter = now.plus(lifetime);
        if (notAfter.isAfter(by.certificate().getNotAfter().toInstant())) {
            notAfter = by.certificate().getNotAfter().toInstant();
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(by.certificate(), serial(), Date.from(now),
                Date.from(notAfter), subject, pair.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(by.certificate()));
        String crlFile = by == root ? "root-ca.crl" : "issuing-ca.crl";
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlBaseUrl + crlFile))), null, null)}));
        switch (profile) {
            case ISSUING -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case TIMESTAMPING -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            default -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
        }
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(signer(by.key())));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(by.chain());
        return new Issued(pair.getPrivate(), List.copyOf(chain));
    }

    private record Revocation(BigInteger serial, Instant at) {
    }

    private X509CRL loadOrIssueCrl(String file, Issued issuer, List<Revocation> revocations)
            throws IOException, GeneralSecurityException {
        Path path = directory.resolve(file);
        if (Files.isRegularFile(path)) {
            X509CRL existing = Certificates.parseCrl(Files.readAllBytes(path));
            if (existing.getNextUpdate() == null || existing.getNextUpdate().toInstant().isAfter(clock.instant())) {
                return existing;
            }
            try {
                X509CRL fresh = issueCrl(issuer, revocations, existing);
                Files.write(path, Certificates.der(fresh));
                return fresh;
            } catch (OperatorCreationException e) {
                throw new GeneralSecurityException(e);
            }
        }
        try {
            X509CRL fresh = issueCrl(issuer, revocations, null);
            Files.write(path, Certificates.der(fresh));
            return fresh;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private X509CRL issueCrl(Issued issuer, List<Revocation> revocations, X509CRL previous)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(CRL_LIFETIME)));
        BigInteger number = BigInteger.ONE;
        if (previous != null) {
            X509CRLHolder holder = new X509CRLHolder(Certificates.der(previous));
            builder.addCRL(holder);
            Extension extension = holder.getExtension(Extension.cRLNumber);
            if (extension != null) {
                number = ASN1Integer.getInstance(extension.getParsedValue()).getValue().add(BigInteger.ONE);
            }
        }
        for (Revocation revocation : revocations) {
            builder.addCRLEntry(revocation.serial(), Date.from(revocation.at()), CRLReason.keyCompromise);
        }
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
        return new JcaX509CRLConverter().getCRL(builder.build(signer(issuer.key())));
    }

    private KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNING).setProvider(BouncyCastle.PROVIDER).build(key);
    }

    private static void restrict(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory keeps its default permissions
        }
    }
}
