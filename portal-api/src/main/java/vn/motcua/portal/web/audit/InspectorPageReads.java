package vn.motcua.portal.web.audit;

import java.io.IOException;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.engine.audit.InspectorAccessLog;
import vn.motcua.engine.identity.Identity;
import vn.motcua.portal.security.Identities;

/**
 * Records every page an inspector opens under {@code /audit} — searches, trails, package downloads — before it is
 * served, as the API records every read under {@code /api/} (docs/audit.md: who read what, when, is itself part of the
 * record); if the record cannot be written, nothing is served. The API's filter looks at {@code /api/} only.
 */
@Component
class InspectorPageReads extends OncePerRequestFilter {

    private final InspectorAccessLog log;
    private final Identities identities;

    InspectorPageReads(InspectorAccessLog log, Identities identities) {
        this.log = log;
        this.identities = identities;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/audit") || path.startsWith("/audit/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean inspector = authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_INSPECTOR"::equals);
        if (!inspector) {
            chain.doFilter(request, response);
            return;
        }
        Identity who = identities.current();
        long entry = log.open(who.id(), who.name(), who.roles().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")), request.getMethod(), request.getRequestURI(),
                request.getQueryString(), request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            log.close(entry, response.getStatus());
        }
    }
}
