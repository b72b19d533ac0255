package vn.motcua.process;

import java.util.Objects;

/**
 * One item of the dossier's composition (thành phần hồ sơ). Originals and copies are kept
 * apart because the receipt lists them separately (Circular 01/2018/TT-VPCP, Mẫu 01).
 */
public record RequiredDocument(String name, int originals, int copies) {

    public RequiredDocument {
        Objects.requireNonNull(name, "name");
        if (originals < 0 || copies < 0) {
            throw new IllegalArgumentException("document counts must not be negative: " + name);
        }
    }
}
