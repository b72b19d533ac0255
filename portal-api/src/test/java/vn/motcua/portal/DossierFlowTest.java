package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.document.DocumentStore;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The whole one-stop flow over HTTP on the embedded PostgreSQL: citizen → reception → appraisal →
 * approval → result, with the step history read back from the event store at the end.
 */
class DossierFlowTest extends IntegrationTest {

    @Test
    void dossierGoesFromCitizenThroughReceptionAppraisalApprovalToResult() {
        byte[] notification = pdf("Phieu cong bo");
        Api.Response created = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"),
                "phieu-cong-bo.pdf", notification);
        assertThat(created.status()).isEqualTo(201);
        String code = created.json().get("code").asText();
        assertThat(code).matches("000\\.00\\.16\\.H26-\\d{6}-\\d{4}");
        assertThat(created.headers().getLocation()).hasToString("/api/v1/dossiers/" + code);
        assertThat(created.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(created.json().get("statusLabel").asText()).isEqualTo("Mới đăng ký");

        JsonNode mine = as("citizen-a").get("/api/v1/dossiers?size=100").json();
        assertThat(mine.findValuesAsText("code")).contains(code);

        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ đầy đủ, hợp lệ"}""");
        JsonNode feeDue = as("citizen-a").get("/api/v1/dossiers/" + code).json();
        assertThat(feeDue.get("status").asText()).isEqualTo("PAYMENT_REQUESTED");
        assertThat(feeDue.get("portalStatus").asInt()).isEqualTo(6);
        Api.Response declared = as("citizen-a").postJson("/api/v1/dossiers/" + code + "/payment", """
                {"amountVnd":500000,"reference":"KBNN-1"}""");
        assertThat(declared.status()).as("a declared reference is no payment").isIn(404, 405);
        assertThat(declared.contentType()).contains("problem+json");
        pay(code, "citizen-a");
        JsonNode accepted = as("citizen-a").get("/api/v1/dossiers/" + code).json();
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("appointedReturnDate").asText()).isNotBlank();

        String appraisal = task("specialist-hn", code, "appraisal");
        Api.Response claimed = as("specialist-hn").post("/api/v1/tasks/" + appraisal + "/claim");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.json().get("assignee").asText()).isEqualTo("specialist-hn");
        assertThat(decide("specialist-hn", appraisal, """
                {"outcome":"FAVOURABLE","comment":"Sản phẩm đáp ứng yêu cầu công bố"}""").status()).isEqualTo(200);

        checkedByUnitHead(code);
        decideOk("leader-hn", code, "approval", """
                {"outcome":"APPROVE","comment":"Đồng ý cấp số tiếp nhận"}""");
        issuedByClerk(code);
        decideOk("reception-hn", code, "returnResult", """
                {"outcome":"RETURN_RESULT","comment":"Đã trả kết quả trực tuyến"}""");

        JsonNode done = as("citizen-a").get("/api/v1/dossiers/" + code).json();
        assertThat(done.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(done.get("portalStatus").asInt()).isEqualTo(10);

        JsonNode history = as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("DossierSubmitted", "DossierAccepted",
                "PaymentRequested", "PaymentReceived", "HandlerAssigned", "AppraisalRecorded", "ResultReviewed",
                "DossierApproved", "ResultIssued", "ResultReturned");
        assertThat(history.findValues("sequence").stream().map(JsonNode::asInt).toList())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(history.get(0).at("/actor/id").asText()).isEqualTo("citizen-a");
        assertThat(history.get(0).at("/documents/0/sha256").asText()).isEqualTo(DocumentStore.sha256(notification));
        assertThat(history.get(1).at("/actor/role").asText()).isEqualTo("RECEPTION");
        assertThat(history.get(1).at("/actor/unitId").asText()).isEqualTo(HANOI);
        assertThat(history.get(1).get("comment").asText()).isEqualTo("Hồ sơ đầy đủ, hợp lệ");
        assertThat(history.get(3).at("/details/reference").asText()).isEqualTo(jdbc.queryForObject(
                "select provider_transaction_id from payment_order where dossier_code = ? and status = 'PAID'",
                String.class, code));
        assertThat(history.get(3).at("/details/channel").asText()).isEqualTo("ONLINE");
        assertThat(history.get(5).at("/details/outcome").asText()).isEqualTo("FAVOURABLE");
        assertThat(history.get(6).at("/actor/id").asText()).isEqualTo("unit-head-hn");
        assertThat(history.get(6).at("/details/agreed").asBoolean()).isTrue();
        assertThat(history.get(7).at("/actor/id").asText()).isEqualTo("leader-hn");
        assertThat(history.get(7).at("/documents/0/sha256").asText()).as("the draft the leader signed").hasSize(64);
        assertThat(history.get(8).at("/actor/id").asText()).isEqualTo("clerk-hn");
        assertThat(history.get(9).at("/actor/id").asText()).isEqualTo("reception-hn");
        assertThat(history.get(9).get("documents")).as("reception returns what the clerk issued")
                .isEqualTo(history.get(8).get("documents"));
        assertThat(history.get(8).at("/documents/0/sha256").asText())
                .isNotEqualTo(history.get(7).at("/documents/0/sha256").asText());
        assertThat(history.findValuesAsText("at")).allSatisfy(at -> assertThat(at).isNotBlank());

        Api.Response download = as("reception-hn").get("/api/v1/dossiers/" + code + "/documents/"
                + DocumentStore.sha256(notification));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(notification);
        assertThat(runningProcesses(code)).isZero();

        Api.Response rated = as("citizen-a").postJson("/api/v1/dossiers/" + code + "/rating", """
                {"score":5,"comment":"Nhanh, đúng hẹn"}""");
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        Api.Response again = as("citizen-a").postJson("/api/v1/dossiers/" + code + "/rating", """
                {"score":1}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("RATING_ONCE_AFTER_RESULT");
    }

    @Test
    void supplementRequestedAtReceptionComesBackToReceptionAndCanBeRequestedOnlyOnce() {
        String code = submitted("citizen-a");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu giấy ủy quyền",
                 "items":["Giấy ủy quyền của nhà sản xuất (bản sao chứng thực)"]}""");
        JsonNode waiting = as("citizen-a").get("/api/v1/dossiers/" + code).json();
        assertThat(waiting.get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(waiting.get("portalStatus").asInt()).isEqualTo(5);

        Api.Response supplied = as("citizen-a").multipart("/api/v1/dossiers/" + code + "/supplement", parts -> {
            parts.part("files", Api.file("giay-uy-quyen.pdf", pdf("Giay uy quyen")), MediaType.APPLICATION_PDF);
            parts.part("comment", "Bổ sung giấy ủy quyền");
        });
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
        assertThat(supplied.json().get("status").asText()).isEqualTo("SUBMITTED");

        String reception = task("reception-hn", code, "reception");
        Api.Response again = decide("reception-hn", reception, """
                {"outcome":"REQUEST_SUPPLEMENT","items":["Bản gốc phiếu công bố"]}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:motcua:problem:rule/SUPPLEMENT_ONCE_AT_RECEPTION");

        assertThat(decide("reception-hn", reception, """
                {"outcome":"ACCEPT","comment":"Đã đủ"}""").status()).isEqualTo(200);
        List<String> types = as("inspector").get("/api/v1/dossiers/" + code + "/history").json().findValuesAsText("type");
        assertThat(types).containsExactly("DossierSubmitted", "SupplementRequested", "SupplementProvided",
                "DossierAccepted", "PaymentRequested");
    }

    @Test
    void refusedDossierIsClosedAndItsProcessEnds() {
        String code = submitted("citizen-a");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"REFUSE","comment":"Sản phẩm không thuộc phạm vi mỹ phẩm"}""");
        assertThat(as("citizen-a").get("/api/v1/dossiers/" + code).json().get("status").asText()).isEqualTo("REFUSED");
        assertThat(runningProcesses(code)).isZero();

        Api.Response withdrawal = as("citizen-a").postJson("/api/v1/dossiers/" + code + "/withdrawal", """
                {"reason":"Không cần nữa"}""");
        assertThat(withdrawal.status()).isEqualTo(409);
        assertThat(withdrawal.json().get("type").asText()).isEqualTo("urn:motcua:problem:rule/CLOSED_DOSSIER_IS_FINAL");
    }

    @Test
    void unitHeadReturnsTheDraftToTheHandlerWithReasonsAndOnlyTheClerkIssuesIt() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"FAVOURABLE","comment":"Đạt"}""");
        String review = task("unit-head-hn", code, "resultReview");
        assertThat(decide("leader-hn", review, """
                {"outcome":"AGREE"}""").status()).as("another role's task is not the leader's").isEqualTo(404);
        assertThat(decide("unit-head-hcm", review, """
                {"outcome":"AGREE"}""").status()).as("another unit's task").isEqualTo(404);

        Api.Response withoutReasons = decide("unit-head-hn", review, """
                {"outcome":"RETURN_TO_HANDLER"}""");
        assertThat(withoutReasons.status()).as(withoutReasons.toString()).isEqualTo(409);
        assertThat(withoutReasons.json().get("type").asText()).endsWith("RESULT_REVIEW_RETURN_STATES_REASONS");
        decideOk("unit-head-hn", code, "resultReview", """
                {"outcome":"RETURN_TO_HANDLER","comment":"Dự thảo chưa ghi đủ thành phần sản phẩm"}""");
        assertThat(as("citizen-a").get("/api/v1/dossiers/" + code).json().get("status").asText())
                .isEqualTo("IN_APPRAISAL");

        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"FAVOURABLE","comment":"Đã bổ sung thành phần vào dự thảo"}""");
        checkedByUnitHead(code);
        decideOk("leader-hn", code, "approval", """
                {"outcome":"APPROVE","comment":"Đồng ý"}""");
        String issue = task("clerk-hn", code, "resultIssue");
        assertThat(decide("reception-hn", issue, """
                {"outcome":"ISSUE_RESULT"}""").status()).as("the clerk's step is not reception's").isEqualTo(404);
        issuedByClerk(code);
        decideOk("reception-hn", code, "returnResult", """
                {"outcome":"RETURN_RESULT"}""");
        JsonNode history = as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json();
        assertThat(history.findValuesAsText("type")).containsSubsequence("AppraisalRecorded", "ResultReviewed",
                "AppraisalRecorded", "ResultReviewed", "DossierApproved", "ResultIssued", "ResultReturned");
        assertThat(history.findValuesAsText("comment")).contains("Dự thảo chưa ghi đủ thành phần sản phẩm");
    }

    @Test
    void leaderRejectionIsReturnedToTheApplicantAsTheResult() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"UNFAVOURABLE","comment":"Thành phần không đạt"}""");
        checkedByUnitHead(code);
        Api.Response withoutReason = decide("leader-hn", task("leader-hn", code, "approval"), """
                {"outcome":"REJECT"}""");
        assertThat(withoutReason.status()).isEqualTo(409);
        assertThat(withoutReason.json().get("type").asText()).endsWith("REFUSAL_STATES_REASONS");
        decideOk("leader-hn", code, "approval", """
                {"outcome":"REJECT","comment":"Không đủ điều kiện công bố"}""");
        issuedByClerk(code);
        decideOk("reception-hn", code, "returnResult", """
                {"outcome":"RETURN_RESULT"}""");
        assertThat(as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json().findValuesAsText("type"))
                .containsExactly("DossierSubmitted", "DossierAccepted", "PaymentRequested", "PaymentReceived",
                        "HandlerAssigned", "AppraisalRecorded", "ResultReviewed", "DossierRejected", "ResultIssued",
                        "ResultReturned");
    }

    @Test
    void applicantWithdrawsDuringAppraisalAndTheTaskDisappears() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        task("specialist-hn", code, "appraisal");
        Api.Response withdrawn = as("citizen-a").postJson("/api/v1/dossiers/" + code + "/withdrawal", """
                {"reason":"Doanh nghiệp tạm dừng sản xuất"}""");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(as("specialist-hn").get("/api/v1/tasks").json().findValuesAsText("dossierCode")).doesNotContain(code);
        assertThat(runningProcesses(code)).isZero();
    }

    @Test
    void catalogueAndUnitsAreListed() {
        JsonNode procedure = as("citizen-a").get("/api/v1/procedures/" + COSMETICS).json();
        assertThat(procedure.get("feeVnd").asLong()).isEqualTo(500_000);
        assertThat(procedure.at("/timeLimit/days").asInt()).isEqualTo(3);
        assertThat(as("citizen-a").get("/api/v1/units").json().findValuesAsText("id")).contains(HANOI, HCMC);
    }

    private int runningProcesses(String code) {
        return jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ?", Integer.class, code);
    }
}
