package vn.motcua.search;

/**
 * What one call of {@link EventIndex#index} did.
 *
 * @param applied     events folded into a dossier's latest state
 * @param skipped     events at or below the dossier's stored version — redeliveries, replays, or writes
 *                    that lost to a concurrent newer one — which therefore changed nothing
 * @param auditAdded  events newly recorded in the audit index ({@link AuditIndexer}) (a redelivered event is never recorded twice)
 */
public record IndexingResult(int applied, int skipped, int auditAdded) {

    public static final IndexingResult NOTHING = new IndexingResult(0, 0, 0);

    public IndexingResult plus(IndexingResult other) {
        return new IndexingResult(applied + other.applied, skipped + other.skipped, auditAdded + other.auditAdded);
    }
}
