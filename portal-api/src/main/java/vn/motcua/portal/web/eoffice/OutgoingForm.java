package vn.motcua.portal.web.eoffice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.eoffice.document.DraftMetadata;
import vn.motcua.eoffice.document.Recipient;

/**
 * What a specialist types when drafting an outgoing document (Decree 30/2020/ND-CP Art. 8–11, Appendix VI: trích
 * yếu, kind, urgency, secrecy, pages, the signer's position and name, the issuer's abbreviation in the symbol, and the
 * recipients, nơi nhận). Only whether each box is filled and readable is checked here; the number, symbol and date
 * come from the register after the signature, and the document's own rules are the workflow's.
 */
public class OutgoingForm extends DocumentFields {

    /** How many recipient rows the form offers. */
    public static final int RECIPIENT_ROWS = 3;

    private String signerPosition;
    private String signerName;
    private String issuerAbbreviation;
    private String replyTo;
    private List<RecipientRow> recipients = new ArrayList<>(List.of(new RecipientRow(), new RecipientRow(),
            new RecipientRow()));

    /** One nơi nhận: its identifier code, its name, internal unit or external agency. */
    public static class RecipientRow {
        private String id;
        private String name;
        private String kind = Recipient.Kind.EXTERNAL_AGENCY.name();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        boolean blank() {
            return DocumentFields.blank(id) && DocumentFields.blank(name);
        }
    }

    /** The boxes not filled as asked, each with the message key of what to do (in the boxes' order). */
    public Map<String, String> problems(boolean fileGiven) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean offline = contentKeptOffline();
        if (blank(getSubject()) && !offline) {
            problems.put("subject", "eoffice.outgoing.error.subject");
        }
        checkClassification(problems);
        if (blank(signerPosition)) {
            problems.put("signerPosition", "eoffice.outgoing.error.signerPosition");
        }
        if (blank(signerName)) {
            problems.put("signerName", "eoffice.outgoing.error.signerName");
        }
        if (blank(issuerAbbreviation)) {
            problems.put("issuerAbbreviation", "eoffice.outgoing.error.issuerAbbreviation");
        }
        for (int i = 0; i < recipients.size(); i++) {
            RecipientRow row = recipients.get(i);
            if (!row.blank() && (blank(row.id) || blank(row.name))) {
                problems.put("recipients" + i + ".id", "eoffice.outgoing.error.recipientRow");
            }
        }
        if (recipients.stream().allMatch(RecipientRow::blank)) {
            problems.put("recipients0.id", "eoffice.outgoing.error.recipients");
        }
        if (!fileGiven && !offline) {
            problems.put("file", "eoffice.outgoing.error.file");
        }
        return problems;
    }

    /** The metadata as the workflow drafts it; only once {@link #problems} found none. */
    public DraftMetadata metadata() {
        List<Recipient> named = recipients.stream().filter(row -> !row.blank())
                .map(row -> new Recipient(row.id.strip(), row.name.strip(),
                        enumOf(Recipient.Kind.class, row.kind) == null ? Recipient.Kind.EXTERNAL_AGENCY
                                : Recipient.Kind.valueOf(row.kind)))
                .toList();
        return new DraftMetadata(subjectOrNull(), documentType(), urgencyLevel(), secrecyLevel(), pages(),
                signerPosition.strip(),
                signerName.strip(), issuerAbbreviation.strip(), named);
    }

    public String getSignerPosition() {
        return signerPosition;
    }

    public void setSignerPosition(String signerPosition) {
        this.signerPosition = signerPosition;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public String getIssuerAbbreviation() {
        return issuerAbbreviation;
    }

    public void setIssuerAbbreviation(String issuerAbbreviation) {
        this.issuerAbbreviation = issuerAbbreviation;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public List<RecipientRow> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<RecipientRow> recipients) {
        this.recipients = recipients;
    }
}
