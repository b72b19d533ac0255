package vn.motcua.search;

/**
 * Page bounds shared by the queries: pages are 0-based, at most {@value #MAX_SIZE} hits each, and no
 * deeper than Elasticsearch's default result window of 10,000 hits (beyond it a person refines the
 * filters; exports go through the event store, not search).
 */
final class Paging {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;
    static final int MAX_WINDOW = 10_000;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ": " + size);
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " lies beyond the first "
                    + MAX_WINDOW + " results; narrow the search");
        }
    }
}
