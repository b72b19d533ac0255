package vn.motcua.engine.audit.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

import vn.motcua.engine.audit.crypto.BouncyCastle;

/**
 * Checks an RFC 3161 time-stamp token: the message imprint is SHA-256 of what we expect, the TSA's signature
 * holds (with its ESSCertID binding and the critical time-stamping extended key usage, checked by Bouncy
 * Castle), and the TSA's certificate chains to a trust anchor at the time it stamped.
 */
public final class TimestampTokens {

    public record Result(boolean valid, Instant time, String authority, String detail) {
    }

    private TimestampTokens() {
    }

    @SuppressWarnings("unchecked")
    public static Result verify(byte[] token, byte[] expectedSha256, CertificateValidator validator,
                                Collection<X509Certificate> extraCertificates) {
        if (token == null) {
            return new Result(false, null, null, "no time-stamp token");
        }
        try {
            TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
            var info = parsed.getTimeStampInfo();
            Instant time = info.getGenTime().toInstant();
            if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())
                    || !Arrays.equals(info.getMessageImprintDigest(), expectedSha256)) {
                return new Result(false, time, null, "the time-stamp token is for other data (message imprint differs)");
            }
            Collection<X509CertificateHolder> matches = parsed.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) parsed.getSID());
            X509Certificate tsa = null;
            if (!matches.isEmpty()) {
                tsa = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            } else {
                for (X509Certificate candidate : extraCertificates) {
                    if (parsed.getSID().match(new X509CertificateHolder(candidate.getEncoded()))) {
                        tsa = candidate;
                    }
                }
            }
            if (tsa == null) {
                return new Result(false, time, null, "the TSA's certificate is not available");
            }
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsa));
            CertificateValidator.Result chain = validator.validAt(tsa, time);
            String authority = tsa.getSubjectX500Principal().getName();
            if (!chain.valid()) {
                return new Result(false, time, authority, "the TSA's certificate: " + chain.detail());
            }
            return new Result(true, time, authority, "time-stamped " + time + " by " + authority);
        } catch (Exception e) {
            return new Result(false, null, null, "the time-stamp token does not verify: " + e.getMessage());
        }
    }
}
