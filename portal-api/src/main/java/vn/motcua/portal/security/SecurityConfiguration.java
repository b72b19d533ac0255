package vn.motcua.portal.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import java.util.List;

import vn.motcua.portal.problem.ProblemWriter;

/**
 * Two ways of being signed in, one filter chain each, with Spring Security's defaults:
 * <ul>
 * <li><b>The API</b> ({@code /api/**}, the OpenAPI document, actuator; {@link #API_PATHS}): stateless. OAuth2 bearer
 * JWTs of the agency's OIDC provider whenever a JWT decoder is configured; HTTP Basic only while the embedded demo
 * users are on. It never creates a session, but honours the browser's (so the pages' scripts can call it), and then
 * asks for the CSRF token on unsafe methods ({@link ApiSessionReader}).</li>
 * <li><b>The browser</b> (every other path: {@code /login}, {@code /oauth2/**}, {@code /logout} and the web front's
 * pages): a session after signing in with the OIDC provider (authorization code; {@link OidcSignIn}), or with the
 * sign-in form while the demo users are on; CSRF protection on every form; {@code POST /logout} ends the session
 * (and, with OIDC, the provider's too: RP-initiated logout).</li>
 * </ul>
 * Which roles may call which endpoint is decided here, and which dossier or document a person may see or change by
 * its type's access policy ({@code vn.motcua.engine.access}). Inspectors read everything and may send no write at
 * all: no write matcher names their role. Officials are the one-stop roles (reception, specialist, leader) and the
 * clerical ones of Decree 30/2020 (clerk, unit head): all of them read their unit's documents, dossiers, searches
 * and reports and have one inbox of tasks; only the one-stop roles have dossier tasks in it. The metrics
 * ({@value #PROMETHEUS}) are for administrators and inspectors, and for Prometheus on the actuator's own port when
 * it has one (the production profile).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {

    /** The paths of the API chain; everything else belongs to the browser chain. */
    public static final String[] API_PATHS = {"/api/**", "/v3/**", "/actuator/**", "/error"};

    private static final String[] OFFICIALS = {"RECEPTION", "SPECIALIST", "LEADER", "CLERK", "UNIT_HEAD"};
    private static final String[] READERS = {"RECEPTION", "SPECIALIST", "LEADER", "CLERK", "UNIT_HEAD", "INSPECTOR"};

    /** Where payment providers (and the sandbox's payers) come without a session of ours. */
    static final RequestMatcher PAYMENT_PROVIDER_DOORS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/public/payments/notifications/*"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/public/sandbox-payment/*"));

    /** Prometheus' scrape door (docs/operations.md, "Monitoring"). */
    static final String PROMETHEUS = "/actuator/prometheus";

    private final Identities identities;
    private final RequestMatcher scrapeOnManagementPort;

    /** @param managementPort the actuator's own port (production: {@code MOTCUA_MANAGEMENT_PORT}, 9464), or 0 */
    public SecurityConfiguration(Identities identities, @Value("${management.server.port:0}") int managementPort) {
        this.identities = identities;
        this.scrapeOnManagementPort = scrapeOn(managementPort);
    }

    /**
     * A scrape that came in on the actuator's own port, which only the monitoring namespace reaches (the chart's
     * NetworkPolicy): Prometheus holds no person's sign-in, and the metrics name no person and no dossier. Matches
     * nothing when the actuator shares the application's port ({@code managementPort} 0).
     */
    static RequestMatcher scrapeOn(int managementPort) {
        return request -> managementPort > 0 && request.getLocalPort() == managementPort
                && PROMETHEUS.equals(request.getRequestURI());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, ObjectProvider<UserDetailsService> users,
                            ObjectProvider<JwtDecoder> jwt) throws Exception {
        http.securityMatcher(API_PATHS)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(new ApiSessionReader()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // a payment provider's notification and its (sandbox) page act on no one's session: never a CSRF target
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> ApiSessionReader.CSRF_EXPOSED.matches(request)
                        && !PAYMENT_PROVIDER_DOORS.matches(request)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**", "/actuator/health",
                                "/actuator/health/**").permitAll()
                        // metrics: to Prometheus on the actuator's own port; on ours to administrators and inspectors
                        .requestMatchers(scrapeOnManagementPort).permitAll()
                        .requestMatchers(HttpMethod.GET, PROMETHEUS).hasAnyRole("ADMIN", "INSPECTOR")
                        // version and whether this is a demo instance (DemoConfiguration): nothing secret
                        .requestMatchers(HttpMethod.GET, "/actuator/info").permitAll()
                        // tra cứu hồ sơ: the public status lookup needs the code and the applicant's phone or ID
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/results/*/check").permitAll()
                        // a provider's signed notification (checked by its signature) and the sandbox provider's page
                        .requestMatchers(PAYMENT_PROVIDER_DOORS).permitAll()
                        // the removed door where applicants declared a payment reference: its 404 problem, not a 403
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers/*/payment").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers/*/payments/counter").hasRole("RECEPTION")
                        .requestMatchers(HttpMethod.GET, "/api/v1/payments/reconciliation")
                        .hasAnyRole("RECEPTION", "LEADER", "INSPECTOR")
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
                                "/api/v1/dossiers/*/withdrawal", "/api/v1/dossiers/*/payments",
                                "/api/v1/dossiers/*/rating").hasRole("CITIZEN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers/*/apology", "/api/v1/dossiers/*/stop",
                                "/api/v1/dossiers/*/result/corrections", "/api/v1/dossiers/*/result/revocation")
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

    /**
     * The browser's chain. Pages that anyone may see are added to the {@code permitAll} list; every other page needs
     * a signed-in person, and a browser that has none is sent to sign in.
     */
    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, ProblemWriter problems, ObjectProvider<UserDetailsService> users,
                                ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // "/denied" is where a refused request is forwarded, signed in or not (a form without its CSRF token)
                        .requestMatchers("/login", "/login/**", "/oauth2/**", "/logout", "/favicon.ico", "/denied")
                        .permitAll()
                        // the web front (vn.motcua.portal.web): public pages, then one area per kind of person; which
                        // dossier or document a page shows is decided by the same services and policies as the API
                        .requestMatchers("/assets/**", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/procedures", "/procedures/*", "/lookup",
                                "/verify", "/verify/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/lookup", "/verify", "/verify/**").permitAll()
                        .requestMatchers("/my/**").hasRole("CITIZEN")
                        .requestMatchers("/work/**", "/eoffice/**").hasAnyRole(OFFICIALS)
                        .requestMatchers("/dashboard/**").hasAnyRole(READERS)
                        .requestMatchers("/audit/**").hasRole("INSPECTOR")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // the pages load only their own scripts, styles and images; PDFs are previewed in frames of this site
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " object-src 'none'; base-uri 'self'; frame-ancestors 'self'"))
                        .frameOptions(frame -> frame.sameOrigin()))
                // a page of another role's area: the web front's own "not allowed" page (web.UnknownPages)
                .exceptionHandling(handling -> handling.accessDeniedPage("/denied"));
        boolean canSignIn = false;
        if (users.getIfAvailable() != null) {
            // the sign-in page of the web front (web.SignInController) for the embedded demo users
            http.formLogin(form -> form.loginPage("/login").permitAll());
            canSignIn = true;
        }
        ClientRegistrationRepository registrations = oidc.getIfAvailable();
        if (registrations != null) {
            OidcClientInitiatedLogoutSuccessHandler providerLogout =
                    new OidcClientInitiatedLogoutSuccessHandler(registrations);
            providerLogout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            http.oauth2Login(Customizer.withDefaults())
                    .logout(logout -> logout.logoutSuccessHandler(providerLogout));
            canSignIn = true;
        }
        if (!canSignIn) {
            // no way to sign in in a browser (production without OIDC client): say so as a problem, never a loop
            http.exceptionHandling(handling -> handling.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /**
     * No Micrometer observation of every filter of the chains, every authentication and every authorisation decision:
     * they cost a few per cent of a request's CPU (benchmark {@code http}, docs/benchmarks.md) for metrics that
     * nothing here exposes. The HTTP server's own observation of each request stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(identities);
    }
}
