package vn.motcua.eoffice.forms;

import java.time.LocalDate;
import java.util.List;

/**
 * Mẫu 05, Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over, in the order of the dossier's
 * history. The engine's event history is this form; the rows are built from it.
 *
 * @param appointedReturnDate the date against which each hand-over is judged, null before acceptance
 */
public record ProcessControlForm(String agencyName, String dossierCode, String procedureName, String applicantName,
                                 LocalDate appointedReturnDate, List<HandOver> handOvers) implements OneStopForm {

    public ProcessControlForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(dossierCode, "dossierCode");
        handOvers = handOvers == null ? List.of() : List.copyOf(handOvers);
    }
}
