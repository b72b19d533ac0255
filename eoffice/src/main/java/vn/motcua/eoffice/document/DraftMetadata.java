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

    /**
     * True when every field Decree 30 requires is present and within its length. A document whose content is kept
     * off-line ({@link Secrecy#contentKeptOffline()}) has no trích yếu here: its place is taken by the level's note.
     */
    boolean complete() {
        boolean subjectAsRequired = secrecy != null && secrecy.contentKeptOffline() ? !filled(subject)
                : filled(subject) && subject.length() <= MAX_SUBJECT;
        return subjectAsRequired && type != null && urgency != null
                && secrecy != null && pageCount > 0 && filled(signerPosition) && filled(signerName)
                && filled(issuerAbbreviation) && !recipients.isEmpty()
                && recipients.stream().allMatch(r -> r != null && filled(r.id()) && r.kind() != null)
                && recipients.stream().map(Recipient::id).distinct().count() == recipients.size();
    }

    /** Whether it carries a trích yếu: content, which a level kept off-line may not have here. */
    boolean hasSubject() {
        return filled(subject);
    }

    /** The metadata as recorded for a level kept off-line: the level's note in place of the trích yếu. */
    DraftMetadata withOfflineNote() {
        return new DraftMetadata(secrecy.offlineNote(), type, urgency, secrecy, pageCount, signerPosition, signerName,
                issuerAbbreviation, recipients);
    }

    static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}
