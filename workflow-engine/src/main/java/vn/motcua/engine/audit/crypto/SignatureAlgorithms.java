package vn.motcua.engine.audit.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Set;

/**
 * The signature algorithms a seal may use, by the JCA names recorded with each signature: ECDSA P-256 with
 * SHA-256, or RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (the RSA-2048 keys most Vietnamese
 * CA certificates carry). Nothing else verifies, whatever a tampered record claims.
 */
public final class SignatureAlgorithms {

    public static final String ECDSA_SHA256 = "SHA256withECDSA";
    public static final String RSA_PSS_SHA256 = "RSASSA-PSS";
    public static final Set<String> ACCEPTED = Set.of(ECDSA_SHA256, RSA_PSS_SHA256);
    private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private SignatureAlgorithms() {
    }

    public static String forKey(Key key) {
        if (key instanceof ECKey || "EC".equals(key.getAlgorithm())) {
            return ECDSA_SHA256;
        }
        if (key instanceof RSAKey || "RSA".equals(key.getAlgorithm())) {
            return RSA_PSS_SHA256;
        }
        throw new IllegalArgumentException("Keys of type " + key.getAlgorithm() + " cannot seal events");
    }

    public static byte[] sign(String algorithm, PrivateKey key, byte[] data, Provider provider)
            throws GeneralSecurityException {
        Signature signature = instance(algorithm, provider);
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    public static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] value) {
        if (!ACCEPTED.contains(algorithm) || value == null) {
            return false;
        }
        try {
            Signature signature = instance(algorithm, BouncyCastle.PROVIDER);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Signature instance(String algorithm, Provider provider) throws GeneralSecurityException {
        if (!ACCEPTED.contains(algorithm)) {
            throw new GeneralSecurityException("Signature algorithm not accepted for seals: " + algorithm);
        }
        Signature signature = provider == null ? Signature.getInstance(algorithm)
                : Signature.getInstance(algorithm, provider);
        if (RSA_PSS_SHA256.equals(algorithm)) {
            signature.setParameter(PSS);
        }
        return signature;
    }
}
