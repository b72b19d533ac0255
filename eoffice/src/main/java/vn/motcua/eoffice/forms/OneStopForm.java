package vn.motcua.eoffice.forms;

/**
 * A form issued for one dossier (Circular 01/2018/TT-VPCP, Mẫu 01–05): each names the agency that issues
 * it and carries the dossier code, printed in words and as a QR code.
 */
public sealed interface OneStopForm
        permits ReceiptForm, SupplementRequestForm, RefusalForm, ApologyForm, ProcessControlForm, ResultForm {

    String agencyName();

    String dossierCode();
}
