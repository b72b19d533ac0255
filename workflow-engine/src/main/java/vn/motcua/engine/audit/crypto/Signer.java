package vn.motcua.engine.audit.crypto;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Whatever holds the signing keys: PKCS#12 files ({@link Pkcs12Signer}, the embedded default and small
 * installations), an HSM or USB token through the JDK's SunPKCS11 ({@link Pkcs11Signer}), or a remote
 * signing service speaking the Cloud Signature Consortium API ({@link RemoteSigningService} is that seam).
 * Keys are named by alias: {@link #officialAlias(String)} for a person, {@link #sealAlias(String)} for an
 * agency's seal, {@link #LOG_ALIAS} for the audit log's checkpoints.
 */
public interface Signer {

    String LOG_ALIAS = "log";

    static String officialAlias(String personId) {
        return "official:" + personId;
    }

    static String sealAlias(String unitId) {
        return "seal:" + unitId;
    }

    /** True if a key and certificate exist under this alias. */
    boolean holds(String alias);

    /** The certificate chain of the key, signer certificate first. */
    List<X509Certificate> chain(String alias);

    /** Signs {@code data} (the signature algorithm hashes it with SHA-256) with the key under {@code alias}. */
    SignatureValue sign(String alias, byte[] data);
}
