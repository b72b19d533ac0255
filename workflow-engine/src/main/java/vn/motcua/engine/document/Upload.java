package vn.motcua.engine.document;

/** A file as a person sent it, before it is checked and stored. */
public record Upload(String field, String fileName, String declaredMediaType, byte[] content) {
}
