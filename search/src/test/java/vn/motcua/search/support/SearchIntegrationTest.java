package vn.motcua.search.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import vn.motcua.search.AuditIndex;
import vn.motcua.search.AuditIndexer;
import vn.motcua.search.EventEnvelope;
import vn.motcua.search.DossierSearch;
import vn.motcua.search.IndexAdmin;
import vn.motcua.search.IndexingResult;
import vn.motcua.search.SearchIndexer;

/**
 * Base of the tests against the real node. Every subclass shares one Spring context (same
 * configuration, so Spring's test context cache reuses it), hence one embedded node per test JVM.
 * Tests isolate themselves by using their own unit ids and dossier codes. Every event indexed through
 * {@link #indexAndRefresh} — into the dossier index and the audit index, as the application's two consumers do —
 * is also kept in {@link #EVENT_STORE}, standing in for the event store that a rebuild replays.
 */
@SpringBootTest(classes = SearchTestApplication.class)
public abstract class SearchIntegrationTest {

    /** Where the embedded node of this test JVM keeps its data: fresh for every run. */
    protected static final Path DATA_DIR = Path.of("target", "search-test-data", UUID.randomUUID().toString());

    protected static final List<EventEnvelope> EVENT_STORE = Collections.synchronizedList(new ArrayList<>());

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("motcua.data-dir", () -> DATA_DIR.toString());
    }

    @Autowired
    protected ElasticsearchClient client;
    @Autowired
    protected IndexAdmin indexAdmin;
    @Autowired
    protected SearchIndexer indexer;
    @Autowired
    protected AuditIndex auditIndex;
    @Autowired
    protected AuditIndexer auditIndexer;
    @Autowired
    protected DossierSearch search;

    /** Indexes dossier events in both indices; the result adds the audit indexer's {@code auditAdded}. */
    protected IndexingResult indexAndRefresh(List<EventEnvelope> events) {
        EVENT_STORE.addAll(events);
        IndexingResult result = indexer.index(events).plus(auditIndexer.index(events));
        indexAdmin.refresh();
        auditIndex.refresh();
        return result;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
