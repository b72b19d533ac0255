package vn.motcua.eoffice.document;

import java.time.LocalDate;

import vn.motcua.eoffice.register.DocumentType;

/**
 * What an incoming document says about itself (Decree 30/2020/ND-CP Art. 22 and Appendix VI): sender,
 * its number/symbol and date, subject, type, urgency, secrecy and page count.
 */
public record ReceivedMetadata(String senderAgencyId, String senderName, String numberSymbol, LocalDate issuedOn,
                               String subject, DocumentType type, Urgency urgency, Secrecy secrecy, int pageCount) {

    /** As {@link DraftMetadata#complete()}: a level kept off-line has no trích yếu here. */
    boolean complete() {
        boolean subjectAsRequired = secrecy != null && secrecy.contentKeptOffline() ? !hasSubject()
                : hasSubject() && subject.length() <= DraftMetadata.MAX_SUBJECT;
        return filled(senderName) && filled(numberSymbol) && issuedOn != null && subjectAsRequired && type != null
                && urgency != null && secrecy != null && pageCount > 0;
    }

    boolean hasSubject() {
        return filled(subject);
    }

    /** The metadata as recorded for a level kept off-line: the level's note in place of the trích yếu. */
    ReceivedMetadata withOfflineNote() {
        return new ReceivedMetadata(senderAgencyId, senderName, numberSymbol, issuedOn, secrecy.offlineNote(), type,
                urgency, secrecy, pageCount);
    }

    private static boolean filled(String value) {
        return DraftMetadata.filled(value);
    }
}
