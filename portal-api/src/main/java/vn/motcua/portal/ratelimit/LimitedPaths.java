package vn.motcua.portal.ratelimit;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one table of rate-limited doors, each with the name of its limit in {@code motcua.rate-limits.limits}: the
 * public lookups that answer without sign-in (a dossier's status, the register of issued results, a result's
 * verification and its copy check), the
 * public RFC 3161 time-stamping authority, and the doors of signing in. Failed password attempts are limited apart,
 * per client and user name ({@link #PASSWORD_FAILURES}).
 */
final class LimitedPaths {

    static final String PASSWORD_FAILURES = "password-failures";

    record LimitedPath(String limit, RequestMatcher matcher) {
    }

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    static final List<LimitedPath> TABLE = List.of(
            new LimitedPath("public-lookup", PATHS.matcher(HttpMethod.GET, "/api/v1/public/dossier-status")),
            new LimitedPath("public-lookup", PATHS.matcher(HttpMethod.GET, "/api/v1/public/result-register")),
            new LimitedPath("public-result", PATHS.matcher(HttpMethod.GET, "/api/v1/public/results/*")),
            new LimitedPath("public-result", PATHS.matcher(HttpMethod.POST, "/api/v1/public/results/*/check")),
            new LimitedPath("tsa", PATHS.matcher(HttpMethod.POST, "/api/v1/pki/tsa")),
            // signing in with the OIDC provider starts here and comes back here; the sign-in form posts here
            new LimitedPath("sign-in", PATHS.matcher(HttpMethod.GET, "/oauth2/authorization/*")),
            new LimitedPath("sign-in", PATHS.matcher(HttpMethod.GET, "/login/oauth2/code/*")),
            new LimitedPath("sign-in", PATHS.matcher(HttpMethod.POST, "/login")));

    private LimitedPaths() {
    }

    static Optional<String> limitOf(HttpServletRequest request) {
        return TABLE.stream().filter(path -> path.matcher().matches(request)).map(LimitedPath::limit).findFirst();
    }
}
