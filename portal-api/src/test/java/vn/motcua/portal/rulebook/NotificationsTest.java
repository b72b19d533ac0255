package vn.motcua.portal.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.motcua.engine.notification.DossierNotifications;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * Applicants are told by email (here the application's in-JVM SMTP server) and SMS (here the outbox) when
 * their dossier is received, refused, …, in Vietnamese, once.
 */
class NotificationsTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    GreenMail greenMail;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void theApplicantReceivesAVietnameseEmailWhenTheDossierIsAccepted() throws Exception {
        String email = uniqueEmail();
        String code = submittedBy(email);
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ đầy đủ, hợp lệ"}""");
        LocalDate appointed = LocalDate.parse(as("citizen-a").get("/api/v1/dossiers/" + code).json()
                .get("appointedReturnDate").asText());

        MimeMessage message = awaitMessages(email, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Tiếp nhận hồ sơ " + code + ", hẹn trả kết quả ngày "
                + DAY.format(appointed));
        String body = text(message);
        assertThat(body).contains("Kính gửi Ông/Bà Nguyễn Văn An,")
                .contains("Mã hồ sơ: " + code)
                .contains("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước (1.002600)")
                .contains("Ngày hẹn trả kết quả: " + DAY.format(appointed))
                .contains("Sở Y tế Hà Nội");
        assertThat(message.getFrom()[0].toString()).contains("mot-cua@localhost");
        String accepted = jdbc.queryForObject("select event_identifier from domain_event_entry where"
                + " aggregate_identifier = ? and payload_type like '%$DossierAccepted'", String.class, code);
        assertThat(message.getMessageID()).as("a copy sent again after a crash is recognisably the same message")
                .isEqualTo("<" + accepted + ".email@localhost>");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select text from sms_outbox where dossier_code = ? and phone = ? and text like '%Da tiep nhan%'",
                String.class, code, "0912345678"))
                .containsExactly("So Y te Ha Noi (demo): Da tiep nhan ho so " + code + ". Hen tra ket qua ngay "
                        + DAY.format(appointed) + "."));
    }

    @Test
    void aRefusalIsSentWithItsReasons() throws Exception {
        String email = uniqueEmail();
        String code = submittedBy(email);
        decideOk("reception-hn", code, "reception", """
                {"outcome":"REFUSE","comment":"Sản phẩm không thuộc phạm vi mỹ phẩm"}""");

        MimeMessage message = awaitMessages(email, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Từ chối tiếp nhận, giải quyết hồ sơ " + code);
        assertThat(text(message)).contains("Lý do: Sản phẩm không thuộc phạm vi mỹ phẩm");
    }

    @Test
    void aSupplementRequestListsEveryItem() throws Exception {
        String email = uniqueEmail();
        String code = submittedBy(email);
        decideOk("reception-hn", code, "reception", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu giấy ủy quyền",
                 "items":["Giấy ủy quyền của nhà sản xuất (bản sao chứng thực)","Bảng thành phần sản phẩm"]}""");

        MimeMessage message = awaitMessages(email, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Yêu cầu bổ sung, hoàn thiện hồ sơ " + code);
        assertThat(text(message))
                .contains("- Giấy ủy quyền của nhà sản xuất (bản sao chứng thực)\n- Bảng thành phần sản phẩm")
                .contains("Lý do: Thiếu giấy ủy quyền");
    }

    @Test
    void anApologyGivesTheApplicantTheNewDateAndTheReason() throws Exception {
        String email = uniqueEmail();
        String code = submittedBy(email);
        acceptAndPay(code, "citizen-a");
        LocalDate appointed = LocalDate.parse(as("citizen-a").get("/api/v1/dossiers/" + code).json()
                .get("appointedReturnDate").asText());
        LocalDate newDate = appointed.plusDays(7);
        Api.Response apologised = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/apology", """
                {"newAppointedDate":"%s","causingUnit":"Phòng Nghiệp vụ Dược",
                 "reason":"Cần thêm thời gian lấy ý kiến chuyên gia"}""".formatted(newDate));
        assertThat(apologised.status()).as(apologised.toString()).isEqualTo(200);

        // the receipt, the fee request, the apology
        MimeMessage apology = awaitMessages(email, 3).stream().filter(message -> subject(message).startsWith("Xin lỗi"))
                .findFirst().orElseThrow();
        assertThat(apology.getSubject()).isEqualTo("Xin lỗi và hẹn lại ngày trả kết quả hồ sơ " + code);
        assertThat(text(apology)).contains("không thể trả kết quả đúng hẹn ngày " + DAY.format(appointed))
                .contains("Lý do: Cần thêm thời gian lấy ý kiến chuyên gia")
                .contains("Ngày hẹn trả kết quả mới: " + DAY.format(newDate));
    }

    @Test
    void eventsDeliveredAgainAreNotSentAgain() throws Exception {
        String email = uniqueEmail();
        Instant before = Instant.now().minusSeconds(1);
        String code = submittedBy(email);
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ đầy đủ"}""");
        awaitMessages(email, 2);
        await().atMost(PATIENCE).until(() -> smsCount(code) >= 2);
        int sms = smsCount(code);

        // deliver every event since just before the submission again, as a retried batch would
        TrackingEventProcessor notifications = processing.eventProcessor(DossierNotifications.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        notifications.shutDown();
        long head = eventStore.createHeadToken().position().orElseThrow();
        notifications.resetTokens(source -> source.createTokenAt(before));
        notifications.start();
        await().atMost(PATIENCE).until(() -> !notifications.processingStatus().isEmpty()
                && notifications.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));

        assertThat(messagesTo(email)).as("the receipt and the fee request, once each").hasSize(2);
        assertThat(smsCount(code)).isEqualTo(sms);
        assertThat(jdbc.queryForObject("select count(*) from notification_sent where dossier_code = ?",
                Integer.class, code)).isEqualTo(4);
    }

    private String submittedBy(String email) {
        Api.Response response = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An")
                .replace("applicant@example.vn", email), "phieu-cong-bo.pdf", pdf("Phieu cong bo " + email));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asText();
    }

    private List<MimeMessage> awaitMessages(String email, int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> messagesTo(email).size() >= count);
        return messagesTo(email);
    }

    private List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body as written (SMTP carries lines ending CRLF). */
    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private int smsCount(String code) {
        return jdbc.queryForObject("select count(*) from sms_outbox where dossier_code = ?", Integer.class, code);
    }

    private static String uniqueEmail() {
        return "an-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
    }
}
