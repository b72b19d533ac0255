package vn.motcua.engine.administration;

import vn.motcua.engine.platform.Rule;

/**
 * The rules of the administration records. The calendar's days are those the Government announces each year
 * (day swaps and working Saturdays, Labor Code 2019 Art. 112(3)), entered by the system's administrator; what the
 * configuration says is recorded by the system itself at start.
 */
public enum AdministrationRule implements Rule {
    ADMINISTRATOR_SETS_THE_CALENDAR("Chỉ quản trị hệ thống điều chỉnh lịch làm việc",
            "Only the system administrator changes the working-day calendar"),
    DAY_OF_ITS_YEAR("Ngày điều chỉnh phải thuộc năm của lịch", "The day must belong to the calendar's year"),
    CONFIGURATION_RECORDED_BY_THE_SYSTEM("Cấu hình (thủ tục, đơn vị, người dùng) do hệ thống ghi nhận khi khởi động",
            "Configuration (procedures, units, users) is recorded by the system at start");

    private final Wording wording;

    AdministrationRule(String messageVi, String messageEn) {
        this.wording = new Wording(messageVi, messageEn);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
