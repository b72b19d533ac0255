package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/** Who may see and do what: by role and unit, applicants own their dossiers, inspectors only read. */
class AuthorizationTest extends IntegrationTest {

    @Test
    void citizenCannotSeeAnotherCitizensDossier() {
        String code = submitted("citizen-a");
        assertThat(as("citizen-b").get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(as("citizen-b").get("/api/v1/dossiers/" + code + "/history").status()).isEqualTo(404);
        assertThat(as("citizen-b").get("/api/v1/dossiers?size=100").json().findValuesAsText("code"))
                .doesNotContain(code);
        Api.Response withdraw = as("citizen-b").postJson("/api/v1/dossiers/" + code + "/withdrawal", """
                {"reason":"không phải của tôi"}""");
        assertThat(withdraw.status()).isEqualTo(404);
        assertThat(as("citizen-a").get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
    }

    @Test
    void officialOfAnotherUnitCannotSeeOrActOnTheDossierOrItsTask() {
        String code = submitted("citizen-a");
        String reception = task("reception-hn", code, "reception");
        Map<String, Integer> before = footprint();

        assertThat(as("reception-hcm").get("/api/v1/tasks").json().findValuesAsText("dossierCode")).doesNotContain(code);
        assertThat(as("reception-hcm").get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        // another unit's task is not in their inbox: the same 404 as an unknown task
        Api.Response claim = as("reception-hcm").post("/api/v1/tasks/" + reception + "/claim");
        assertThat(claim.status()).isEqualTo(404);
        Api.Response decision = decide("reception-hcm", reception, """
                {"outcome":"ACCEPT"}""");
        assertThat(decision.status()).isEqualTo(404);
        assertThat(decision.contentType()).startsWith("application/problem+json");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void officialOfTheRightUnitButWrongRoleCannotDecide() {
        String code = submitted("citizen-a");
        String reception = task("reception-hn", code, "reception");
        // another role's task is not in the leader's inbox: the same 404 as an unknown task
        Api.Response byLeader = decide("leader-hn", reception, """
                {"outcome":"ACCEPT"}""");
        assertThat(byLeader.status()).isEqualTo(404);
        assertThat(events(code)).isEqualTo(1);
    }

    @Test
    void clerkAndUnitHeadReadTheirUnitsDossiersAndTakeOnlyTheResultsSteps() {
        String code = submitted("citizen-a");
        String reception = task("reception-hn", code, "reception");
        Map<String, Integer> before = footprint();

        for (String official : new String[] {"clerk-hn", "unit-head-hn"}) {
            assertThat(as(official).get("/api/v1/dossiers/" + code).status()).as(official).isEqualTo(200);
            assertThat(as(official).get("/api/v1/dossiers?size=100").json().findValuesAsText("code")).contains(code);
            Api.Response inbox = as(official).get("/api/v1/tasks");
            assertThat(inbox.status()).as(official).isEqualTo(200);
            assertThat(inbox.json().findValuesAsText("dossierCode")).as(official).doesNotContain(code);
            // their dossier tasks are the result's steps only: the unit head's check, the clerk's number and seal
            assertThat(inbox.json().findValuesAsText("step")).as(official)
                    .allMatch(step -> step.startsWith("doc_") || step.equals("resultReview") || step.equals("resultIssue"));
            assertThat(as(official).post("/api/v1/tasks/" + reception + "/claim").status()).as(official)
                    .isEqualTo(404);
            Api.Response decision = decide(official, reception, """
                    {"outcome":"ACCEPT"}""");
            assertThat(decision.status()).as(official).isEqualTo(404);
            assertThat(decision.contentType()).startsWith("application/problem+json");
        }
        assertThat(as("clerk-hcm").get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(as("unit-head-hcm").get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(footprint()).isEqualTo(before);
        assertThat(events(code)).isEqualTo(1);
        assertThat(task("reception-hn", code, "reception")).isEqualTo(reception);
    }

    @Test
    void inspectorReadsEverythingAndWritesNothing() {
        String code = submitted("citizen-a");
        String reception = task("reception-hn", code, "reception");
        Map<String, Integer> before = footprint();

        assertThat(as("inspector").get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
        assertThat(as("inspector").get("/api/v1/dossiers/" + code + "/history").status()).isEqualTo(200);
        assertThat(as("inspector").get("/api/v1/dossiers?size=100").json().findValuesAsText("code")).contains(code);

        assertThat(submit("inspector", dossierJson(COSMETICS, HANOI, "Thanh tra"), "a.pdf", pdf("x")).status())
                .isEqualTo(403);
        assertThat(as("inspector").post("/api/v1/tasks/" + reception + "/claim").status()).isEqualTo(403);
        assertThat(decide("inspector", reception, """
                {"outcome":"ACCEPT"}""").status()).isEqualTo(403);
        assertThat(as("inspector").postJson("/api/v1/dossiers/" + code + "/withdrawal", """
                {"reason":"x"}""").status()).isEqualTo(403);
        assertThat(as("inspector").get("/api/v1/tasks").status()).isEqualTo(403);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void officialsCannotSubmitAndCitizensHaveNoInbox() {
        assertThat(submit("reception-hn", dossierJson(COSMETICS, HANOI, "Cán bộ"), "a.pdf", pdf("x")).status())
                .isEqualTo(403);
        assertThat(as("citizen-a").get("/api/v1/tasks").status()).isEqualTo(403);
    }

    @Test
    void taskClaimedByAColleagueCannotBeDecidedByAnother() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        String appraisal = task("specialist-hn", code, "appraisal");
        assertThat(as("specialist-hn").post("/api/v1/tasks/" + appraisal + "/claim").status()).isEqualTo(200);
        Map<String, Integer> before = footprint();
        // the HCMC specialist is of another unit: the task is not in their inbox, so not found, as an unknown one
        Api.Response unknown = as("specialist-hcm").post("/api/v1/tasks/" + UUID.randomUUID() + "/claim");
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response decided = decide("specialist-hcm", appraisal, """
                {"outcome":"FAVOURABLE"}""");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(404);
        Api.Response claimed = as("specialist-hcm").post("/api/v1/tasks/" + appraisal + "/claim");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(404);
        assertThat(claimed.json().get("type")).isEqualTo(unknown.json().get("type"));
        assertThat(claimed.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText()
                .replace(unknown.json().get("instance").asText().split("/")[4], appraisal));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void everyApiEndpointNeedsAuthentication() {
        for (String path : new String[] {"/api/v1/dossiers", "/api/v1/tasks", "/api/v1/procedures", "/api/v1/units"}) {
            Api.Response response = anonymous().get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().get("titleVi").asText()).isNotBlank();
        }
        assertThat(anonymous().postJson("/api/v1/tasks/x/complete", "{}").status()).isEqualTo(401);
        assertThat(as("citizen-a").get("/api/v1/dossiers").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsRefused() {
        Api.Response response = as("citizen-a", "wrong").get("/api/v1/dossiers");
        assertThat(response.status()).isEqualTo(401);
    }
}
