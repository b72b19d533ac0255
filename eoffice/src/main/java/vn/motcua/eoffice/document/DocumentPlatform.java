package vn.motcua.eoffice.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.engine.platform.AggregateType;

/**
 * Official documents (incoming and outgoing, Decree 30/2020) as a tenant of the platform: their events are
 * sealed by the acting official in the append's transaction, chained, checkpointed, published, projected
 * and audited exactly like a dossier's.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentPlatform {

    public static final AggregateType<DocumentEvent> DOCUMENTS = new AggregateType<>("document", "documents",
            OfficialDocument.class.getSimpleName(), DocumentEvent.class, DocumentEvent::documentId, "văn bản",
            event -> {
                DocumentStatus status = DocumentStatus.after(null, event);
                return status == null ? null : status.name();
            });

    @Bean
    AggregateType<DocumentEvent> documentAggregateType() {
        return DOCUMENTS;
    }
}
