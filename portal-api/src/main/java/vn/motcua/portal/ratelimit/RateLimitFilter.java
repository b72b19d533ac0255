package vn.motcua.portal.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.portal.problem.ProblemWriter;
import vn.motcua.portal.problem.Problems;

/**
 * Answers 429 with {@code Retry-After} (RFC 6585 §4, RFC 9110 §10.2.3) to a client that has used up its limit on a
 * door of {@link LimitedPaths}, before anything else reads the request; and to a client that has failed too many
 * passwords for one user name, before the password is checked again. The client is the connection's address: a
 * {@code X-Forwarded-For} header is not trusted unless the server is told to (Spring Boot's
 * {@code server.forward-headers-strategy} with the proxy's address), because anyone can write one.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Problems problems;
    private final ProblemWriter writer;

    RateLimitFilter(RateLimits limits, Problems problems, ProblemWriter writer) {
        this.limits = limits;
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        Optional<String> limit = LimitedPaths.limitOf(request);
        if (limit.isPresent()) {
            RateLimits.Verdict verdict = limits.take(limit.get(), client);
            if (!verdict.allowed()) {
                refuse(request, response, verdict);
                return;
            }
        }
        Optional<String> userName = passwordUser(request);
        if (userName.isPresent()) {
            RateLimits.Verdict verdict = limits.peek(LimitedPaths.PASSWORD_FAILURES, key(client, userName.get()));
            if (!verdict.allowed()) {
                refuse(request, response, verdict);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The client key of a password failure: the address and the user name tried. */
    static String key(String address, String userName) {
        return address + '\u0000' + userName;
    }

    /** The user name of a request that carries a password: HTTP Basic, or the sign-in form. */
    private static Optional<String> passwordUser(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(pair.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RateLimits.Verdict verdict)
            throws IOException {
        long seconds = verdict.retryAfterSeconds();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        writer.write(request, response, problems.of(request, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Quá nhiều yêu cầu", "Too many requests",
                "Vui lòng thử lại sau " + seconds + " giây / Please retry in " + seconds + " seconds", null));
    }
}
