package vn.motcua.engine.audit.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.motcua.engine.audit.log.Hashes;

/**
 * Keys in PKCS#12 files, one file per key in one directory ({@code <alias-as-file-name>.p12}, one entry
 * each), all under one password. Loaded on first use and kept in memory; {@link #forget(String)} drops a
 * key whose file was replaced (a renewed certificate). Signing uses Bouncy Castle, the fastest ECDSA here, with
 * each key converted once to Bouncy Castle's own key object ({@link BouncyCastle#privateKey}).
 */
public final class Pkcs12Signer implements Signer {

    private record Entry(PrivateKey key, List<X509Certificate> chain, String algorithm) {
    }

    private final Path directory;
    private final char[] password;
    private final Map<String, Entry> loaded = new ConcurrentHashMap<>();

    public Pkcs12Signer(Path directory, char[] password) {
        this.directory = directory;
        this.password = password.clone();
    }

    /** The file that holds a key: the alias made safe as a file name, with a hash of it to keep names unique. */
    public static String fileName(String alias) {
        String hash = Hashes.hex(Hashes.sha256(alias.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return alias.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + hash.substring(0, 10) + ".p12";
    }

    public Path file(String alias) {
        return directory.resolve(fileName(alias));
    }

    @Override
    public boolean holds(String alias) {
        return loaded.containsKey(alias) || Files.isRegularFile(file(alias));
    }

    @Override
    public List<X509Certificate> chain(String alias) {
        return entry(alias).chain();
    }

    @Override
    public SignatureValue sign(String alias, byte[] data) {
        Entry entry = entry(alias);
        try {
            return new SignatureValue(entry.algorithm(),
                    SignatureAlgorithms.sign(entry.algorithm(), entry.key(), data, BouncyCastle.PROVIDER),
                    entry.chain().getFirst());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with key " + alias + ": " + e.getMessage(), e);
        }
    }

    public void forget(String alias) {
        loaded.remove(alias);
    }

    private Entry entry(String alias) {
        return loaded.computeIfAbsent(alias, this::load);
    }

    private Entry load(String alias) {
        Path file = file(alias);
        if (!Files.isRegularFile(file)) {
            throw new NoSigningKey(alias);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entryAlias = store.aliases().nextElement();
            PrivateKey key = BouncyCastle.privateKey((PrivateKey) store.getKey(entryAlias, password));
            Certificate[] chain = store.getCertificateChain(entryAlias);
            List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            return new Entry(key, certificates, SignatureAlgorithms.forKey(key));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written by the dev PKI and by tests: one key and its chain into the file of {@code alias}. */
    public static void write(Path file, String alias, PrivateKey key, List<X509Certificate> chain, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
