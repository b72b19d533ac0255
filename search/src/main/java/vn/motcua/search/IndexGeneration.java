package vn.motcua.search;

/**
 * One generation of the two search indices, {@code dossiers-<n>} and {@code audit-events-<n>}. The
 * application reads and writes through the aliases {@code dossiers} and {@code audit-events}; a
 * rebuild fills a fresh generation and then moves both aliases to it at once.
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

    public String auditEventsIndex() {
        return IndexAdmin.AUDIT_EVENTS + "-" + number;
    }
}
