package vn.motcua.engine.audit.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import vn.motcua.engine.audit.log.Hashes;

/** Certificates and CRLs as bytes, PEM and references (the SHA-256 of the DER encoding, in hex). */
public final class Certificates {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private Certificates() {
    }

    public static String reference(X509Certificate certificate) {
        return Hashes.hex(Hashes.sha256(der(certificate)));
    }

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static X509CRL parseCrl(byte[] der) {
        try {
            return (X509CRL) factory().generateCRL(new ByteArrayInputStream(der));
        } catch (CRLException | CertificateException e) {
            throw new IllegalArgumentException("Not an X.509 CRL: " + e.getMessage(), e);
        }
    }

    public static byte[] der(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(X509Certificate certificate) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der(certificate))
                + "\n-----END CERTIFICATE-----\n";
    }

    public static String pem(Collection<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        certificates.forEach(certificate -> out.append(pem(certificate)));
        return out.toString();
    }

    public static List<X509Certificate> parsePem(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            certificates.add(parse(Base64.getMimeDecoder().decode(matcher.group(1))));
        }
        return certificates;
    }

    /** The value of one attribute of the subject (e.g. {@link BCStyle#UID}), or null. */
    public static String subjectAttribute(X509Certificate certificate, ASN1ObjectIdentifier attribute) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : name.getRDNs(attribute)) {
            ASN1Encodable value = rdn.getFirst().getValue();
            return IETFUtils.valueToString(value).replace("\\", "");
        }
        return null;
    }

    public static String subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }

    static GeneralSecurityException wrap(Exception e) {
        return e instanceof GeneralSecurityException g ? g : new GeneralSecurityException(e);
    }
}
