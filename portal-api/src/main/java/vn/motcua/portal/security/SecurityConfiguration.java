package vn.motcua.portal.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import java.util.List;

import vn.motcua.portal.problem.ProblemWriter;

/**
 * Every endpoint is authenticated; which roles may call which endpoint is decided here, and which dossier or
 * document a person may see or change by its type's access policy ({@code vn.motcua.engine.access}). Two ways
 * in: HTTP Basic for the demo users of the embedded default, and OAuth2 bearer JWTs (the production way)
 * whenever a JWT decoder is configured. The API is stateless, so there is no session cookie and no CSRF token
 * to check. Inspectors read everything and may send no write at all: no write matcher names their role.
 * Officials are the one-stop roles (reception, specialist, leader) and the clerical ones of Decree 30/2020
 * (clerk, unit head): all of them read their unit's documents, dossiers, searches and reports and have one inbox
 * of tasks; only the one-stop roles have dossier tasks in it.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {

    private static final String[] OFFICIALS = {"RECEPTION", "SPECIALIST", "LEADER", "CLERK", "UNIT_HEAD"};
    private static final String[] READERS = {"RECEPTION", "SPECIALIST", "LEADER", "CLERK", "UNIT_HEAD", "INSPECTOR"};

    private final Identities identities;

    public SecurityConfiguration(Identities identities) {
        this.identities = identities;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, ObjectProvider<UserDetailsService> users,
                            ObjectProvider<JwtDecoder> jwt) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**", "/actuator/health",
                                "/actuator/health/**").permitAll()
                        // version and whether this is a demo instance (DemoConfiguration): nothing secret
                        .requestMatchers(HttpMethod.GET, "/actuator/info").permitAll()
                        // tra cứu hồ sơ: the public status lookup needs the code and the applicant's phone or ID
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/results/*/check").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/documents/verification").hasAnyRole(READERS)
                        // documents are read by officials and inspectors (which ones: DocumentPolicy), changed by
                        // officials only
                        .requestMatchers(HttpMethod.GET, "/api/v1/documents", "/api/v1/documents/**")
                        .hasAnyRole(READERS)
                        .requestMatchers("/api/v1/documents", "/api/v1/documents/**").hasAnyRole(OFFICIALS)
                        .requestMatchers("/api/v1/audit/**").hasRole("INSPECTOR")
                        // the dev CA's certificates and CRLs, and its RFC 3161 TSA, are public like any CA's
                        .requestMatchers("/api/v1/pki/**").permitAll()
                        .requestMatchers("/api/v1/search/**").hasAnyRole(READERS)
                        .requestMatchers("/api/v1/reports/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers", "/api/v1/dossiers/*/supplement",
                                "/api/v1/dossiers/*/withdrawal", "/api/v1/dossiers/*/payment",
                                "/api/v1/dossiers/*/rating").hasRole("CITIZEN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers/*/apology", "/api/v1/dossiers/*/stop")
                        .hasRole("LEADER")
                        // the one inbox of dossier and document steps (role and unit of each task checked by it)
                        .requestMatchers("/api/v1/tasks", "/api/v1/tasks/**").hasAnyRole(OFFICIALS)
                        .requestMatchers("/api/v1/inbox/**").hasAnyRole(OFFICIALS)
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        if (users.getIfAvailable() != null) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(token -> token.jwtAuthenticationConverter(identities))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(identities);
    }
}
