package vn.motcua.engine.dossier.view;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;

import vn.motcua.engine.dossier.DossierEvent;

/**
 * The issued result in the dossier's view ({@code result}): what was issued (kind, title, number and symbol, date,
 * holder, procedure) and the acts that later refer to it — corrections (đính chính) and the revocation (thu hồi) —
 * in the order they were issued, with the status they give the result. The original entry is never changed by an
 * act, only followed by it ("corrections and revocations are new documents that refer to it; the original is never
 * edited", Decree 30/2020/ND-CP). The public register of results ({@link ResultRegister}) searches these entries by
 * the folded keys kept beside them ({@code symbolKey}, {@code holderKey}: lower case, without diacritics).
 */
public final class IssuedResults {

    /** The result as issued, no act refers to it yet. */
    public static final String VALID = "VALID";
    /** At least one correction refers to it. */
    public static final String CORRECTED = "CORRECTED";
    /** A revocation decision refers to it. */
    public static final String REVOKED = "REVOKED";

    private IssuedResults() {
    }

    static void apply(Document view, DossierEvent event, long sequence) {
        switch (event) {
            case DossierEvent.ResultIssued issued -> view.append("result", new Document("kind", issued.kind())
                    .append("title", issued.title())
                    .append("number", issued.number())
                    .append("symbol", issued.symbol())
                    .append("symbolKey", fold(issued.symbol()))
                    .append("issuedOn", issued.issuedOn() == null ? null : issued.issuedOn().toString())
                    .append("holder", issued.holder())
                    .append("holderKey", fold(issued.holder()))
                    .append("procedureCode", issued.procedureCode())
                    .append("sha256", issued.documents().isEmpty() ? null : issued.documents().getFirst().sha256())
                    .append("status", VALID)
                    .append("acts", new ArrayList<Document>()));
            case DossierEvent.ResultCorrected corrected -> act(view, CORRECTED, new Document("type", "CORRECTION")
                    .append("sequence", sequence)
                    .append("symbol", corrected.symbol())
                    .append("number", corrected.number())
                    .append("issuedOn", corrected.issuedOn() == null ? null : corrected.issuedOn().toString())
                    .append("reason", corrected.comment())
                    .append("corrections", corrected.corrections())
                    .append("signerName", corrected.actor().name())
                    .append("at", Date.from(corrected.at()))
                    .append("sha256", corrected.documents().isEmpty() ? null
                            : corrected.documents().getFirst().sha256()));
            case DossierEvent.ResultRevoked revoked -> act(view, REVOKED, new Document("type", "REVOCATION")
                    .append("sequence", sequence)
                    .append("symbol", revoked.symbol())
                    .append("number", revoked.number())
                    .append("issuedOn", revoked.issuedOn() == null ? null : revoked.issuedOn().toString())
                    .append("reason", revoked.comment())
                    .append("decisionReference", revoked.decisionReference())
                    .append("signerName", revoked.actor().name())
                    .append("at", Date.from(revoked.at()))
                    .append("sha256", revoked.documents().isEmpty() ? null : revoked.documents().getFirst().sha256()));
            default -> {
            }
        }
    }

    private static void act(Document view, String status, Document act) {
        Document result = view.get("result", Document.class);
        if (result == null) {
            return;
        }
        List<Document> acts = new ArrayList<>(result.getList("acts", Document.class, List.of()));
        acts.add(act);
        result.append("acts", acts);
        if (!REVOKED.equals(result.getString("status"))) {
            result.append("status", status);
        }
    }

    /** Lower case without diacritics ("Nguyễn Văn Đức" → "nguyen van duc"), for searches that ignore both. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String folded = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
