package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The Decree 61/2018 paths beyond the straight line: supplement during appraisal (the time limit
 * restarts), consultation of another unit, one apology with a new date, stopping, the deadline timers.
 */
class Decree61Test extends IntegrationTest {

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void supplementDuringAppraisalRestartsTheTimeLimitAndIsAskedOnlyOnce() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu kết quả kiểm nghiệm",
                 "items":["Phiếu kết quả kiểm nghiệm sản phẩm"]}""");
        assertThat(dossier(code).get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");

        Api.Response supplied = as("citizen-a").multipart("/api/v1/dossiers/" + code + "/supplement",
                parts -> parts.part("files", Api.file("kiem-nghiem.pdf", pdf("Ket qua kiem nghiem")),
                        org.springframework.http.MediaType.APPLICATION_PDF));
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
        assertThat(supplied.json().get("status").asText()).isEqualTo("IN_APPRAISAL");
        JsonNode provided = step(code, "SupplementProvided");
        assertThat(provided.at("/details/stage").asText()).isEqualTo("APPRAISAL");
        assertThat(LocalDate.parse(provided.at("/details/appointedReturnDate").asText()))
                .isAfterOrEqualTo(LocalDate.parse(step(code, "PaymentReceived").at("/details/appointedReturnDate").asText()));

        Api.Response again = decide("specialist-hn", task("specialist-hn", code, "appraisal"), """
                {"outcome":"REQUEST_SUPPLEMENT","items":["Bản gốc"]}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("SUPPLEMENT_IN_APPRAISAL_WITHIN_THREE_DAYS");
    }

    @Test
    void handlerConsultsAnotherUnitWhichAnswersBeforeTheAppraisalEnds() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        String appraisal = task("specialist-hn", code, "appraisal");
        Api.Response ownUnit = decide("specialist-hn", appraisal, """
                {"outcome":"CONSULT","consultedUnits":["%s"],"consultationDueDate":"%s"}"""
                .formatted(HANOI, LocalDate.now().plusDays(7)));
        assertThat(ownUnit.status()).isEqualTo(400);
        assertThat(ownUnit.json().get("field").asText()).isEqualTo("consultedUnits");

        assertThat(decide("specialist-hn", appraisal, """
                {"outcome":"CONSULT","comment":"Đề nghị cho ý kiến về thành phần","consultedUnits":["%s"],
                 "consultationDueDate":"%s"}""".formatted(HCMC, LocalDate.now().plusDays(7))).status()).isEqualTo(200);
        String consultation = task("specialist-hcm", code, "consultation");
        assertThat(decide("specialist-hcm", consultation, """
                {"outcome":"ANSWER","comment":"Thống nhất, thành phần đạt"}""").status()).isEqualTo(200);
        JsonNode answered = step(code, "ConsultationAnswered");
        assertThat(answered.at("/details/unitId").asText()).isEqualTo(HCMC);
        assertThat(answered.at("/details/late").asBoolean()).isFalse();

        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"FAVOURABLE","comment":"Đạt"}""");
        assertThat(task("unit-head-hn", code, "resultReview")).as("the unit head checks the draft before the leader")
                .isNotBlank();
    }

    @Test
    void unitHeadApologisesOnceAndTheDeadlineTimersMove() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        LocalDate appointed = LocalDate.parse(dossier(code).get("appointedReturnDate").asText());
        LocalDate newDate = appointed.plusDays(7);

        assertThat(as("specialist-hn").postJson("/api/v1/dossiers/" + code + "/apology", apology(newDate)).status())
                .isEqualTo(403);
        Api.Response apologised = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/apology", apology(newDate));
        assertThat(apologised.status()).as(apologised.toString()).isEqualTo(200);
        assertThat(apologised.json().get("appointedReturnDate").asText()).isEqualTo(newDate.toString());
        Date overdueAt = timer(code, "overdueTimer").getDuedate();
        assertThat(overdueAt.toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate()).isEqualTo(newDate);

        Api.Response second = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/apology",
                apology(newDate.plusDays(7)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asText()).endsWith("APOLOGY_ONCE_BEFORE_DUE_DATE");
    }

    @Test
    void deadlineTimersWarnTheHandlerAndEscalateToTheUnitHead() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        management.executeJob(timer(code, "deadlineWarningTimer").getId());
        assertThat(step(code, "DeadlineWarned").at("/actor/role").asText()).isEqualTo("SYSTEM");

        management.executeJob(timer(code, "overdueTimer").getId());
        assertThat(step(code, "DossierOverdue").at("/actor/unitId").asText()).isEqualTo(HANOI);
        decideOk("leader-hn", code, "overdueReview", """
                {"outcome":"ACKNOWLEDGE","comment":"Đề nghị chuyên viên hoàn thành trong ngày"}""");
        assertThat(step(code, "OverdueAcknowledged").at("/actor/id").asText()).isEqualTo("leader-hn");
        assertThat(task("specialist-hn", code, "appraisal")).as("processing goes on").isNotBlank();
    }

    @Test
    void unitHeadStopsProcessingAndTheDossierIsClosed() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        Api.Response stopped = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/stop", """
                {"reason":"Cơ sở đã ngừng hoạt động"}""");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.json().get("portalStatus").asInt()).isEqualTo(8);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(as("citizen-a").postJson("/api/v1/dossiers/" + code + "/withdrawal", """
                {"reason":"x"}""").status()).isEqualTo(409);
    }

    private Job timer(String code, String activity) {
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        return management.createJobQuery().processInstanceId(process).timers().activityId(activity).singleResult();
    }

    private JsonNode dossier(String code) {
        return as("citizen-a").get("/api/v1/dossiers/" + code).json();
    }

    private JsonNode step(String code, String type) {
        for (JsonNode step : as("inspector").get("/api/v1/dossiers/" + code + "/history").json()) {
            if (step.get("type").asText().equals(type)) {
                return step;
            }
        }
        throw new AssertionError("No " + type + " step for " + code);
    }

    private static String apology(LocalDate newDate) {
        return """
                {"newAppointedDate":"%s","causingUnit":"Phòng Nghiệp vụ Dược",
                 "reason":"Cần thêm thời gian lấy ý kiến chuyên gia"}""".formatted(newDate);
    }
}
