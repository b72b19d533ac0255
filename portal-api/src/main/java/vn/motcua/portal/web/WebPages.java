package vn.motcua.portal.web;

import java.util.Locale;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.engine.identity.Identity;
import vn.motcua.portal.security.Identities;

/**
 * What every page of the web front needs to draw its frame: who is signed in (for the menu of their role), the
 * language, and the address of this very page in the other language.
 */
@ControllerAdvice(basePackageClasses = WebPages.class)
public class WebPages {

    private final Identities identities;

    public WebPages(Identities identities) {
        this.identities = identities;
    }

    /** The person signed in, or {@code null} on a public page visited by no one signed in. */
    @ModelAttribute("me")
    public Identity me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return identities.current();
    }

    /** This page in the other language: the same path and query, with {@code lang} set. */
    @ModelAttribute("otherLanguage")
    public String otherLanguage(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "vi" : "en";
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("lang", other).build().toUriString();
    }

    @ModelAttribute("language")
    public String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "vi";
    }
}
