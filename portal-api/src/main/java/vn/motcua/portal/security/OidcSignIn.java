package vn.motcua.portal.security;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import vn.motcua.engine.identity.Identity;

/**
 * Browser sign-in with the agency's OIDC provider (authorization code flow, OpenID Connect Core 1.0 §3.1), on
 * only when {@code motcua.security.oidc.client-id} is set. The provider is found from its issuer URI (OpenID
 * Connect Discovery); the person's roles, unit and name come from the same claims as a bearer token's
 * ({@code motcua.security.jwt.*}), read from the ID token and the user-info answer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${motcua.security.oidc.client-id:}'.isBlank()")
public class OidcSignIn {

    @Bean
    ClientRegistrationRepository clientRegistrations(
            @Value("${motcua.security.oidc.registration-id:sso}") String registrationId,
            @Value("${motcua.security.oidc.issuer-uri}") String issuerUri,
            @Value("${motcua.security.oidc.client-id}") String clientId,
            @Value("${motcua.security.oidc.client-secret:}") String clientSecret,
            @Value("${motcua.security.oidc.scopes:openid,profile}") List<String> scopes) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuerUri)
                .registrationId(registrationId)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope(scopes)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The signed-in person with the authorities ({@code ROLE_…}) that the API's rules check. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(Identities identities) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Identity identity = identities.fromClaims(user.getSubject(), user.getClaims());
            return new DefaultOidcUser(identity.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                    .collect(Collectors.toSet()), user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
        };
    }
}
