package vn.motcua.eoffice.document;

import java.time.LocalDate;

import vn.motcua.eoffice.register.DocumentType;

/**
 * What an incoming document says about itself (Decree 30/2020/ND-CP Art. 22 and Appendix VI): sender,
 * its number/symbol and date, subject, type, urgency, secrecy and page count.
 */
public record ReceivedMetadata(String senderAgencyId, String senderName, String numberSymbol, LocalDate issuedOn,
                               String subject, DocumentType type, Urgency urgency, Secrecy secrecy, int pageCount) {

    boolean complete() {
        return filled(senderName) && filled(numberSymbol) && issuedOn != null && filled(subject)
                && subject.length() <= DraftMetadata.MAX_SUBJECT && type != null && urgency != null
                && secrecy != null && pageCount > 0;
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}
