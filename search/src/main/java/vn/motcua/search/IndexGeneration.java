package vn.motcua.search;

/**
 * One generation of the dossier search index, {@code dossiers-<n>}. The application reads and writes through
 * the alias {@code dossiers}; a rebuild fills a fresh generation and then moves the alias to it.
 */
public record IndexGeneration(long number) {

    public IndexGeneration {
        if (number < 1) {
            throw new IllegalArgumentException("generation numbers start at 1: " + number);
        }
    }

    public String dossiersIndex() {
        return IndexAdmin.DOSSIERS + "-" + number;
    }
}
