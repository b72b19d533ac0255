package vn.motcua.engine.audit.verify;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.motcua.engine.audit.crypto.Certificates;

/**
 * Is a certificate's chain valid at the time something was signed (Law 20/2023/QH15 Art. 22: the
 * certificate was valid and not revoked when the signature was made)? The path to a trust anchor is built
 * and validated by the JDK's PKIX implementation at that date; revocation is taken from the latest CRL of
 * each issuer (its signature checked): a certificate revoked after the signing time still verifies what it
 * signed before. Successful paths are remembered with the window in which they hold, so a sweep over a
 * million events validates each certificate once.
 */
public final class CertificateValidator {

    public record Result(boolean valid, String detail) {
    }

    private record Window(Instant from, Instant to, Instant revokedAt, String revocationDetail, String anchor) {
    }

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> known;
    private final List<X509CRL> crls;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public CertificateValidator(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> certificates,
                                Collection<X509CRL> crls) {
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor");
        }
        Set<TrustAnchor> set = new HashSet<>();
        trustAnchors.forEach(anchor -> set.add(new TrustAnchor(anchor, null)));
        this.anchors = Set.copyOf(set);
        this.known = List.copyOf(certificates);
        this.crls = List.copyOf(crls);
    }

    public Result validAt(X509Certificate certificate, Instant at) {
        String reference = Certificates.reference(certificate);
        Window window = windows.get(reference);
        if (window == null) {
            try {
                window = build(certificate, at);
                windows.put(reference, window);
            } catch (GeneralSecurityException e) {
                return new Result(false, "no valid chain to a trust anchor at " + at + ": " + e.getMessage());
            }
        }
        if (at.isBefore(window.from()) || at.isAfter(window.to())) {
            return new Result(false, "the chain is valid from " + window.from() + " to " + window.to()
                    + ", not at the signing time " + at);
        }
        if (window.revokedAt() != null && !at.isBefore(window.revokedAt())) {
            return new Result(false, "revoked on " + window.revokedAt() + ", before the signing time " + at);
        }
        return new Result(true, "chain to " + window.anchor() + " valid at " + at + "; " + window.revocationDetail());
    }

    private Window build(X509Certificate certificate, Instant at) throws GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(certificate);
        PKIXBuilderParameters parameters;
        try {
            parameters = new PKIXBuilderParameters(anchors, target);
        } catch (InvalidAlgorithmParameterException e) {
            throw new GeneralSecurityException(e);
        }
        List<X509Certificate> store = new ArrayList<>(known);
        store.add(certificate);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                .build(parameters);
        List<X509Certificate> path = new ArrayList<>();
        result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
        X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
        Instant from = anchor.getNotBefore().toInstant();
        Instant to = anchor.getNotAfter().toInstant();
        for (X509Certificate element : path) {
            from = max(from, element.getNotBefore().toInstant());
            to = min(to, element.getNotAfter().toInstant());
        }
        Instant revokedAt = null;
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            Optional<X509CRL> crl = latestCrl(issuer);
            if (crl.isEmpty()) {
                checked.add("no CRL of " + Certificates.subject(issuer));
                continue;
            }
            checked.add("CRL of " + crl.get().getThisUpdate().toInstant());
            X509CRLEntry entry = crl.get().getRevokedCertificate(path.get(i));
            if (entry != null) {
                Instant revoked = entry.getRevocationDate().toInstant();
                revokedAt = revokedAt == null ? revoked : min(revokedAt, revoked);
            }
        }
        return new Window(from, to, revokedAt, "revocation checked (" + String.join(", ", checked) + ")",
                Certificates.subject(anchor));
    }

    private Optional<X509CRL> latestCrl(X509Certificate issuer) {
        return crls.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()))
                .filter(crl -> {
                    try {
                        crl.verify(issuer.getPublicKey());
                        return true;
                    } catch (GeneralSecurityException | RuntimeException e) {
                        return false;
                    }
                })
                .max(Comparator.comparing(X509CRL::getThisUpdate));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
