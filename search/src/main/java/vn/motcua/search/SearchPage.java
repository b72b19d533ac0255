package vn.motcua.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many documents match in all
 * @param page  0-based page number
 */
public record SearchPage<T>(long total, int page, int size, List<T> hits) {

    public SearchPage {
        hits = List.copyOf(hits);
    }
}
