package vn.motcua.portal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;

/**
 * Turns whoever authenticated — a demo user over HTTP Basic or the sign-in form, a bearer of a JWT from the
 * agency's OIDC provider, or a person signed in in the browser with that provider (authorization code) — into the
 * engine's {@link Identity}. The claims that carry roles, unit and name are configurable
 * ({@code motcua.security.jwt.*}, for tokens and ID tokens alike); unknown roles are ignored, never guessed.
 */
@Component
public class Identities implements HandlerMethodArgumentResolver, Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String unitClaim;
    private final String nameClaim;

    public Identities(@Value("${motcua.security.jwt.roles-claim:roles}") String rolesClaim,
                      @Value("${motcua.security.jwt.unit-claim:unit}") String unitClaim,
                      @Value("${motcua.security.jwt.name-claim:name}") String nameClaim) {
        this.rolesClaim = rolesClaim;
        this.unitClaim = unitClaim;
        this.nameClaim = nameClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            // every step is signed and logged in someone's name: a token that names nobody is no sign-in (401)
            throw new InvalidBearerTokenException("Mã truy cập không nêu người dùng (sub) / The token names no subject");
        }
        Identity identity = fromJwt(jwt);
        return new JwtAuthenticationToken(jwt, identity.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(), identity.id());
    }

    Identity fromJwt(Jwt jwt) {
        return fromClaims(jwt.getSubject(), jwt.getClaims());
    }

    /**
     * The identity that an OIDC provider's claims describe — a bearer JWT's, or an ID token's and user-info's
     * after a browser sign-in: the subject, the configured name, roles and unit claims.
     */
    Identity fromClaims(String subject, Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = claims.get(rolesClaim);
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            for (Role role : Role.values()) {
                if (role != Role.SYSTEM && role.name().equalsIgnoreCase(String.valueOf(value))) {
                    roles.add(role);
                }
            }
        }
        Object name = claims.get(nameClaim);
        Object unit = claims.get(unitClaim);
        return new Identity(subject, name == null ? subject : name.toString(), roles,
                unit == null ? null : unit.toString());
    }

    public Identity current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof IdentityUser user) {
            return user.identity();
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return fromClaims(user.getSubject(), user.getClaims());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken());
        }
        throw new IllegalStateException("No authenticated identity");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Identity.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current();
    }
}
