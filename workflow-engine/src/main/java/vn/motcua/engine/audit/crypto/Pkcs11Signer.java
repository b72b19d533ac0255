package vn.motcua.engine.audit.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys on an HSM or a USB token, through the JDK's own SunPKCS11 provider: the private key never leaves the
 * device, and the device computes the signature. The provider is configured by a SunPKCS11 configuration
 * file (library path, slot; see the JDK's "PKCS#11 Reference Guide"); key aliases are the objects' labels
 * ({@code CKA_LABEL}), e.g. {@code official:reception-hn}. The certificate chain must be stored on the token
 * with the key (as {@code KeyStore.setKeyEntry} does), or the verifier could not name the signer.
 */
public final class Pkcs11Signer implements Signer {

    private record Entry(PrivateKey key, List<X509Certificate> chain, String algorithm) {
    }

    private final Provider provider;
    private final KeyStore store;
    private final char[] pin;
    private final Map<String, Entry> loaded = new ConcurrentHashMap<>();

    public Pkcs11Signer(String configuration, char[] pin) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("This JDK has no SunPKCS11 provider");
        }
        this.provider = base.configure(configuration);
        this.pin = pin.clone();
        try {
            this.store = KeyStore.getInstance("PKCS11", provider);
            this.store.load(null, this.pin);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the PKCS#11 token: " + e.getMessage(), e);
        }
    }

    public Provider provider() {
        return provider;
    }

    /** The token as a key store, e.g. to put a key and its chain on it ({@code setKeyEntry}). */
    public KeyStore keyStore() {
        return store;
    }

    @Override
    public boolean holds(String alias) {
        try {
            return loaded.containsKey(alias) || store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
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
                    SignatureAlgorithms.sign(entry.algorithm(), entry.key(), data, provider), entry.chain().getFirst());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token could not sign with " + alias + ": " + e.getMessage(), e);
        }
    }

    private Entry entry(String alias) {
        return loaded.computeIfAbsent(alias, key -> {
            try {
                if (!store.isKeyEntry(key)) {
                    throw new NoSigningKey(key);
                }
                PrivateKey privateKey = (PrivateKey) store.getKey(key, pin);
                Certificate[] chain = store.getCertificateChain(key);
                if (chain == null || chain.length == 0) {
                    throw new IllegalStateException("The token holds no certificate for key " + key);
                }
                return new Entry(privateKey, Arrays.stream(chain).map(X509Certificate.class::cast).toList(),
                        SignatureAlgorithms.forKey(privateKey));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot read key " + key + " from the token: " + e.getMessage(), e);
            }
        });
    }
}
