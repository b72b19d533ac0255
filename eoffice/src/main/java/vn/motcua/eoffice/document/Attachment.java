package vn.motcua.eoffice.document;

/**
 * An attachment of an outgoing document in a separate file (phụ lục, văn bản kèm theo; Decree 30/2020/ND-CP
 * Appendix I): the file name as the drafter gave it and the SHA-256 of its PDF in the content store.
 */
public record Attachment(String fileName, String sha256) {
}
