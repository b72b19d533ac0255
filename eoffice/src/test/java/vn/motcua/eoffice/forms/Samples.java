package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dossier of the Hanoi Department of Health, as the forms would be filled for it (public: the signing tests
 * sign these forms too).
 */
public final class Samples {

    public static final String AGENCY = "Sở Y tế Hà Nội";
    public static final String CODE = "000.00.16.H26-261122-0001";
    public static final String PROCEDURE = "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước";
    public static final FormApplicant AN = new FormApplicant("Nguyễn Văn An",
            "Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội", "0912345678", "an@example.vn", "001099012345");
    /** 09:15 on 22 November 2026 in Hanoi. */
    public static final Instant RECEIVED = Instant.parse("2026-11-22T02:15:00Z");
    public static final LocalDate APPOINTED = LocalDate.of(2026, 11, 27);

    private Samples() {
    }

    public static ReceiptForm receipt() {
        return new ReceiptForm(AGENCY, CODE, PROCEDURE, AN, List.of(
                new ReceivedDocument("Phiếu công bố sản phẩm mỹ phẩm (kèm dữ liệu công bố)", 2, 0, 0),
                new ReceivedDocument("Giấy ủy quyền của nhà sản xuất cho tổ chức, cá nhân chịu trách nhiệm đưa sản "
                        + "phẩm ra thị trường", 0, 1, 0),
                new ReceivedDocument("Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm", 0, 0, 1)),
                3, true, RECEIVED, APPOINTED, "Bộ phận Một cửa Sở Y tế Hà Nội hoặc trực tuyến", 500_000,
                "Lê Thị Thu");
    }

    public static SupplementRequestForm supplementRequest() {
        return new SupplementRequestForm(AGENCY, CODE, PROCEDURE, AN,
                List.of("Giấy ủy quyền của nhà sản xuất (bản sao chứng thực)", "Bản gốc phiếu công bố có chữ ký"),
                "Thành phần hồ sơ chưa đầy đủ theo Nghị định 93/2016/NĐ-CP", RECEIVED.plusSeconds(3600), "Lê Thị Thu");
    }

    public static RefusalForm refusal() {
        return new RefusalForm(AGENCY, CODE, PROCEDURE, AN, "Sản phẩm không thuộc phạm vi mỹ phẩm",
                RECEIVED.plusSeconds(3600), "Lê Thị Thu");
    }

    public static ApologyForm apology() {
        return new ApologyForm(AGENCY, "261122-0001/PXL-SYT", CODE, PROCEDURE, AN.fullName(), RECEIVED, APPOINTED,
                "Phòng Quản lý Dược", "Cần lấy ý kiến của Cục Quản lý Dược", LocalDate.of(2026, 12, 2),
                Instant.parse("2026-11-26T03:00:00Z"), "Đặng Quốc Việt");
    }

    public static ProcessControlForm processControl() {
        return new ProcessControlForm(AGENCY, CODE, PROCEDURE, AN.fullName(), APPOINTED, List.of(
                new HandOver("Nộp hồ sơ", "Nguyễn Văn An (Công dân, tổ chức)", "Lê Thị Thu (Cán bộ Bộ phận Một cửa)",
                        RECEIVED.minusSeconds(600), Timeliness.NOT_APPLICABLE),
                new HandOver("Tiếp nhận hồ sơ, hẹn trả kết quả", "Lê Thị Thu (Cán bộ Bộ phận Một cửa)",
                        "Phạm Minh Đức (Chuyên viên thẩm định)", RECEIVED, Timeliness.ON_TIME),
                new HandOver("Thẩm định hồ sơ: Đạt yêu cầu", "Phạm Minh Đức (Chuyên viên thẩm định)",
                        "Đặng Quốc Việt (Lãnh đạo phê duyệt)", Instant.parse("2026-11-30T03:00:00Z"), Timeliness.LATE),
                new HandOver("Phê duyệt kết quả", "Đặng Quốc Việt (Lãnh đạo phê duyệt)", null,
                        Instant.parse("2026-12-01T03:00:00Z"), Timeliness.LATE)));
    }

    /** Dossiers received on 22/11/2026, due on 27/11: returned on the due date, still in appraisal and late, early. */
    public static DossierRegister register(int dossiers) {
        List<RegisterEntry> entries = new java.util.ArrayList<>();
        Instant transferred = RECEIVED.plusSeconds(3600);
        for (int i = 1; i <= dossiers; i++) {
            String code = "000.00.16.H26-261122-%04d".formatted(i);
            entries.add(switch (i % 3) {
                case 1 -> new RegisterEntry(code, PROCEDURE, "Nguyễn Văn An", "Số 1 Tràng Tiền, Hà Nội; 0912345678",
                        AGENCY, RECEIVED, APPOINTED, transferred, Instant.parse("2026-11-27T03:00:00Z"),
                        Instant.parse("2026-11-27T08:00:00Z"), "Đã trả kết quả", Timeliness.ON_TIME);
                case 2 -> new RegisterEntry(code, PROCEDURE, "Công ty TNHH Mỹ phẩm \"Sen Việt\", chi nhánh Hà Nội",
                        null, AGENCY, RECEIVED, APPOINTED, transferred, null, null, "Đang thẩm định", Timeliness.LATE);
                default -> new RegisterEntry(code, PROCEDURE, "Trần Thị Bình", "0987654321", AGENCY, RECEIVED,
                        APPOINTED, transferred, Instant.parse("2026-11-25T03:00:00Z"),
                        Instant.parse("2026-11-25T08:00:00Z"), "Đã trả kết quả", Timeliness.EARLY);
            });
        }
        return new DossierRegister(AGENCY, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), entries);
    }
}
