package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The clock of a dossier stops while it waits for the applicant (Decree 61/2018/ND-CP as amended by Decree
 * 107/2021/ND-CP: the time limit counts only while the agency holds a complete, fee-paid dossier; a supplement
 * requested in appraisal restarts it): the deadline timers do not exist before the fee is paid, stand suspended
 * while the applicant supplements, and are re-armed for the restarted limit; a dossier not supplemented in the
 * procedure's period ends (practice) and the applicant is told.
 */
class ClockStopsTest extends IntegrationTest {

    private static final ZoneId HANOI_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void noDeadlineTimerRunsBeforeTheFeeIsPaidAndTheLimitCountsFromThePayment() {
        String code = submitted("citizen-a");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        assertThat(dossier(code).get("status").asText()).isEqualTo("PAYMENT_REQUESTED");
        assertThat(timers(code)).as("nothing can warn or report overdue while the fee is awaited").isEmpty();

        pay(code, "citizen-a");

        LocalDate appointed = LocalDate.parse(step(code, "PaymentReceived").at("/details/appointedReturnDate").asText());
        assertThat(dossier(code).get("appointedReturnDate").asText()).isEqualTo(appointed.toString());
        assertThat(day(timer(code, "overdueTimer"))).isEqualTo(appointed);
        assertThat(timer(code, "deadlineWarningTimer").isSuspended()).isFalse();
    }

    @Test
    void aDossierWaitingPastItsDeadlineForASupplementIsNotOverdueWhenItComesBack() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu kết quả kiểm nghiệm",
                 "items":["Phiếu kết quả kiểm nghiệm sản phẩm"]}""");

        List<Job> waiting = timers(code, "deadlineWarningTimer", "overdueTimer");
        assertThat(waiting).hasSize(2).allSatisfy(job -> assertThat(job.isSuspended())
                .as("the job executor takes no suspended job: %s", job).isTrue());
        assertThat(management.createJobQuery().processInstanceId(process(code)).timers().active()
                .activityId("overdueTimer").count()).isZero();
        assertThat(timer(code, "appraisalSupplementLapseTimer").isSuspended()).as("the wait itself is bounded")
                .isFalse();

        // The applicant takes five working days and more: the dossier's original deadlines pass while it waits.
        java.util.Date passed = java.util.Date.from(java.time.Instant.now().minus(Duration.ofDays(7)));
        waiting.forEach(job -> management.setJobDuedate(job.getId(), passed));
        assertThat(management.createJobQuery().processInstanceId(process(code)).active().executable().list())
                .as("a deadline passed while the dossier waits for the applicant: due, but suspended, so the job executor takes it not")
                .noneMatch(job -> waiting.stream().anyMatch(stopped -> stopped.getId().equals(job.getId())));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(types(code)).doesNotContain("DeadlineWarned", "DossierOverdue"));

        Api.Response supplied = as("citizen-a").multipart("/api/v1/dossiers/" + code + "/supplement",
                parts -> parts.part("files", Api.file("kiem-nghiem.pdf", pdf("Ket qua kiem nghiem " + code)),
                        MediaType.APPLICATION_PDF));
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);

        LocalDate restarted = LocalDate.parse(step(code, "SupplementProvided").at("/details/appointedReturnDate")
                .asText());
        assertThat(supplied.json().get("appointedReturnDate").asText()).isEqualTo(restarted.toString());
        assertThat(timers(code, "deadlineWarningTimer", "overdueTimer")).hasSize(2)
                .allSatisfy(job -> assertThat(job.isSuspended()).isFalse());
        assertThat(day(timer(code, "overdueTimer"))).isEqualTo(restarted);
        assertThat(timers(code, "appraisalSupplementLapseTimer")).isEmpty();
        assertThat(restarted).as("the time limit restarts from the supplement, in the future")
                .isAfter(LocalDate.now(HANOI_ZONE));
        assertThat(types(code)).doesNotContain("DeadlineWarned", "DossierOverdue");
        assertThat(dossier(code).get("status").asText()).as("back in appraisal, not overdue")
                .isEqualTo("IN_APPRAISAL");
    }

    @Test
    void dossierNotSupplementedAtReceptionInTheAllowedPeriodEndsAndTheApplicantIsTold() {
        String code = submitted("citizen-a");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu giấy ủy quyền","items":["Giấy ủy quyền"]}""");
        Job lapse = timer(code, "supplementLapseTimer");
        // 30 calendar days by default (catalogue: supplementLapseDays, practice), at the close of office hours
        assertThat(day(lapse)).isAfterOrEqualTo(LocalDate.now(HANOI_ZONE).plusDays(30))
                .isBefore(LocalDate.now(HANOI_ZONE).plusDays(36));

        management.executeJob(lapse.getId());

        JsonNode stopped = dossier(code);
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("portalStatus").asInt()).isEqualTo(8);
        JsonNode lapsed = step(code, "DossierLapsed");
        assertThat(lapsed.at("/actor/role").asText()).isEqualTo("SYSTEM");
        assertThat(lapsed.at("/details/stage").asText()).isEqualTo("RECEPTION");
        assertThat(lapsed.at("/details/lapsedAfterDays").asInt()).isEqualTo(30);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select text from sms_outbox where dossier_code = ?", String.class, code))
                .anySatisfy(text -> assertThat(text).contains("Ho so " + code + " khong duoc bo sung dung han")));

        Api.Response late = as("citizen-a").multipart("/api/v1/dossiers/" + code + "/supplement",
                parts -> parts.part("files", Api.file("uy-quyen.pdf", pdf("Uy quyen " + code)),
                        MediaType.APPLICATION_PDF));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("type").asText()).endsWith("CLOSED_DOSSIER_IS_FINAL");
    }

    @Test
    void dossierNotSupplementedDuringAppraisalEndsWithItsDeadlineTimers() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu","items":["Phiếu kết quả kiểm nghiệm"]}""");
        String process = process(code);

        management.executeJob(timer(code, "appraisalSupplementLapseTimer").getId());

        assertThat(dossier(code).get("status").asText()).isEqualTo("STOPPED");
        assertThat(step(code, "DossierLapsed").at("/details/stage").asText()).isEqualTo("APPRAISAL");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(process).count()).as("no deadline timer left").isZero();
    }

    private String process(String code) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    }

    private List<Job> timers(String code, String... activities) {
        List<Job> jobs = new ArrayList<>();
        if (activities.length == 0) {
            return management.createJobQuery().processInstanceId(process(code)).timers().list();
        }
        for (String activity : activities) {
            jobs.addAll(management.createJobQuery().processInstanceId(process(code)).timers().activityId(activity)
                    .list());
        }
        return jobs;
    }

    private Job timer(String code, String activity) {
        Job job = management.createJobQuery().processInstanceId(process(code)).timers().activityId(activity)
                .singleResult();
        assertThat(job).as("timer " + activity + " of " + code).isNotNull();
        return job;
    }

    private static LocalDate day(Job job) {
        return job.getDuedate().toInstant().atZone(HANOI_ZONE).toLocalDate();
    }

    private JsonNode dossier(String code) {
        return as("citizen-a").get("/api/v1/dossiers/" + code).json();
    }

    private List<String> types(String code) {
        List<String> types = new ArrayList<>();
        as("inspector").get("/api/v1/dossiers/" + code + "/history").json()
                .forEach(step -> types.add(step.get("type").asText()));
        return types;
    }

    private JsonNode step(String code, String type) {
        for (JsonNode step : as("inspector").get("/api/v1/dossiers/" + code + "/history").json()) {
            if (step.get("type").asText().equals(type)) {
                return step;
            }
        }
        throw new AssertionError("No " + type + " step for " + code);
    }
}
