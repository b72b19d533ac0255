package vn.motcua.eoffice.document;

import vn.motcua.eoffice.register.Series;

/** Độ mật (Law on Protection of State Secrets 2018): anything but NONE is numbered in the secret series. */
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
}
