package vn.motcua.engine.document;

import java.util.List;

/**
 * Uploads that {@link DocumentStore#check(List)} has judged (plain names, size, really PDF, within the bounded
 * reader's limits), ready to be stored. Only the store makes one, so a step that holds one need not read the files
 * again inside its transaction.
 */
public final class CheckedUploads {

    private final List<Upload> uploads;

    CheckedUploads(List<Upload> uploads) {
        this.uploads = List.copyOf(uploads);
    }

    List<Upload> uploads() {
        return uploads;
    }
}
