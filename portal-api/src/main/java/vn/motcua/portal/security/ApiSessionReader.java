package vn.motcua.portal.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the API sees a browser session: it reads the sign-in that the browser chain stored in the session (so that the
 * pages' scripts may call the API), but never creates a session nor stores anything in one — API clients stay
 * stateless. A request that rides on that session cookie is what cross-site request forgery abuses, so
 * {@link #CSRF_EXPOSED} asks for the CSRF token exactly there: unsafe methods sent with a session cookie and no
 * {@code Authorization} header (a foreign site can make a browser send the cookie, never the header).
 */
final class ApiSessionReader implements SecurityContextRepository {

    static final RequestMatcher CSRF_EXPOSED = request -> !isSafe(request.getMethod())
            && request.getRequestedSessionId() != null
            && request.getHeader(HttpHeaders.AUTHORIZATION) == null;

    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

    ApiSessionReader() {
        session.setAllowSessionCreation(false);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return session.loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return session.loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the API never writes a session: bearer and HTTP Basic callers authenticate on every request
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return session.containsContext(request);
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }
}
