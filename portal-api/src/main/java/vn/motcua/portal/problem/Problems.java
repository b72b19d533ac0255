package vn.motcua.portal.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.engine.problem.Problem;

/**
 * Builds RFC 9457 problem details the same way everywhere: a stable {@code type}
 * ({@code urn:motcua:problem:<slug>}), the title in the caller's language (Vietnamese unless they
 * prefer English) with both versions as {@code titleVi} and {@code titleEn}, and the field at fault.
 * Never a stack trace.
 */
@Component
public class Problems {

    public record FieldError(String field, String message) {
    }

    /** The HTTP status of a domain problem: the same for the API's problem document and the web front's page. */
    public static HttpStatus status(Problem problem) {
        return switch (problem.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    public ProblemDetail of(HttpServletRequest request, HttpStatusCode status, String slug, String titleVi,
                            String titleEn, String detail, String field) {
        return withErrors(request, status, slug, titleVi, titleEn, detail, field == null ? List.of()
                : List.of(new FieldError(field, detail)));
    }

    public ProblemDetail withErrors(HttpServletRequest request, HttpStatusCode status, String slug,
                                    String titleVi, String titleEn, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:motcua:problem:" + slug));
        problem.setTitle(prefersEnglish(request) ? titleEn : titleVi);
        problem.setDetail(detail);
        problem.setProperty("titleVi", titleVi);
        problem.setProperty("titleEn", titleEn);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI().replaceAll("[^A-Za-z0-9/._~%-]", "_")));
        }
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).field());
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static boolean prefersEnglish(HttpServletRequest request) {
        if (request == null || request.getHeader("Accept-Language") == null) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(request.getHeader("Accept-Language"));
            Locale preferred = Locale.lookup(ranges, List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH));
            return preferred != null && preferred.getLanguage().equals("en");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
