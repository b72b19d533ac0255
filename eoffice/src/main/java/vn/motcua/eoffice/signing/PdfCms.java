package vn.motcua.eoffice.signing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Attribute;

/**
 * The CMS inside a PDF's {@code /Contents}: read with an {@link ASN1InputStream}, because the value is
 * zero-padded to the reserved size and {@code new CMSSignedData(bytes)} rejects the padding.
 */
final class PdfCms {

    private PdfCms() {
    }

    static ContentInfo contentInfo(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    static CMSSignedData signedData(byte[] contents, byte[] signedContent) throws IOException, CMSException {
        return new CMSSignedData(new CMSProcessableByteArray(signedContent), contentInfo(contents));
    }

    static CMSSignedData signedData(byte[] contents) throws IOException, CMSException {
        return new CMSSignedData(contentInfo(contents));
    }

    /** The signature time-stamp of a signer, or null. */
    static TimeStampToken signatureTimestamp(SignerInformation signer) throws IOException {
        if (signer.getUnsignedAttributes() == null) {
            return null;
        }
        Attribute attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            return new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive()
                    .getEncoded()));
        } catch (CMSException | org.bouncycastle.tsp.TSPException e) {
            throw new IOException("unreadable signature time-stamp: " + e.getMessage(), e);
        }
    }

    /** Every certificate in a signature's CMS, including those of its time-stamp tokens. */
    @SuppressWarnings("unchecked")
    static List<X509CertificateHolder> certificatesIn(byte[] contents) throws IOException {
        List<X509CertificateHolder> all = new ArrayList<>();
        try {
            CMSSignedData data = signedData(contents);
            all.addAll((Collection<X509CertificateHolder>) data.getCertificates().getMatches(null));
            for (SignerInformation signer : data.getSignerInfos().getSigners()) {
                TimeStampToken token = signatureTimestamp(signer);
                if (token != null) {
                    all.addAll((Collection<X509CertificateHolder>) token.getCertificates().getMatches(null));
                }
            }
        } catch (CMSException e) {
            throw new IOException("unreadable CMS signature: " + e.getMessage(), e);
        }
        return all;
    }
}
