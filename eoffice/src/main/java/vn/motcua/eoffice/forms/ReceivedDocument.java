package vn.motcua.eoffice.forms;

/**
 * One item of the dossier's composition on the receipt (Mẫu 01), with the number of originals, certified
 * copies and plain photocopies received.
 */
public record ReceivedDocument(String name, int originals, int certifiedCopies, int photocopies) {

    public ReceivedDocument {
        Forms.require(name, "name");
        if (originals < 0 || certifiedCopies < 0 || photocopies < 0) {
            throw new IllegalArgumentException("document counts must not be negative: " + name);
        }
    }
}
