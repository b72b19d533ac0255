package vn.motcua.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.eoffice.document.DocumentEvent;
import vn.motcua.eoffice.document.OfficialDocument;
import vn.motcua.eoffice.publication.DocumentCloudEvents;
import vn.motcua.search.DocumentIndex;
import vn.motcua.search.DocumentIndexer;
import vn.motcua.search.DocumentRebuildTarget;

/**
 * Joins e-office and search for the administrator's rebuild of the {@code documents} index: neither module
 * depends on the other, so the application hands search the e-office publisher's own CloudEvents encoding
 * and the aggregate whose events to replay.
 */
@Configuration(proxyBeanMethods = false)
class DocumentRebuildConfiguration {

    @Bean
    DocumentRebuildTarget documentRebuildTarget(DocumentCloudEvents cloudEvents, DocumentIndex index,
                                                DocumentIndexer indexer) {
        return new DocumentRebuildTarget(OfficialDocument.class.getSimpleName(),
                (event, eventId, sequence) -> cloudEvents.serialize((DocumentEvent) event, eventId, sequence),
                index, indexer);
    }
}
