package vn.motcua.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;
import vn.motcua.engine.payment.PaymentNotification;
import vn.motcua.engine.payment.PaymentReconciliation;
import vn.motcua.engine.payment.PaymentResult;
import vn.motcua.engine.payment.SandboxPaymentGateway;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * Fees are paid online through a gateway whose signed word alone makes a dossier paid (the sandbox provider here,
 * over HTTP like a real one), or at the counter against a receipt; the day's books are reconciled with the
 * provider's statement. Decree 45/2020/ND-CP; Decree 61/2018/ND-CP; Circular 277/2016/TT-BTC for the GPP fee.
 */
class PaymentsTest extends IntegrationTest {

    private static final String GPP = "BYT.DUOC.03";
    private static final String NOTIFICATIONS = "/api/v1/public/payments/notifications/sandbox";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    GreenMail greenMail;
    @Autowired
    SandboxPaymentGateway sandbox;
    @Autowired
    PaymentReconciliation reconciliation;

    @Test
    void payingThroughTheSandboxMakesTheDossierPaidAndTheAppraisalAppear() {
        String code = feeRequested("citizen-a");
        Api.Response order = as("citizen-a").post("/api/v1/dossiers/" + code + "/payments");
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().path("amountVnd").asLong()).isEqualTo(500_000);
        String paymentId = order.json().path("paymentId").asText();
        String payUrl = order.json().path("payUrl").asText();
        assertThat(payUrl).endsWith("/api/v1/public/sandbox-payment/" + paymentId);

        Api.Response page = anonymous().get(URI.create(payUrl).getPath());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).contains("text/html");
        assertThat(page.text()).contains("CỔNG THANH TOÁN THỬ NGHIỆM / SANDBOX", "Sở Y tế Hà Nội", code,
                "500.000 ₫", "Thanh toán / Pay", "Huỷ / Cancel");

        Api.Response paid = submitOnPage(payUrl, "pay");
        if (paid.status() == 303) {
            assertThat(paid.headers().getLocation())
                    .hasToString("/api/v1/public/sandbox-payment/" + paymentId + "/result");
        } else {
            assertThat(paid.status()).as("the client followed the redirect to the result page").isEqualTo(200);
        }
        assertThat(anonymous().get("/api/v1/public/sandbox-payment/" + paymentId + "/result").text())
                .contains("Đã thanh toán / Paid");

        assertThat(status(code)).isEqualTo("ACCEPTED");
        String transaction = jdbc.queryForObject("select provider_transaction_id from payment_order where id = ?"
                + " and status = 'PAID'", String.class, paymentId);
        JsonNode received = step(code, "PaymentReceived");
        assertThat(received.at("/details/channel").asText()).isEqualTo("ONLINE");
        assertThat(received.at("/details/provider").asText()).isEqualTo("sandbox");
        assertThat(received.at("/details/reference").asText()).isEqualTo(transaction);
        assertThat(received.at("/actor/role").asText()).isEqualTo("SYSTEM");
        assertThat(task("specialist-hn", code, "appraisal")).isNotBlank();
    }

    @Test
    void cancellingLeavesTheFeeUnpaidAndThePayerMayTryAgain() {
        String code = feeRequested("citizen-a");
        Api.Response first = payThroughSandbox(code, "citizen-a", "cancel");
        assertThat(status(code)).isEqualTo("PAYMENT_REQUESTED");
        assertThat(orderStatus(first.json().path("paymentId").asText())).isEqualTo("CANCELLED");

        Api.Response again = payThroughSandbox(code, "citizen-a", "pay");
        assertThat(again.json().path("paymentId").asText()).isNotEqualTo(first.json().path("paymentId").asText());
        assertThat(status(code)).isEqualTo("ACCEPTED");
    }

    @Test
    void openingAgainWhileAnOrderIsPendingAnswersThePendingOrder() {
        String code = feeRequested("citizen-a");
        Api.Response first = as("citizen-a").post("/api/v1/dossiers/" + code + "/payments");
        Api.Response second = as("citizen-a").post("/api/v1/dossiers/" + code + "/payments");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("paymentId").asText()).isEqualTo(first.json().path("paymentId").asText());
        assertThat(jdbc.queryForObject("select count(*) from payment_order where dossier_code = ?", Integer.class,
                code)).isEqualTo(1);
    }

    @Test
    void onlyAVerifiedNotificationForTheOrdersExactAmountPaysAndOnlyOnce() throws Exception {
        String code = feeRequested("citizen-a");
        String orderId = as("citizen-a").post("/api/v1/dossiers/" + code + "/payments").json()
                .path("paymentId").asText();
        byte[] secret = sandboxSecret();
        String now = Instant.now().toString();
        int events = events(code);

        PaymentNotification genuine = new PaymentNotification(orderId, 500_000, "TXN-" + orderId, PaymentResult.PAID,
                now, null).signedWith(secret);
        PaymentNotification forged = new PaymentNotification(orderId, 500_000, "TXN-" + orderId, PaymentResult.PAID,
                now, null).signedWith("not-the-provider's-key-not-the-provider's".getBytes(StandardCharsets.UTF_8));
        Api.Response refused = notify(forged);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsOf(refused)).containsExactly("signature");

        Api.Response tampered = notify(new PaymentNotification(orderId, 1_000, genuine.transactionId(),
                PaymentResult.PAID, now, genuine.signature()));
        assertThat(tampered.status()).as("the amount is inside the signature").isEqualTo(400);

        Api.Response wrongAmount = notify(new PaymentNotification(orderId, 1_000, "TXN-W-" + orderId,
                PaymentResult.PAID, now, null).signedWith(secret));
        assertThat(wrongAmount.status()).isEqualTo(400);
        assertThat(fieldsOf(wrongAmount)).containsExactly("amountVnd");

        Api.Response unknown = notify(new PaymentNotification("PAY00000000000000000000", 500_000, "TXN-U-" + orderId,
                PaymentResult.PAID, now, null).signedWith(secret));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("problem+json");

        assertThat(events(code)).isEqualTo(events);
        assertThat(status(code)).isEqualTo("PAYMENT_REQUESTED");

        Api.Response accepted = notify(genuine);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("PAID");
        assertThat(events(code)).isEqualTo(events + 1);
        assertThat(status(code)).isEqualTo("ACCEPTED");

        Api.Response replayed = notify(genuine);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(accepted.json());
        Api.Response lateFailure = notify(new PaymentNotification(orderId, 500_000, "TXN-F-" + orderId,
                PaymentResult.FAILED, Instant.now().toString(), null).signedWith(secret));
        assertThat(lateFailure.status()).isEqualTo(200);
        assertThat(lateFailure.json().path("status").asText()).isEqualTo("PAID");
        Api.Response secondPayment = notify(new PaymentNotification(orderId, 500_000, "TXN-2-" + orderId,
                PaymentResult.PAID, Instant.now().toString(), null).signedWith(secret));
        assertThat(secondPayment.status()).isEqualTo(409);

        assertThat(events(code)).as("no second effect").isEqualTo(events + 1);
        assertThat(status(code)).isEqualTo("ACCEPTED");
        assertThat(orderStatus(orderId)).isEqualTo("PAID");
    }

    @Test
    void receptionRecordsAPaymentAtTheCounterOfItsOwnUnit() {
        String code = feeRequested("citizen-a");
        String receipt = """
                {"amountVnd":500000,"receiptNumber":"BL-%s"}""".formatted(code);
        Api.Response byCitizen = as("citizen-a").postJson("/api/v1/dossiers/" + code + "/payments/counter", receipt);
        assertThat(byCitizen.status()).isEqualTo(403);
        Api.Response otherUnit = as("reception-hcm").postJson("/api/v1/dossiers/" + code + "/payments/counter",
                receipt);
        assertThat(otherUnit.status()).isEqualTo(404);
        Api.Response otherApplicant = as("citizen-b").post("/api/v1/dossiers/" + code + "/payments");
        assertThat(otherApplicant.status()).isEqualTo(404);
        Api.Response wrongAmount = as("reception-hn").postJson("/api/v1/dossiers/" + code + "/payments/counter", """
                {"amountVnd":400000,"receiptNumber":"BL-1"}""");
        assertThat(wrongAmount.status()).isEqualTo(409);
        Api.Response noReceipt = as("reception-hn").postJson("/api/v1/dossiers/" + code + "/payments/counter", """
                {"amountVnd":500000,"receiptNumber":" "}""");
        assertThat(noReceipt.status()).isEqualTo(400);
        assertThat(fieldsOf(noReceipt)).containsExactly("receiptNumber");
        assertThat(status(code)).isEqualTo("PAYMENT_REQUESTED");

        Api.Response paid = as("reception-hn").postJson("/api/v1/dossiers/" + code + "/payments/counter", receipt);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode received = step(code, "PaymentReceived");
        assertThat(received.at("/details/channel").asText()).isEqualTo("COUNTER");
        assertThat(received.at("/details/reference").asText()).isEqualTo("BL-" + code);
        assertThat(received.at("/actor/id").asText()).isEqualTo("reception-hn");
        assertThat(task("specialist-hn", code, "appraisal")).isNotBlank();
    }

    @Test
    void theDeclaredReferenceDoorIsGone() {
        String code = feeRequested("citizen-a");
        Api.Response declared = as("citizen-a").postJson("/api/v1/dossiers/" + code + "/payment", """
                {"amountVnd":500000,"reference":"KBNN-1"}""");
        assertThat(declared.status()).isIn(404, 405);
        assertThat(declared.contentType()).contains("problem+json");
        assertThat(status(code)).isEqualTo("PAYMENT_REQUESTED");
    }

    @Test
    void theDailyReconciliationFlagsAPaymentWeMissedAndRecoversIt() {
        LocalDate today = LocalDate.now(VIETNAM);
        JsonNode before = report("reception-hn", today);

        String paid = feeRequested("citizen-a");
        payThroughSandbox(paid, "citizen-a", "pay");
        String missed = feeRequested("citizen-a");
        String missedOrder = as("citizen-a").post("/api/v1/dossiers/" + missed + "/payments").json()
                .path("paymentId").asText();
        sandbox.settle(missedOrder, PaymentResult.PAID, Instant.now()); // the provider took the money; its message is lost
        String cancelled = feeRequested("citizen-a");
        payThroughSandbox(cancelled, "citizen-a", "cancel");

        JsonNode report = report("reception-hn", today);
        assertThat(report.path("unitId").asText()).isEqualTo(HANOI);
        assertThat(report.at("/paid/count").asInt()).isEqualTo(before.at("/paid/count").asInt() + 1);
        assertThat(report.at("/paid/amountVnd").asLong()).isEqualTo(before.at("/paid/amountVnd").asLong() + 500_000);
        assertThat(report.at("/pending/count").asInt()).isEqualTo(before.at("/pending/count").asInt() + 1);
        assertThat(report.at("/cancelled/count").asInt()).isEqualTo(before.at("/cancelled/count").asInt() + 1);
        assertThat(report.path("statementLines").asInt()).isEqualTo(before.path("statementLines").asInt() + 3);
        JsonNode flagged = mismatch(report, missedOrder);
        assertThat(flagged).as(report.toString()).isNotNull();
        assertThat(flagged.path("kind").asText()).isEqualTo("PAID_NOT_RECORDED");
        assertThat(flagged.path("dossierCode").asText()).isEqualTo(missed);
        assertThat(status(missed)).as("reading the report changes nothing").isEqualTo("PAYMENT_REQUESTED");

        assertThat(mismatch(report("reception-hcm", today), missedOrder)).as("another unit's books").isNull();
        assertThat(mismatch(report("inspector", today), missedOrder)).isNotNull();
        assertThat(as("citizen-a").get("/api/v1/payments/reconciliation?date=" + today).status()).isEqualTo(403);
        assertThat(as("specialist-hn").get("/api/v1/payments/reconciliation?date=" + today).status()).isEqualTo(403);
        Api.Response badDate = as("reception-hn").get("/api/v1/payments/reconciliation?date=hom-nay");
        assertThat(badDate.status()).isEqualTo(400);

        PaymentReconciliation.Report after = reconciliation.reconcile(today);
        assertThat(after.mismatches()).noneMatch(m -> m.paymentId().equals(missedOrder));
        assertThat(status(missed)).isEqualTo("ACCEPTED");
        assertThat(step(missed, "PaymentReceived").at("/details/channel").asText()).isEqualTo("ONLINE");
        JsonNode recovered = report("reception-hn", today);
        assertThat(recovered.at("/paid/count").asInt()).isEqualTo(before.at("/paid/count").asInt() + 2);
        assertThat(recovered.at("/pending/count").asInt()).isEqualTo(before.at("/pending/count").asInt());
    }

    @Test
    void theReducedGppFeeIsAppliedOnlyWithEvidence() {
        String reduced = gppFeeRequested(true, "Quyết định 861/QĐ-TTg ngày 04/6/2021, xã Tân Lập");
        JsonNode request = step(reduced, "PaymentRequested");
        assertThat(request.at("/details/amountVnd").asLong()).isEqualTo(500_000);
        assertThat(request.at("/details/baseFeeVnd").asLong()).isEqualTo(1_000_000);
        assertThat(request.at("/details/reductionVnd").asLong()).isEqualTo(500_000);
        assertThat(request.at("/details/reductionReason").asText()).contains("đặc biệt khó khăn")
                .contains("Quyết định 861/QĐ-TTg");
        assertThat(as("citizen-a").post("/api/v1/dossiers/" + reduced + "/payments").json().path("amountVnd").asLong())
                .isEqualTo(500_000);

        String claimedWithoutEvidence = gppFeeRequested(true, " ");
        assertThat(step(claimedWithoutEvidence, "PaymentRequested").at("/details/amountVnd").asLong())
                .isEqualTo(1_000_000);
    }

    @Test
    void theApplicantIsToldTheFeeAndWhereToPay() throws Exception {
        String email = "fee-" + System.nanoTime() + "@example.vn";
        Api.Response submitted = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An")
                .replace("applicant@example.vn", email), "phieu.pdf", pdf("Phi " + email));
        String code = submitted.json().path("code").asText();
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> feeMessage(email) != null);
        MimeMessage message = feeMessage(email);
        String body = ((String) message.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("Kính gửi Ông/Bà Nguyễn Văn An,").contains("Số tiền phải nộp: 500.000 ₫")
                .contains("/api/v1/dossiers/" + code + "/payments").contains("Bộ phận Một cửa");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select text from sms_outbox where dossier_code = ?", String.class, code))
                .anyMatch(text -> text.contains("nop phi, le phi 500.000") && text.contains(code)));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String feeRequested(String applicant) {
        String code = submitted(applicant);
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        assertThat(status(code)).isEqualTo("PAYMENT_REQUESTED");
        return code;
    }

    private String gppFeeRequested(boolean claimed, String evidence) {
        String dossier = """
                {"procedureCode":"%s","unitId":"%s",
                 "applicant":{"fullName":"Lò Văn Páo","idNumber":"001099012345","phone":"0912345678",
                              "address":"Xã Tân Lập, Sơn La"},
                 "form":{"establishmentName":"Nhà thuốc Tân Lập","establishmentType":"PHARMACY",
                         "address":"Xã Tân Lập","businessRegistrationNumber":"24A8000123",
                         "responsiblePharmacist":{"fullName":"Lò Thị Mai","certificateNumber":"CCHN-0001"},
                         "disadvantagedArea":%s,"disadvantagedAreaEvidence":"%s"}}"""
                .formatted(GPP, HANOI, claimed, evidence);
        Api.Response response = submit("citizen-a", dossier, "don.pdf", pdf("GPP " + claimed + " " + System.nanoTime()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String code = response.json().path("code").asText();
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        return code;
    }

    private Api.Response submitOnPage(String payUrl, String action) {
        return anonymous().postRaw(URI.create(payUrl).getPath(), MediaType.APPLICATION_FORM_URLENCODED,
                ("action=" + action).getBytes(StandardCharsets.UTF_8));
    }

    private Api.Response notify(PaymentNotification notification) {
        return anonymous().postJson(NOTIFICATIONS, """
                {"orderId":"%s","amountVnd":%d,"transactionId":"%s","result":"%s","time":"%s","signature":"%s"}"""
                .formatted(notification.orderId(), notification.amountVnd(), notification.transactionId(),
                        notification.result(), notification.time(), notification.signature()));
    }

    private static byte[] sandboxSecret() throws Exception {
        Path key = Path.of(System.getProperty("motcua.data-dir"), "payment", "sandbox-hmac.key");
        return Base64.getDecoder().decode(Files.readString(key).strip());
    }

    private String status(String code) {
        return as("citizen-a").get("/api/v1/dossiers/" + code).json().path("status").asText();
    }

    private String orderStatus(String id) {
        return jdbc.queryForObject("select status from payment_order where id = ?", String.class, id);
    }

    private JsonNode step(String code, String type) {
        for (JsonNode step : as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json()) {
            if (step.path("type").asText().equals(type)) {
                return step;
            }
        }
        throw new AssertionError(code + " has no " + type);
    }

    private JsonNode report(String user, LocalDate day) {
        Api.Response report = as(user).get("/api/v1/payments/reconciliation?date=" + day);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json();
    }

    private static JsonNode mismatch(JsonNode report, String orderId) {
        for (JsonNode mismatch : report.path("mismatches")) {
            if (mismatch.path("paymentId").asText().equals(orderId)) {
                return mismatch;
            }
        }
        return null;
    }

    private MimeMessage feeMessage(String email) {
        List<MimeMessage> messages = Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(email))
                        && message.getSubject().startsWith("Thông báo nộp phí, lệ phí");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        return messages.isEmpty() ? null : messages.get(0);
    }
}
