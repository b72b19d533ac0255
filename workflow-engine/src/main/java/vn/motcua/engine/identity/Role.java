package vn.motcua.engine.identity;

/**
 * The roles of the one-stop mechanism (Decree 61/2018/ND-CP): the applicant, the
 * one-stop unit's receiving officer, the specialist who appraises, the leader who approves,
 * the inspector who reads everything afterwards and changes nothing, and the administrator who runs
 * the system (rebuilds, calendars) but takes no step in any dossier. Clerical work (Decree 30/2020/ND-CP)
 * adds the clerk (văn thư), who receives, registers, numbers, seals, issues and archives official documents,
 * and the unit head (trưởng đơn vị), who reviews the drafts of their unit; in a one-stop dossier the unit head checks
 * the draft result before the leader signs it, and the clerk numbers, seals and issues it.
 */
public enum Role {
    CITIZEN("Công dân, tổ chức"),
    RECEPTION("Cán bộ Bộ phận Một cửa"),
    SPECIALIST("Chuyên viên thẩm định"),
    LEADER("Lãnh đạo phê duyệt"),
    CLERK("Văn thư"),
    UNIT_HEAD("Trưởng đơn vị / Trưởng phòng"),
    INSPECTOR("Thanh tra"),
    ADMIN("Quản trị hệ thống"),
    SYSTEM("Hệ thống");

    private final String labelVi;

    Role(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    /** True for the officials of a handling agency, whose work is limited to their own unit. */
    public boolean isOfficial() {
        return this == RECEPTION || this == SPECIALIST || this == LEADER || this == CLERK || this == UNIT_HEAD;
    }

    /**
     * True for who runs the system rather than serves in an agency: the administrator and the system itself. Their
     * changes to what belongs to no agency (the calendar, procedures, units, users) carry the system seal.
     */
    public boolean runsTheSystem() {
        return this == ADMIN || this == SYSTEM;
    }

    /** The Camunda candidate group of this role in one org unit, e.g. {@code RECEPTION@000.00.16.H26}. */
    public String candidateGroup(String unitId) {
        return name() + "@" + unitId;
    }
}
