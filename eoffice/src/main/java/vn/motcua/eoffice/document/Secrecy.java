package vn.motcua.eoffice.document;

import vn.motcua.eoffice.register.Series;

/**
 * Độ mật (Law on Protection of State Secrets 29/2018/QH14 Art. 8: Tuyệt mật, Tối mật, Mật). What each level changes
 * here:
 * <ul>
 * <li>anything but {@link #NONE} is numbered in the secret series ({@link #series()}; Decree 30/2020 Art. 15) and is
 * read only by the officials the document is assigned to, and by inspectors ({@link DocumentPolicy}); its search
 * entry holds its metadata only;</li>
 * <li>{@link #SECRET} and {@link #TOP_SECRET} ({@link #contentKeptOffline()}): the system keeps no content of them at
 * all — no file, no attachment, no trích yếu — only the register's metadata and {@link #offlineNote()}. Law 29/2018
 * Art. 5(5) forbids drafting or keeping a state secret on a computer connected to the Internet or another network
 * (save under the law on cryptography, cơ yếu), and Decree 26/2020/ND-CP lets even the register of a Tuyệt mật
 * document carry its trích yếu only with the classifier's consent; this system is connected, so the content of the
 * highest levels stays on the agency's isolated network or on paper (rule
 * {@link DocumentRule#CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE}).</li>
 * </ul>
 */
public enum Secrecy {
    NONE("Không mật"),
    CONFIDENTIAL("Mật"),
    SECRET("Tối mật"),
    TOP_SECRET("Tuyệt mật");

    private final String labelVi;

    Secrecy(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    public Series series() {
        return this == NONE ? Series.ORDINARY : Series.SECRET;
    }

    /** Mật and above: a state secret, read only by those it is assigned to. */
    public boolean isSecret() {
        return this != NONE;
    }

    /** Tối mật and Tuyệt mật: only the metadata is recorded here; the content is kept off-line. */
    public boolean contentKeptOffline() {
        return this == SECRET || this == TOP_SECRET;
    }

    /** What the register shows in place of the trích yếu of a document whose content is kept off-line. */
    public String offlineNote() {
        return "Văn bản " + labelVi + ": nội dung được quản lý trên mạng/máy tính không kết nối Internet, không lưu"
                + " trên hệ thống này (Luật Bảo vệ bí mật nhà nước 2018, Điều 5 khoản 5)";
    }
}
