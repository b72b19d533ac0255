package vn.motcua.engine.audit.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The embedded default's RFC 3161 time-stamping authority, in-process, with Bouncy Castle's
 * {@link TimeStampResponseGenerator}: ECDSA P-256 signatures, ESSCertIDv2 with SHA-256, the TSA's certificate
 * chain inside each token (so {@code openssl ts -verify} needs only the root). It also answers RFC 3161
 * requests as bytes ({@link #respond(byte[])}), which the application serves over HTTP.
 *
 * <p>A generator holds a {@code Signature} with state, so one serves one request at a time; instead of one lock
 * for every request, a few generators (one per processor) are lent out in turn.
 */
public final class EmbeddedTimestampAuthority implements TimestampAuthority {

    /** A dev policy OID under the UUID arc 2.25 (ITU-T X.667), which needs no registration. */
    public static final String POLICY = "2.25.236584212399441213618391738402412716601";

    private final BlockingQueue<TimeStampResponseGenerator> generators;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EmbeddedTimestampAuthority(DevPki.Issued key, Clock clock) {
        this.clock = clock;
        int count = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.generators = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            generators.add(generator(key));
        }
    }

    private static TimeStampResponseGenerator generator(DevPki.Issued key) {
        try {
            X509Certificate certificate = key.certificate();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.PROVIDER)
                            .build("SHA256withECDSA", key.key(), certificate),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(POLICY));
            tokens.addCertificates(new JcaCertStore(key.chain()));
            return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded time-stamping authority: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] timestamp(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
        try {
            TimeStampResponse response = respond(request);
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("The embedded TSA failed: " + e.getMessage(), e);
        }
    }

    /**
     * Answers one DER-encoded {@code TimeStampReq} with a DER-encoded {@code TimeStampResp}; a well-formed request
     * the TSA will not stamp (an unknown hash algorithm, a wrong imprint length) is answered with a
     * {@code rejection} status, as RFC 3161 §2.4.2 asks.
     *
     * @throws IllegalArgumentException if {@code request} is not a DER-encoded {@code TimeStampReq}
     */
    public byte[] respond(byte[] request) throws IOException {
        TimeStampRequest parsed;
        try {
            parsed = new TimeStampRequest(request);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an RFC 3161 TimeStampReq", e);
        }
        TimeStampResponseGenerator generator = borrow();
        try {
            return generator.generate(parsed, serial(), Date.from(clock.instant())).getEncoded();
        } catch (TSPException e) {
            throw new IOException(e);
        } finally {
            generators.add(generator);
        }
    }

    private TimeStampResponse respond(TimeStampRequest request) throws TSPException {
        TimeStampResponseGenerator generator = borrow();
        try {
            return generator.generateGrantedResponse(request, serial(), Date.from(clock.instant()));
        } finally {
            generators.add(generator);
        }
    }

    private BigInteger serial() {
        return new BigInteger(64, random).abs().add(BigInteger.ONE);
    }

    private TimeStampResponseGenerator borrow() {
        try {
            return generators.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the TSA", e);
        }
    }

    @Override
    public String describe() {
        return "embedded RFC 3161 TSA (policy " + POLICY + ")";
    }
}
