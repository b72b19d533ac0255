package vn.motcua.engine.audit;

import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;

/**
 * At start: checks that the sealer runs in the appending transaction, keeps the PKI's certificates and CRLs,
 * then seals late whatever is stored without a seal — one aggregate at a time, so that a row that cannot be
 * sealed is reported ({@link #backlog()}, shown DOWN by the health endpoint) and never stops the start.
 */
public class AuditStartup {

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<DevPki> dev;
    private final AuditRecords records;
    private final Sealing sealing;
    private final TransactionTemplate transaction;
    private final Signer signer;
    private volatile Sealing.Backlog backlog = new Sealing.Backlog(0, Map.of());

    AuditStartup(EventProcessingConfiguration processing, ObjectProvider<DevPki> dev, AuditRecords records,
                 Sealing sealing, TransactionTemplate transaction, Signer signer) {
        this.processing = processing;
        this.dev = dev;
        this.records = records;
        this.sealing = sealing;
        this.transaction = transaction;
        this.signer = signer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (processing.eventProcessor(EventSealer.PROCESSING_GROUP, SubscribingEventProcessor.class).isEmpty()) {
            throw new IllegalStateException("The processing group " + EventSealer.PROCESSING_GROUP + " must be"
                    + " subscribing (axon.eventhandling.processors." + EventSealer.PROCESSING_GROUP
                    + ".mode: subscribing): events are sealed in the transaction that appends them");
        }
        transaction.executeWithoutResult(status -> {
            DevPki pki = dev.getIfAvailable();
            if (pki != null) {
                records.certificates(List.of(pki.rootCertificate(), pki.issuingCertificate()));
                records.certificates(pki.timestampingKey().chain());
                records.crl(pki.rootCrl());
                records.crl(pki.crl());
            }
            records.certificates(signer.chain(Signer.LOG_ALIAS));
        });
        backlog = sealing.sealBacklog(transaction);
    }

    /** What the late sealing at start did; its failures name each aggregate left unsealed and why. */
    public Sealing.Backlog backlog() {
        return backlog;
    }
}
