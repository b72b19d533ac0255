package vn.motcua.eoffice.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import vn.motcua.engine.audit.crypto.BouncyCastle;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.DevPki;

/**
 * Verifies every signature of a PDF, as the receiving clerk must before registering an incoming document
 * (Decree 30/2020/ND-CP; Law 20/2023/QH15 Art. 22): the byte-range digest (integrity), the CMS signature,
 * the certificate chain to a configured trust list, revocation from the document's DSS CRLs when it has
 * them, and the RFC 3161 time-stamps. Document time-stamps (B-LTA) are verified like signatures.
 */
public final class PdfSignatureVerifier {

    /** What one signature says and whether it holds. */
    public record SignatureReport(String field, Kind kind, String signer, Instant signingTime,
            Instant timestampTime, boolean coversWholeDocument, boolean modified, boolean valid,
            List<String> problems) {
    }

    public enum Kind { SIGNATURE, DOCUMENT_TIMESTAMP }

    /** All signatures of one file, in the order they were added. */
    public record Report(List<SignatureReport> signatures) {
        public boolean signed() {
            return !signatures.isEmpty();
        }

        /** True if at least one signature is present and every one of them holds. */
        public boolean valid() {
            return signed() && signatures.stream().allMatch(SignatureReport::valid);
        }

        public boolean modified() {
            return signatures.stream().anyMatch(SignatureReport::modified);
        }
    }

    private static final int MAX_DSS_ITEM = 4 * 1024 * 1024;

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    public PdfSignatureVerifier(Collection<X509Certificate> trustAnchors, Clock clock) {
        this.anchors = new HashSet<>();
        trustAnchors.forEach(certificate -> anchors.add(new TrustAnchor(certificate, null)));
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is required");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The embedded default: trusts the dev PKI's root CA only. */
    public static PdfSignatureVerifier trustingDevRoot(DevPki pki, Clock clock) {
        return new PdfSignatureVerifier(List.of(pki.rootCertificate()), clock);
    }

    /** Verifies a PDF of trusted origin; one from outside goes through {@code BoundedPdf} and {@link #verify(PDDocument, byte[])}. */
    public Report verify(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return verify(document, pdf);
        } catch (IOException e) {
            return unreadable(e);
        }
    }

    /** Verifies the signatures of {@code document}, opened from {@code pdf} (the signed byte ranges are of these bytes). */
    public Report verify(PDDocument document, byte[] pdf) {
        List<SignatureReport> reports = new ArrayList<>();
        try {
            List<X509Certificate> dssCertificates = new ArrayList<>();
            List<X509CRL> crls = new ArrayList<>();
            readDss(document, dssCertificates, crls);
            for (PDSignature signature : document.getSignatureDictionaries()) {
                reports.add(verify(pdf, signature, dssCertificates, crls));
            }
        } catch (IOException e) {
            return unreadable(e);
        }
        return new Report(List.copyOf(reports));
    }

    private static Report unreadable(IOException e) {
        return new Report(List.of(new SignatureReport(null, Kind.SIGNATURE, null, null, null, false, true, false,
                List.of("not a readable PDF: " + e.getMessage()))));
    }

    private SignatureReport verify(byte[] pdf, PDSignature signature, List<X509Certificate> dssCertificates,
            List<X509CRL> crls) {
        List<String> problems = new ArrayList<>();
        boolean timestampOnly = COSName.getPDFName("ETSI.RFC3161").getName().equals(signature.getSubFilter());
        Kind kind = timestampOnly ? Kind.DOCUMENT_TIMESTAMP : Kind.SIGNATURE;
        String field = signature.getName();
        Instant signingTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        int[] range = signature.getByteRange();
        boolean whole = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
        String signer = null;
        Instant timestampTime = null;
        boolean modified = false;
        try {
            byte[] contents = signature.getContents(pdf);
            byte[] signedContent = signature.getSignedContent(pdf);
            if (range.length != 4 || range[0] != 0 || range[1] + contents.length * 2 + 2 != range[2]) {
                problems.add("the byte range does not cover the file apart from the signature value");
            }
            byte[] digest = PadesSigner.sha256(signedContent);
            if (timestampOnly) {
                TimeStampToken token = new TimeStampToken(PdfCms.signedData(contents));
                timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
                if (!MessageDigest.isEqual(digest, token.getTimeStampInfo().getMessageImprintDigest())) {
                    modified = true;
                    problems.add("modified: the document differs from what was time-stamped");
                }
                X509Certificate tsa = verifyToken(token, problems);
                signer = tsa == null ? null : Certificates.subjectAttribute(tsa, BCStyle.CN);
                if (tsa != null) {
                    chain(tsa, intermediates(token.toCMSSignedData(), dssCertificates), crls, timestampTime,
                            problems, "time-stamping authority");
                }
            } else {
                CMSSignedData data = PdfCms.signedData(contents, signedContent);
                SignerInformation info = data.getSignerInfos().getSigners().iterator().next();
                X509Certificate certificate = signerCertificate(data, info);
                signer = Certificates.subjectAttribute(certificate, BCStyle.CN);
                Attribute messageDigest = info.getSignedAttributes() == null ? null
                        : info.getSignedAttributes().get(CMSAttributes.messageDigest);
                if (messageDigest == null || !MessageDigest.isEqual(digest, ASN1OctetString.getInstance(
                        messageDigest.getAttrValues().getObjectAt(0)).getOctets())) {
                    modified = true;
                    problems.add("modified: the signed bytes of the document have changed");
                } else if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                        .build(certificate))) {
                    problems.add("the CMS signature does not verify");
                }
                TimeStampToken token = PdfCms.signatureTimestamp(info);
                if (token != null) {
                    timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
                    if (!MessageDigest.isEqual(PadesSigner.sha256(info.getSignature()),
                            token.getTimeStampInfo().getMessageImprintDigest())) {
                        problems.add("the signature time-stamp is over other data");
                    }
                    X509Certificate tsa = verifyToken(token, problems);
                    if (tsa != null) {
                        chain(tsa, intermediates(token.toCMSSignedData(), dssCertificates), crls, timestampTime,
                                problems, "time-stamping authority");
                    }
                }
                Instant at = timestampTime != null ? timestampTime : clock.instant();
                chain(certificate, intermediates(data, dssCertificates), crls, at, problems, "signer");
            }
        } catch (IOException | CMSException | RuntimeException
                 | org.bouncycastle.tsp.TSPException | org.bouncycastle.operator.OperatorCreationException e) {
            modified = modified || problems.isEmpty();
            problems.add("unreadable or broken signature: " + e.getMessage());
        }
        return new SignatureReport(field, kind, signer, signingTime, timestampTime, whole, modified,
                problems.isEmpty(), List.copyOf(problems));
    }

    private static X509Certificate verifyToken(TimeStampToken token, List<String> problems) {
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                problems.add("the time-stamp carries no TSA certificate");
                return null;
            }
            X509Certificate tsa = Certificates.parse(matches.iterator().next().getEncoded());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsa));
            return tsa;
        } catch (Exception e) {
            problems.add("the time-stamp does not verify: " + e.getMessage());
            return null;
        }
    }

    private static X509Certificate signerCertificate(CMSSignedData data, SignerInformation info) throws IOException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = data.getCertificates().getMatches(info.getSID());
        if (matches.isEmpty()) {
            throw new IOException("the signer's certificate is not in the signature");
        }
        return Certificates.parse(matches.iterator().next().getEncoded());
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> intermediates(CMSSignedData data, List<X509Certificate> dss)
            throws IOException {
        List<X509Certificate> all = new ArrayList<>(dss);
        for (X509CertificateHolder holder : (Collection<X509CertificateHolder>) data.getCertificates()
                .getMatches(null)) {
            all.add(Certificates.parse(holder.getEncoded()));
        }
        return all;
    }

    /** PKIX path to a trust anchor at {@code at}; CRLs from the DSS are checked when there are any. */
    private void chain(X509Certificate certificate, List<X509Certificate> others, List<X509CRL> crls, Instant at,
            List<String> problems, String role) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            List<Object> store = new ArrayList<>(others);
            store.add(certificate);
            store.addAll(crls);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            parameters.setRevocationEnabled(!crls.isEmpty());
            parameters.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            Objects.requireNonNull(result.getTrustAnchor());
        } catch (GeneralSecurityException e) {
            problems.add("the " + role + "'s certificate does not chain to a trusted root"
                    + (crls.isEmpty() ? "" : " or is revoked") + ": " + e.getMessage());
        }
    }

    private static void readDss(PDDocument document, List<X509Certificate> certificates, List<X509CRL> crls)
            throws IOException {
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return;
        }
        for (byte[] der : streams(dss.getCOSArray(COSName.getPDFName("Certs")))) {
            certificates.add(Certificates.parse(der));
        }
        for (byte[] der : streams(dss.getCOSArray(COSName.getPDFName("CRLs")))) {
            crls.add(Certificates.parseCrl(der));
        }
    }

    private static List<byte[]> streams(COSArray array) throws IOException {
        List<byte[]> all = new ArrayList<>();
        if (array == null) {
            return all;
        }
        for (int i = 0; i < array.size(); i++) {
            COSBase item = array.get(i);
            if (item instanceof COSObject object) {
                item = object.getObject();
            }
            if (item instanceof COSStream stream) {
                try (var in = stream.createInputStream()) {
                    // a certificate or a CRL of the DSS is kilobytes; a larger stream is not one
                    byte[] der = in.readNBytes(MAX_DSS_ITEM + 1);
                    if (der.length > MAX_DSS_ITEM) {
                        throw new IOException("a DSS item larger than " + MAX_DSS_ITEM + " bytes");
                    }
                    all.add(der);
                }
            }
        }
        return all;
    }
}
