package vn.motcua.eoffice.document;

import java.util.List;

import vn.motcua.eoffice.register.DocumentType;

/**
 * The Decree 30/2020/ND-CP Appendix VI metadata a drafter fills in: trích yếu (≤500 characters), type,
 * urgency, secrecy, page count, the signer's position and full name, the recipients (nơi nhận), and
 * the issuer abbreviation used in the symbol ({@code SYT}, or {@code SYT-VP} with the drafting unit).
 * Number, symbol and date are not here: the register assigns them after the signature.
 */
public record DraftMetadata(String subject, DocumentType type, Urgency urgency, Secrecy secrecy, int pageCount,
                            String signerPosition, String signerName, String issuerAbbreviation,
                            List<Recipient> recipients) {

    public static final int MAX_SUBJECT = 500;

    public DraftMetadata {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** True when every field Decree 30 requires is present and within its length. */
    boolean complete() {
        return filled(subject) && subject.length() <= MAX_SUBJECT && type != null && urgency != null
                && secrecy != null && pageCount > 0 && filled(signerPosition) && filled(signerName)
                && filled(issuerAbbreviation) && !recipients.isEmpty()
                && recipients.stream().allMatch(r -> r != null && filled(r.id()) && r.kind() != null)
                && recipients.stream().map(Recipient::id).distinct().count() == recipients.size();
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}
