package vn.motcua.search;

/**
 * Which secret documents (Mật and above, Law 29/2018/QH14 on State Secrets) a document search may show, besides the
 * unclassified ones of its scope: every one ({@link #everyOne()}, inspectors), or those naming one official among their
 * readers ({@link #namedOn(String)}: the officials who took a step, were presented it or were instructed to handle
 * it). Who gets which is the e-office's access policy's decision; this only carries it to the query.
 */
public record SecretDocuments(boolean unrestricted, String officialId) {

    public SecretDocuments {
        if (unrestricted && officialId != null) {
            throw new IllegalArgumentException("All secret documents are not one official's");
        }
    }

    public static SecretDocuments everyOne() {
        return new SecretDocuments(true, null);
    }

    /** Those naming {@code officialId}; none when the id is null. */
    public static SecretDocuments namedOn(String officialId) {
        return new SecretDocuments(false, officialId);
    }

    /** No secret document at all. */
    public static SecretDocuments none() {
        return new SecretDocuments(false, null);
    }
}
