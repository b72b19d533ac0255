package vn.motcua.engine.audit.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance, passed explicitly wherever it is used: it is never added to the
 * JVM's provider list, so nothing else in the application changes behaviour because it is on the class path.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }

    /**
     * The same private key as Bouncy Castle's own key object. Bouncy Castle signs with another provider's key (the
     * JDK's, as a PKCS#12 key store loads it) only by converting it at every signature, which loses the named
     * curve's precomputed tables: an ECDSA P-256 signature then costs several times as much.
     */
    public static PrivateKey privateKey(PrivateKey key) throws GeneralSecurityException {
        if (key.getClass().getName().startsWith("org.bouncycastle.") || key.getEncoded() == null) {
            return key;
        }
        return KeyFactory.getInstance(key.getAlgorithm(), PROVIDER).generatePrivate(
                new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    /** The same public key as Bouncy Castle's own key object, for the same reason as {@link #privateKey}. */
    public static PublicKey publicKey(PublicKey key) throws GeneralSecurityException {
        if (key.getClass().getName().startsWith("org.bouncycastle.") || key.getEncoded() == null) {
            return key;
        }
        return KeyFactory.getInstance(key.getAlgorithm(), PROVIDER).generatePublic(
                new X509EncodedKeySpec(key.getEncoded()));
    }
}
