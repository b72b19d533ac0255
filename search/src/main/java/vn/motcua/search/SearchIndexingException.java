package vn.motcua.search;

import java.util.List;

/**
 * Elasticsearch refused some writes of a batch for a reason other than a newer version already being
 * there (e.g. a mapping error or a full disk). Indexing is idempotent, so the caller redelivers the
 * whole batch once the cause is fixed; the writes that did succeed are skipped then.
 */
public class SearchIndexingException extends RuntimeException {

    private final List<String> failures;

    public SearchIndexingException(List<String> failures) {
        super(failures.size() + " search writes failed, first: " + failures.get(0));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
