package vn.motcua.engine.audit;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.engine.audit.crypto.Certificates;

/**
 * The certificates and CRLs a verifier needs years later, kept with the trail (tables
 * {@code audit_certificate}, {@code audit_crl}): what signed, and the revocation data at hand.
 */
public class AuditRecords {

    private final JdbcTemplate jdbc;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    public AuditRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the certificate once and returns its reference. */
    public String certificate(X509Certificate certificate) {
        String reference = Certificates.reference(certificate);
        if (!stored.contains(reference)) {
            jdbc.update("""
                    insert into audit_certificate (reference, subject, issuer, serial, not_before, not_after, der)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing""",
                    reference, Certificates.subject(certificate), certificate.getIssuerX500Principal().getName(),
                    certificate.getSerialNumber().toString(16), Timestamp.from(certificate.getNotBefore().toInstant()),
                    Timestamp.from(certificate.getNotAfter().toInstant()), Certificates.der(certificate));
            rememberOnceCommitted(reference);
        }
        return reference;
    }

    /**
     * The row is known to exist only once its transaction commits: a step that rolls back takes the row
     * with it, and the certificate must then be stored again by the next step that uses it.
     */
    private void rememberOnceCommitted(String reference) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stored.add(reference);
                }
            });
        } else {
            stored.add(reference);
        }
    }

    public void certificates(Collection<X509Certificate> certificates) {
        certificates.forEach(this::certificate);
    }

    public void crl(X509CRL crl) {
        jdbc.update("insert into audit_crl (issuer, this_update, der) values (?, ?, ?) on conflict do nothing",
                crl.getIssuerX500Principal().getName(), Timestamp.from(crl.getThisUpdate().toInstant()),
                Certificates.der(crl));
    }

    /** The certificates with these references, and every CA certificate stored (for path building). */
    public Map<String, byte[]> certificatesFor(Collection<String> references) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        jdbc.query("select reference, der from audit_certificate", rs -> {
            String reference = rs.getString(1).trim();
            byte[] der = rs.getBytes(2);
            if (references.contains(reference)) {
                found.put(reference, der);
            } else {
                try {
                    if (Certificates.parse(der).getBasicConstraints() >= 0) {
                        found.put(reference, der);
                    }
                } catch (IllegalArgumentException e) {
                    found.put(reference, der);
                }
            }
        });
        return found;
    }

    /** The newest CRL of each issuer. */
    public List<byte[]> latestCrls() {
        return new ArrayList<>(jdbc.query("""
                select distinct on (issuer) der from audit_crl order by issuer, this_update desc""",
                (rs, row) -> rs.getBytes(1)));
    }
}
