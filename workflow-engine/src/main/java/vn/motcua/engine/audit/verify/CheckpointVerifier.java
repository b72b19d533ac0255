package vn.motcua.engine.audit.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.SignatureAlgorithms;
import vn.motcua.engine.audit.log.CheckpointBody;
import vn.motcua.engine.audit.log.Hashes;

/**
 * Checks one checkpoint: its stored fields are those of its signed body, the audit log's key signed the
 * body, and an RFC 3161 token time-stamps exactly that body. A valid checkpoint is the trusted anchor for
 * the events it lists: nobody can make another one for the same moment without the TSA.
 */
public final class CheckpointVerifier {

    /** The subject CN of the audit log's checkpoint certificate in the embedded default. */
    public static final String DEFAULT_LOG_SIGNER = "motcua audit log";

    public record Result(long number, boolean valid, CheckpointBody body, Instant timestampedAt, String authority,
                         List<String> problems) {
    }

    private final CertificateValidator validator;
    private final Function<String, X509Certificate> certificates;
    private final Collection<X509Certificate> allCertificates;
    private final String logSigner;

    public CheckpointVerifier(CertificateValidator validator, Function<String, X509Certificate> certificates,
                              Collection<X509Certificate> allCertificates, String logSigner) {
        this.validator = validator;
        this.certificates = certificates;
        this.allCertificates = allCertificates;
        this.logSigner = logSigner == null ? DEFAULT_LOG_SIGNER : logSigner;
    }

    public Result verify(Checkpoint checkpoint) {
        List<String> problems = new ArrayList<>();
        CheckpointBody body = null;
        try {
            body = CheckpointBody.parse(checkpoint.body());
        } catch (IllegalArgumentException e) {
            problems.add("its body is unreadable: " + e.getMessage());
        }
        if (body != null && (body.number() != checkpoint.number() || body.treeSize() != checkpoint.treeSize()
                || body.previousTreeSize() != checkpoint.previousTreeSize()
                || !Arrays.equals(body.rootHash(), checkpoint.rootHash()))) {
            problems.add("its stored fields differ from its signed body");
        }
        X509Certificate signer = checkpoint.certificate() == null ? null : certificates.apply(checkpoint.certificate());
        if (signer == null) {
            problems.add("the checkpoint signer's certificate " + checkpoint.certificate() + " is unknown");
        } else {
            if (!logSigner.equals(Certificates.subjectAttribute(signer, BCStyle.CN))) {
                problems.add("signed by " + Certificates.subject(signer) + ", not by the audit log (" + logSigner + ")");
            }
            if (!SignatureAlgorithms.verify(checkpoint.algorithm(), signer.getPublicKey(), checkpoint.body(),
                    checkpoint.signature())) {
                problems.add("the log's signature over the checkpoint is invalid");
            }
        }
        TimestampTokens.Result token = TimestampTokens.verify(checkpoint.timestampToken(),
                Hashes.sha256(checkpoint.body()), validator, allCertificates);
        if (!token.valid()) {
            problems.add("time-stamp: " + token.detail());
        }
        if (signer != null && token.time() != null) {
            CertificateValidator.Result chain = validator.validAt(signer, token.time());
            if (!chain.valid()) {
                problems.add("the log's certificate: " + chain.detail());
            }
        }
        return new Result(checkpoint.number(), problems.isEmpty(), problems.isEmpty() ? body : null, token.time(),
                token.authority(), problems);
    }
}
