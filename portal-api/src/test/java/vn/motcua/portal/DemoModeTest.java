package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/** The embedded default runs with the demo users and the dev PKI, and says so wherever a client looks. */
class DemoModeTest extends IntegrationTest {

    @Test
    void everyResponseCarriesTheDemoHeaderRefusalsIncluded() {
        Api.Response refused = anonymous().get("/api/v1/tasks");
        assertThat(refused.status()).isEqualTo(401);
        Api.Response served = as("reception-hn").get("/api/v1/tasks");
        assertThat(served.status()).isEqualTo(200);
        Api.Response missing = as("reception-hn").get("/api/v1/dossiers/000.00.16.H26-000000-9999");
        assertThat(missing.status()).isEqualTo(404);
        for (Api.Response response : new Api.Response[] {refused, served, missing, anonymous().get("/actuator/health")}) {
            assertThat(response.headers().getFirst("X-Motcua-Demo")).as(response.toString()).isEqualTo("true");
        }
    }

    @Test
    void theInfoEndpointSaysDemoAndWhy() {
        Api.Response info = anonymous().get("/actuator/info");
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        JsonNode body = info.json();
        assertThat(body.get("demo").asBoolean()).isTrue();
        assertThat(body.get("demoParts")).extracting(JsonNode::asText).containsExactly("demo-users", "dev-pki");
        assertThat(body.get("demoWarning").asText()).startsWith("BẢN CHẠY THỬ").contains("DEMO");
    }

    @Test
    void theOpenApiDescriptionOpensWithTheDemoWarning() {
        String description = anonymous().get("/v3/api-docs").json().at("/info/description").asText();
        assertThat(description).startsWith("BẢN CHẠY THỬ: người dùng thử có mật khẩu công khai")
                .contains("DEMO: demo users with a public password and dev PKI keys");
    }
}
