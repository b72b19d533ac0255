package vn.motcua.engine.problem;

/**
 * A failure a person can act on: a stable slug for the RFC 9457 {@code type}, a Vietnamese and an
 * English title, and the field at fault when there is one. The web layer turns the {@link Kind}
 * into an HTTP status; nothing here knows about HTTP.
 */
public class Problem extends RuntimeException {

    public enum Kind {
        INVALID_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA, UNAVAILABLE,
        /** well-formed but refused for what it is (e.g. a PDF too complex to read within the bounds): 422 */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String slug;
    private final String titleVi;
    private final String titleEn;
    private final String field;
    private java.time.Duration retryAfter;

    public Problem(Kind kind, String slug, String titleVi, String titleEn, String detail, String field) {
        super(detail);
        this.kind = kind;
        this.slug = slug;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
        this.field = field;
    }

    public static Problem invalid(String field, String detail) {
        return new Problem(Kind.INVALID_INPUT, "invalid-input", "Dữ liệu không hợp lệ", "Invalid input", detail, field);
    }

    public static Problem notFound(String what, String detail) {
        return new Problem(Kind.NOT_FOUND, what + "-not-found", "Không tìm thấy", "Not found", detail, null);
    }

    public static Problem forbidden(String detail) {
        return new Problem(Kind.FORBIDDEN, "forbidden", "Không có quyền thực hiện", "Forbidden", detail, null);
    }

    /** When the caller may try again (sent as {@code Retry-After}); for {@link Kind#UNAVAILABLE}. */
    public Problem retryAfter(java.time.Duration after) {
        this.retryAfter = after;
        return this;
    }

    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public String titleVi() {
        return titleVi;
    }

    public String titleEn() {
        return titleEn;
    }

    public String field() {
        return field;
    }
}
