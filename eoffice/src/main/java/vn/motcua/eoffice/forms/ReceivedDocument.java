package vn.motcua.eoffice.forms;

/**
 * One item of the documents received, as the receipt lists them (Mẫu 01, Circular 01/2018/TT-VPCP): its name and
 * the number of originals, certified copies and plain photocopies received, where known. A document received as an
 * electronic file of unknown kind has no counts ({@link #electronic}); the form prints it as such.
 */
public record ReceivedDocument(String name, int originals, int certifiedCopies, int photocopies) {

    public ReceivedDocument {
        Forms.require(name, "name");
        if (originals < 0 || certifiedCopies < 0 || photocopies < 0) {
            throw new IllegalArgumentException("document counts must not be negative: " + name);
        }
    }

    /** A file received online whose kind (original, certified copy, photocopy) was not declared. */
    public static ReceivedDocument electronic(String name) {
        return new ReceivedDocument(name, 0, 0, 0);
    }

    /** Whether the kind of the document is known (some count is given). */
    public boolean kindKnown() {
        return originals + certifiedCopies + photocopies > 0;
    }
}
