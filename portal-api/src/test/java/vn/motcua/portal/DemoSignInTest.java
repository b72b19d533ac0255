package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.portal.support.Browser;
import vn.motcua.portal.support.IntegrationTest;

/**
 * In the embedded demo a browser signs in with the demo users on Spring Security's sign-in form: a session, and the
 * form needs its CSRF token like every form of the browser chain.
 */
class DemoSignInTest extends IntegrationTest {

    @Test
    void aDemoUserSignsInOnTheFormWithItsCsrfToken() throws Exception {
        String site = "http://localhost:" + port;
        Browser browser = new Browser();
        assertThat(browser.get(site + "/api/v1/me").statusCode()).isEqualTo(401);

        HttpResponse<String> form = browser.get(site + "/login");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"password\"");
        Map<String, String> credentials = Map.of("username", "citizen-a", "password", PASSWORD);
        assertThat(browser.postForm(site + "/login", credentials).statusCode()).as("no CSRF token").isEqualTo(403);

        HttpResponse<String> signedIn = browser.postForm(site + "/login", Map.of("username", "citizen-a",
                "password", PASSWORD, "_csrf", Browser.csrfToken(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedIn)).isEqualTo(site + "/");
        HttpResponse<String> me = browser.get(site + "/api/v1/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"citizen-a\"", "\"roles\":[\"CITIZEN\"]");
    }
}
