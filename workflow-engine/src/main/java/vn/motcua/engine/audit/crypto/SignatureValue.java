package vn.motcua.engine.audit.crypto;

import java.security.cert.X509Certificate;

/** A signature made by a {@link Signer}: the algorithm (a JCA name, recorded with it), the value, the certificate. */
public record SignatureValue(String algorithm, byte[] value, X509Certificate certificate) {
}
