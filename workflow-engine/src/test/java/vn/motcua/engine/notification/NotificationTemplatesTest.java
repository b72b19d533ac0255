package vn.motcua.engine.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Vietnamese texts sent to applicants, as shipped in {@code classpath:notifications/}. */
class NotificationTemplatesTest {

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("applicantName", "Nguyễn Văn An"),
            Map.entry("dossierCode", "000.00.16.H26-261123-0001"),
            Map.entry("procedureCode", "1.002600"),
            Map.entry("procedureName", "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước"),
            Map.entry("unitName", "Sở Y tế Hà Nội"),
            Map.entry("receivedAt", "09:00 ngày 23/11/2026"),
            Map.entry("appointedDate", "26/11/2026"),
            Map.entry("previousAppointedDate", "26/11/2026"),
            Map.entry("reason", "Sản phẩm không thuộc phạm vi mỹ phẩm"),
            Map.entry("comment", "Đã trả kết quả trực tuyến"),
            Map.entry("items", "- Giấy ủy quyền (bản sao chứng thực)\n- Bảng thành phần"),
            Map.entry("causingUnit", "Phòng Nghiệp vụ Dược"),
            Map.entry("eventAt", "09:30 ngày 26/11/2026"));

    private final NotificationTemplates templates = new NotificationTemplates("classpath:notifications/");

    @Test
    void theReceiptGivesTheCodeProcedureAndAppointedDate() {
        NotificationTemplates.Email email = templates.email(NotificationKind.RECEIPT, VALUES);
        assertThat(email.subject()).isEqualTo("Tiếp nhận hồ sơ 000.00.16.H26-261123-0001, hẹn trả kết quả ngày 26/11/2026");
        assertThat(email.body()).startsWith("Kính gửi Ông/Bà Nguyễn Văn An,")
                .contains("Sở Y tế Hà Nội đã tiếp nhận hồ sơ của Ông/Bà.")
                .contains("Mã hồ sơ: 000.00.16.H26-261123-0001")
                .contains("Thủ tục: Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước (1.002600)")
                .contains("Ngày hẹn trả kết quả: 26/11/2026")
                .doesNotContain("{{");
    }

    @Test
    void aSupplementRequestListsEveryItemAndTheReason() {
        NotificationTemplates.Email email = templates.email(NotificationKind.SUPPLEMENT_REQUEST, VALUES);
        assertThat(email.subject()).isEqualTo("Yêu cầu bổ sung, hoàn thiện hồ sơ 000.00.16.H26-261123-0001");
        assertThat(email.body()).contains("- Giấy ủy quyền (bản sao chứng thực)\n- Bảng thành phần")
                .contains("Lý do: Sản phẩm không thuộc phạm vi mỹ phẩm")
                .contains("không tính vào thời hạn giải quyết");
    }

    @Test
    void aRefusalGivesItsReasons() {
        NotificationTemplates.Email email = templates.email(NotificationKind.REFUSAL, VALUES);
        assertThat(email.subject()).isEqualTo("Từ chối tiếp nhận, giải quyết hồ sơ 000.00.16.H26-261123-0001");
        assertThat(email.body()).contains("Lý do: Sản phẩm không thuộc phạm vi mỹ phẩm");
    }

    @Test
    void anApologyGivesTheOldAndNewDatesTheReasonAndTheUnitAtFault() {
        NotificationTemplates.Email email = templates.email(NotificationKind.APOLOGY, VALUES);
        assertThat(email.subject()).isEqualTo("Xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.00.16.H26-261123-0001");
        assertThat(email.body()).contains("thành thật xin lỗi").contains("đúng hẹn ngày 26/11/2026")
                .contains("Đơn vị để xảy ra chậm trễ: Phòng Nghiệp vụ Dược")
                .contains("Ngày hẹn trả kết quả mới: 26/11/2026");
    }

    @Test
    void theResultTellsWhereToFindIt() {
        NotificationTemplates.Email email = templates.email(NotificationKind.RESULT, VALUES);
        assertThat(email.subject()).isEqualTo("Trả kết quả giải quyết hồ sơ 000.00.16.H26-261123-0001");
        assertThat(email.body()).contains("đã có kết quả giải quyết, trả lúc 09:30 ngày 26/11/2026");
    }

    @Test
    void everyKindHasAShortTextMessageOnOneLine() {
        for (NotificationKind kind : NotificationKind.values()) {
            String sms = templates.sms(kind, VALUES);
            assertThat(sms).as(kind.name()).contains("000.00.16.H26-261123-0001").doesNotContain("\n", "{{");
        }
        assertThat(templates.sms(NotificationKind.RECEIPT, VALUES))
                .isEqualTo("Sở Y tế Hà Nội: Đã tiếp nhận hồ sơ 000.00.16.H26-261123-0001. Hẹn trả kết quả ngày 26/11/2026.");
    }

    @Test
    void textMessagesCanBeSentWithoutDiacritics() {
        assertThat(DossierNotifications.unaccented("Sở Y tế Hà Nội: Đã tiếp nhận hồ sơ, hẹn trả kết quả"))
                .isEqualTo("So Y te Ha Noi: Da tiep nhan ho so, hen tra ket qua");
    }

    @Test
    void aTemplateWithAnUnknownValueIsRefusedWhenLoaded(@TempDir Path dir) throws IOException {
        for (NotificationKind kind : NotificationKind.values()) {
            Files.writeString(dir.resolve(kind.template() + ".email.txt"), "Hồ sơ {{dossierCode}}\n\nNội dung");
            Files.writeString(dir.resolve(kind.template() + ".sms.txt"), "Hồ sơ {{dossierCode}}");
        }
        assertThat(new NotificationTemplates(dir.toUri().toString()).sms(NotificationKind.RESULT, VALUES))
                .isEqualTo("Hồ sơ 000.00.16.H26-261123-0001");
        Files.writeString(dir.resolve("refusal.sms.txt"), "Hồ sơ {{maHoSo}}");
        assertThatThrownBy(() -> new NotificationTemplates(dir.toUri().toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{maHoSo}}");
    }
}
