package vn.motcua.eoffice.forms;

import java.time.LocalDate;
import java.util.List;

/**
 * Mẫu 06, Sổ theo dõi hồ sơ: one line per dossier received from {@code from} to {@code to}, both included.
 * Paper registers restart each year; this one covers any period asked for.
 */
public record DossierRegister(String agencyName, LocalDate from, LocalDate to, List<RegisterEntry> entries) {

    public DossierRegister {
        Forms.require(agencyName, "agencyName");
        Forms.require(from, "from");
        Forms.require(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " – " + to);
        }
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
