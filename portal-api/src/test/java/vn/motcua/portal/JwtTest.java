package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.portal.support.TestJwt;

/**
 * The production way in: bearer JWTs from the agency's OIDC provider (here a locally generated RSA key),
 * with roles and unit taken from the token's claims.
 */
class JwtTest extends IntegrationTest {

    @Test
    void officialWithAValidTokenWorksInTheirUnit() {
        String code = submitted("citizen-a");
        String token = TestJwt.token("oidc-reception-7", "Ngô Thị Lan", List.of("reception"), HANOI);
        String reception = task("reception-hn", code, "reception");
        Api.Response inbox = bearer(token).get("/api/v1/tasks");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().findValuesAsText("id")).contains(reception);

        Api.Response accepted = bearer(token).postJson("/api/v1/tasks/" + reception + "/complete", """
                {"outcome":"ACCEPT","comment":"Tiếp nhận qua tài khoản SSO"}""");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        var history = as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json();
        assertThat(history.get(1).at("/actor/id").asText()).isEqualTo("oidc-reception-7");
        assertThat(history.get(1).at("/actor/name").asText()).isEqualTo("Ngô Thị Lan");
        assertThat(history.get(1).at("/actor/unitId").asText()).isEqualTo(HANOI);
    }

    @Test
    void clerkAndUnitHeadTokensHaveDocumentTasksAndOnlyTheResultsStepsOfDossiers() {
        String clerk = TestJwt.token("oidc-clerk-3", "Vũ Thị Nga", List.of("clerk"), HANOI);
        String unitHead = TestJwt.token("oidc-head-4", "Lê Văn Hùng", List.of("Unit_Head"), HANOI);
        for (String token : List.of(clerk, unitHead)) {
            Api.Response inbox = bearer(token).get("/api/v1/tasks");
            assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
            assertThat(inbox.json().findValuesAsText("step")).as("document tasks, and of dossiers only the result's steps")
                    .allMatch(step -> step.startsWith("doc_") || step.equals("resultReview") || step.equals("resultIssue"));
        }
        Api.Response received = bearer(clerk).multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", """
                    {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"9/BYT-VP",
                     "issuedOn":"2026-01-05","subject":"Công văn chưa ký số","type":"LETTER","urgency":"NORMAL",
                     "secrecy":"NONE","pageCount":1}}""", MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van.pdf", pdf("Cong van chua ky")), MediaType.APPLICATION_PDF);
        });
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).as("unsigned, so received but not registered")
                .isEqualTo("RECEIVED");
        var history = bearer(clerk).get("/api/v1/documents/" + received.json().get("documentId").asText()
                + "/history").json();
        assertThat(history.get(0).at("/actor/id").asText()).isEqualTo("oidc-clerk-3");
        assertThat(history.get(0).at("/actor/role").asText()).isEqualTo("CLERK");
    }

    @Test
    void citizenTokenSubmitsAndSeesOnlyTheirOwn() {
        String token = TestJwt.token("vneid-001099012345", "Lý Thị Mai", List.of("CITIZEN"), null);
        Api.Response mine = bearer(token).get("/api/v1/dossiers");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).isEmpty();
        assertThat(bearer(token).get("/api/v1/tasks").status()).isEqualTo(403);
    }

    @Test
    void forgedExpiredOrGarbageTokensAreRefused() {
        assertThat(bearer(TestJwt.forgedToken("attacker", List.of("LEADER"), HANOI)).get("/api/v1/tasks").status())
                .isEqualTo(401);
        assertThat(bearer(TestJwt.expiredToken("leader", List.of("LEADER"), HANOI)).get("/api/v1/tasks").status())
                .isEqualTo(401);
        Api.Response nobody = bearer(TestJwt.tokenWithoutSubject(List.of("LEADER"), HANOI)).get("/api/v1/tasks");
        assertThat(nobody.status()).as("a trusted token naming no subject").isEqualTo(401);
        Api.Response garbage = bearer("not-a-jwt").get("/api/v1/tasks");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
    }

    @Test
    void tokenWithoutKnownRolesCanDoNothing() {
        String token = TestJwt.token("someone", "Ai đó", List.of("ADMIN", "SUPERUSER"), HANOI);
        assertThat(bearer(token).get("/api/v1/tasks").status()).isEqualTo(403);
        assertThat(bearer(token).get("/api/v1/dossiers").status()).isEqualTo(403);
    }
}
