package vn.motcua.portal.web.official;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.engine.dossier.history.Step;

/**
 * What the officials' dossier page shows, read from the registry (the summary, never stale) and from the event store
 * ({@code DossierHistory}: the documents, the timeline, the fee, the issued result), so that a step just decided is on
 * the page the official is sent back to. Nothing is computed here that the engine has not recorded.
 */
public record DossierPage(DossierSummary dossier, String procedureName, String unitName, List<Document> documents,
                   List<Step> timeline, Fee fee, Result result, List<String> supplementItems, String handlerName,
                   List<ActionForm> actions) {

    /** A document of the dossier, with the step that brought it. */
    public record Document(String fileName, String sha256, long size, String stepLabel, Instant at) {
    }

    /** The fee the acceptance asked for, and whether it was received. */
    public record Fee(Object amountVnd, boolean paid, Object paidAmountVnd, Object reference) {
    }

    /** The issued result: its title, number and symbol, date, holder and the leader who signed it. */
    public record Result(String title, Object number, String symbol, Object issuedOn, String holder, String signer,
                  String sha256, String fileName) {
    }

    static DossierPage of(DossierSummary dossier, String procedureName, String unitName, List<Step> steps,
                          List<ActionForm> actions) {
        Map<String, Document> documents = new LinkedHashMap<>();
        Fee fee = null;
        Result result = null;
        String signer = null;
        List<String> supplementItems = List.of();
        String handlerName = null;
        for (Step step : steps) {
            for (AttachedDocument document : step.documents()) {
                documents.putIfAbsent(document.sha256(), new Document(document.fileName(), document.sha256(),
                        document.size(), step.labelVi(), step.at()));
            }
            Map<?, ?> details = step.details() instanceof Map<?, ?> map ? map : Map.of();
            switch (step.type()) {
                case "PaymentRequested" -> fee = new Fee(details.get("amountVnd"), false, null, null);
                case "PaymentReceived" -> fee = new Fee(fee == null ? details.get("amountVnd") : fee.amountVnd(), true,
                        details.get("amountVnd"), details.get("reference"));
                case "HandlerAssigned" -> handlerName = (String) details.get("handlerName");
                case "DossierApproved" -> signer = step.actor() == null ? null : step.actor().name();
                case "ResultIssued" -> {
                    AttachedDocument first = step.documents().isEmpty() ? null : step.documents().getFirst();
                    result = new Result((String) details.get("title"), details.get("number"),
                            (String) details.get("symbol"), details.get("issuedOn"), (String) details.get("holder"),
                            signer, first == null ? null : first.sha256(), first == null ? null : first.fileName());
                }
                case "SupplementRequested", "SupplementRequestedInAppraisal" -> supplementItems =
                        details.get("items") instanceof List<?> items
                                ? items.stream().map(String::valueOf).toList() : List.of();
                default -> {
                }
            }
        }
        return new DossierPage(dossier, procedureName, unitName, new ArrayList<>(documents.values()), steps, fee,
                result, supplementItems, handlerName, actions);
    }

    /** The tag's colour for a status: done well (green), waiting for the applicant (amber), ended badly (red). */
    public String statusTag() {
        return switch (dossier.status()) {
            case APPROVED, RESULT_RETURNED -> "tag--ok";
            case SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED -> "tag--warn";
            case REFUSED, REJECTED, STOPPED -> "tag--bad";
            case WITHDRAWN -> "tag--grey";
            default -> "";
        };
    }
}
