package vn.motcua.engine.notification;

import java.util.Optional;

import vn.motcua.engine.dossier.DossierEvent;

/**
 * The moments at which an online applicant is told, by email and SMS, what happened to the dossier
 * (Decree 61/2018/ND-CP; Decree 42/2022/ND-CP on online public services): receipt with the appointed date,
 * a request for a supplement (all items at once), a refusal with its reasons, an apology with a new date
 * (Mẫu 04), the result, a fee to pay (the amount, its reduction if any, and where to pay it online), and the end
 * of a dossier the applicant did not supplement in time, and a correction or revocation of the issued result (the
 * act's number and symbol). Each has an email and an SMS template named after it.
 */
public enum NotificationKind {
    RECEIPT("receipt"),
    SUPPLEMENT_REQUEST("supplement-request"),
    REFUSAL("refusal"),
    APOLOGY("apology"),
    RESULT("result"),
    LAPSE("lapse"),
    FEE_REQUEST("fee-request"),
    RESULT_CORRECTION("result-correction"),
    RESULT_REVOCATION("result-revocation");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    /** The base name of the templates, e.g. {@code receipt} for {@code receipt.email.txt}, {@code receipt.sms.txt}. */
    public String template() {
        return template;
    }

    /** The notification an event calls for, if any; other events tell the applicant nothing. */
    public static Optional<NotificationKind> of(DossierEvent event) {
        NotificationKind kind = switch (event) {
            case DossierEvent.DossierAccepted e -> RECEIPT;
            case DossierEvent.SupplementRequested e -> SUPPLEMENT_REQUEST;
            case DossierEvent.SupplementRequestedInAppraisal e -> SUPPLEMENT_REQUEST;
            case DossierEvent.DossierRefused e -> REFUSAL;
            case DossierEvent.DelayApologised e -> APOLOGY;
            case DossierEvent.ResultReturned e -> RESULT;
            case DossierEvent.DossierLapsed e -> LAPSE;
            case DossierEvent.PaymentRequested e -> FEE_REQUEST;
            case DossierEvent.ResultCorrected e -> RESULT_CORRECTION;
            case DossierEvent.ResultRevoked e -> RESULT_REVOCATION;
            default -> null;
        };
        return Optional.ofNullable(kind);
    }
}
