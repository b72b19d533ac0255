package vn.motcua.eoffice.signing;

import java.security.cert.X509CRL;
import java.util.List;

import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.motcua.engine.audit.crypto.DevPki;

/** EU DSS, the European Commission's reference validator, with the dev PKI's root as the only trust anchor. */
final class Dss {

    private Dss() {
    }

    /**
     * DSS's verdict with its default policy. {@code online}: revocation data fetched at validation time (the
     * CRLs at the certificates' distribution points, served here from the dev PKI), as for a B-T signature;
     * without it DSS must find everything in the document, as for B-LTA.
     */
    static Reports validate(byte[] pdf, DevPki pki, boolean online) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        CommonCertificateVerifier certificates = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.rootCertificate()));
        certificates.setTrustedCertSources(trusted);
        certificates.setAIASource(null);
        certificates.setCrlSource(online ? new DevPkiCrls(pki) : null);
        certificates.setOcspSource(null);
        validator.setCertificateVerifier(certificates);
        return validator.validateDocument();
    }

    /** The dev PKI's CRLs, as an online CRL source would fetch them from the distribution points. */
    private record DevPkiCrls(DevPki pki) implements CRLSource {
        @Override
        public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            for (X509CRL crl : List.of(pki.crl(), pki.rootCrl())) {
                if (crl.getIssuerX500Principal().equals(issuer.getCertificate().getSubjectX500Principal())) {
                    try {
                        CRLToken token = new CRLToken(certificate, CRLUtils.buildCRLValidity(
                                CRLUtils.buildCRLBinary(crl.getEncoded()), issuer));
                        token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                        return token;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return null;
        }
    }
}
