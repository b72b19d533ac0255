package vn.motcua.engine.document;

/**
 * A document attached to a step. Events keep only its SHA-256, which addresses the stored bytes:
 * any later change to the file is detectable from the event alone.
 */
public record AttachedDocument(String fileName, String mediaType, long size, String sha256) {
}
