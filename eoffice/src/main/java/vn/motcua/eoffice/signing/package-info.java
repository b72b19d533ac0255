/**
 * PAdES signatures (ETSI EN 319 142-1) on the agency's PDFs and their verification: the officials' and the
 * agency's signatures with their Decree 30/2020/ND-CP appearance, RFC 3161 time-stamps (B-T) and, for
 * archived records, validation data and a document time-stamp (B-LT, B-LTA). Public API: {@link
 * vn.motcua.eoffice.signing.PadesSigner}, {@link vn.motcua.eoffice.signing.PdfSignatureVerifier}, {@link
 * vn.motcua.eoffice.signing.OutgoingDocumentPdf} (the steps of an outgoing document's PDF: signed, numbered,
 * sealed, archived) and their records; the rest is package-private.
 */
package vn.motcua.eoffice.signing;
