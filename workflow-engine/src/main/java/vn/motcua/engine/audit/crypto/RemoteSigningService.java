package vn.motcua.engine.audit.crypto;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The seam for remote signing ("ký số từ xa") through the Cloud Signature Consortium API v2, as offered by
 * licensed Vietnamese signing services: the key stays with the provider, we send only hashes. A
 * {@link Signer} for it computes SHA-256 of the canonical bytes locally and maps each call as follows:
 * <ul>
 *   <li>{@link #certificates(String)} ↔ {@code POST /csc/v2/credentials/info} ({@code certificates: "chain"})
 *       for the credential bound to the alias (an official's or an agency's {@code credentialID});</li>
 *   <li>{@link #signHash(String, byte[], String)} ↔ {@code POST /csc/v2/signatures/signHash} with
 *       {@code hashAlgorithmOID 2.16.840.1.101.3.4.2.1} (SHA-256) and {@code signAlgo 1.2.840.10045.4.3.2}
 *       (ecdsa-with-SHA256, DER value) or {@code 1.2.840.113549.1.1.10} (RSASSA-PSS), after the
 *       credential was authorised ({@code credentials/authorize}, SCAL2 needs the signer's own consent per
 *       signature — an OTP or app approval, which is the provider's part of the flow).</li>
 * </ul>
 * No implementation ships: it needs a provider's endpoint and credentials, and is written against them.
 */
public interface RemoteSigningService {

    /** The certificate chain of the credential bound to {@code alias}, signer first. */
    List<X509Certificate> certificates(String alias);

    /** The signature value over a SHA-256 hash, in the form {@link SignatureAlgorithms} verifies. */
    byte[] signHash(String alias, byte[] sha256, String algorithm);
}
