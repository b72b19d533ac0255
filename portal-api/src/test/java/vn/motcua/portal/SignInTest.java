package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import testidp.TestIdentityProvider;
import vn.motcua.portal.support.ApplicationProcess;
import vn.motcua.portal.support.Browser;

/**
 * Signing in the ecosystem's way, against a real OpenID Connect provider (Spring Authorization Server, started in
 * this JVM) and the application in a JVM of its own configured with it, demo users off as in production: a person
 * signs in in the browser with the authorization code flow and gets a session, whose forms need the CSRF token; a
 * bearer token of the same provider works on the API; HTTP Basic is refused.
 */
class SignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext provider;
    private static ApplicationProcess node;
    private static String motcua;
    private static String issuer;

    @BeforeAll
    static void start() throws Exception {
        int port = ApplicationProcess.freePort();
        motcua = "http://localhost:" + port;
        provider = TestIdentityProvider.start(motcua);
        issuer = TestIdentityProvider.issuer(provider);
        Path data = Path.of("target", "sign-in", Long.toString(System.nanoTime())).toAbsolutePath();
        node = ApplicationProcess.start(data, port,
                "--motcua.security.demo-users.enabled=false",
                "--motcua.security.oidc.issuer-uri=" + issuer,
                "--motcua.security.oidc.client-id=" + TestIdentityProvider.CLIENT_ID,
                "--motcua.security.oidc.client-secret=" + TestIdentityProvider.CLIENT_SECRET,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
        node.awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.process().destroy();
            if (!node.process().waitFor(1, TimeUnit.MINUTES)) {
                node.process().destroyForcibly();
            }
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aPersonSignsInWithTheProviderAndOutWithTheCsrfToken() throws Exception {
        Browser browser = new Browser();
        String at = signIn(browser);
        assertThat(at).isEqualTo(motcua + "/");

        HttpResponse<String> me = browser.get(motcua + "/api/v1/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode identity = JSON.readTree(me.body());
        assertThat(identity.get("id").asText()).isEqualTo(TestIdentityProvider.USER);
        assertThat(identity.get("name").asText()).isEqualTo("Ngô Thị Lan");
        assertThat(identity.get("roles").toString()).isEqualTo("[\"RECEPTION\"]");
        assertThat(identity.get("unitId").asText()).isEqualTo(TestIdentityProvider.HANOI);
        assertThat(browser.get(motcua + "/api/v1/tasks").statusCode()).as("the officer's inbox, by session")
                .isEqualTo(200);

        // a write that rides on the session cookie needs the CSRF token, on the API as on the browser's forms
        String token = Browser.csrfToken(browser.get(motcua + "/logout"));
        String decision = """
                {"outcome":"ACCEPT"}""";
        HttpResponse<String> forged = browser.postJson(motcua + "/api/v1/tasks/00000000-0000-0000-0000-000000000000/complete", decision,
                Map.of());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        HttpResponse<String> withToken = browser.postJson(motcua + "/api/v1/tasks/00000000-0000-0000-0000-000000000000/complete", decision,
                Map.of("X-CSRF-TOKEN", token));
        assertThat(withToken.statusCode()).as("past the CSRF check, the task is simply unknown: " + withToken.body())
                .isEqualTo(404);

        HttpResponse<String> noToken = browser.postForm(motcua + "/logout", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(browser.get(motcua + "/api/v1/me").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> out = browser.postForm(motcua + "/logout", Map.of("_csrf", token));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(Browser.location(out)).as("the provider's session ends too (RP-initiated logout)")
                .startsWith(issuer + "/connect/logout");
        HttpResponse<String> after = browser.get(motcua + "/api/v1/me");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aBearerTokenOfTheSameProviderWorksOnTheApi() throws Exception {
        Browser client = new Browser();
        String credentials = Base64.getEncoder().encodeToString((TestIdentityProvider.CLIENT_ID + ":"
                + TestIdentityProvider.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = client.postFormWithAuthorization(issuer + "/oauth2/token",
                Map.of("grant_type", "client_credentials"), "Basic " + credentials);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String accessToken = JSON.readTree(issued.body()).get("access_token").asText();

        HttpResponse<String> me = client.get(motcua + "/api/v1/me", "Bearer " + accessToken);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("roles").toString()).isEqualTo("[\"INSPECTOR\"]");
        assertThat(me.headers().firstValue("Set-Cookie")).as("the API creates no session").isEmpty();
        assertThat(client.get(motcua + "/api/v1/me", "Bearer " + accessToken + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void httpBasicIsRefusedWhenTheDemoUsersAreOff() {
        String demo = "Basic " + Base64.getEncoder().encodeToString("citizen-a:motcua-demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = new Browser().get(motcua + "/api/v1/me", demo);
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> form = new Browser().get(motcua + "/login");
        assertThat(form.body()).as("the sign-in page offers the provider, and no password form")
                .contains("/oauth2/authorization/sso").doesNotContain("name=\"password\"");
    }

    @Test
    void theSignInDoorIsRateLimitedPerClient() {
        Browser hurried = new Browser("127.0.0.2");
        int redirected = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 40; i++) {
            last = hurried.get(motcua + "/oauth2/authorization/sso");
            if (last.statusCode() != 302) {
                break;
            }
            redirected++;
        }
        assertThat(redirected).as("the configured capacity of sign-in (30 a minute)").isEqualTo(30);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(new Browser("127.0.0.3").get(motcua + "/oauth2/authorization/sso").statusCode())
                .as("another client is not affected").isEqualTo(302);
    }

    /** The authorization code flow, as a browser walks it; where the application finally sends the person. */
    private static String signIn(Browser browser) {
        HttpResponse<String> start = browser.get(motcua + "/oauth2/authorization/sso");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String authorize = Browser.location(start);
        assertThat(authorize).startsWith(issuer + "/oauth2/authorize");

        HttpResponse<String> toLogin = browser.get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> loginPage = browser.get(Browser.location(toLogin));
        assertThat(loginPage.statusCode()).isEqualTo(200);

        HttpResponse<String> loggedIn = browser.postForm(issuer + "/login", Map.of(
                "username", TestIdentityProvider.USER, "password", TestIdentityProvider.PASSWORD,
                "_csrf", Browser.csrfToken(loginPage)));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> authorized = browser.get(Browser.location(loggedIn));
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        String callback = Browser.location(authorized);
        assertThat(callback).startsWith(motcua + "/login/oauth2/code/sso?code=");

        HttpResponse<String> signedIn = browser.get(callback);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return Browser.location(signedIn);
    }
}
