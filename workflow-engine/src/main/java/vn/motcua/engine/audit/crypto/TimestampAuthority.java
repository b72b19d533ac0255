package vn.motcua.engine.audit.crypto;

/**
 * An RFC 3161 time-stamping authority: it binds a SHA-256 hash to a time under its own signature. The
 * embedded default is {@link EmbeddedTimestampAuthority}; production points {@link HttpTimestampAuthority}
 * at a licensed provider (Decree 23/2025/ND-CP: timestamps are signatures of a licensed time-stamping
 * service using national standard time).
 */
public interface TimestampAuthority {

    /** A time-stamp token (DER-encoded CMS {@code ContentInfo}) whose message imprint is {@code sha256}. */
    byte[] timestamp(byte[] sha256);

    /** Where tokens come from, for logs and documentation. */
    String describe();
}
