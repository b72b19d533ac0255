package vn.motcua.portal.web.eoffice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.eoffice.document.ReceivedMetadata;

/**
 * What the clerk types when registering an incoming document (Decree 30/2020/ND-CP Art. 22, Appendix VI: sender,
 * its number/symbol and date, trích yếu, kind, urgency, secrecy, number of pages). Only whether each box is filled
 * and readable is checked here, to say so next to the box (the trích yếu and the file are asked for unless the level
 * keeps the content off-line); the rules of the document itself (a Tối mật or Tuyệt mật document has no file and no
 * trích yếu here, Law 29/2018/QH14 Art. 5(5)) are the workflow's, whose refusal the page shows.
 */
public class IncomingForm extends DocumentFields {

    private String senderName;
    private String numberSymbol;
    private String issuedOn;

    /** The boxes not filled as asked, each with the message key of what to do (in the boxes' order). */
    public Map<String, String> problems(boolean fileGiven, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(senderName)) {
            problems.put("senderName", "eoffice.incoming.error.senderName");
        }
        if (blank(numberSymbol)) {
            problems.put("numberSymbol", "eoffice.incoming.error.numberSymbol");
        }
        LocalDate issued = issuedOnDate();
        if (blank(issuedOn)) {
            problems.put("issuedOn", "eoffice.incoming.error.issuedOn");
        } else if (issued == null) {
            problems.put("issuedOn", "eoffice.error.date");
        } else if (issued.isAfter(today)) {
            problems.put("issuedOn", "eoffice.incoming.error.issuedOnFuture");
        }
        boolean offline = contentKeptOffline();
        if (blank(getSubject()) && !offline) {
            problems.put("subject", "eoffice.incoming.error.subject");
        }
        checkClassification(problems);
        if (!fileGiven && !offline) {
            problems.put("file", "eoffice.incoming.error.file");
        }
        return problems;
    }

    /** The metadata as the workflow receives it; only once {@link #problems} found none. */
    public ReceivedMetadata metadata() {
        return new ReceivedMetadata(null, senderName.strip(), numberSymbol.strip(), issuedOnDate(),
                subjectOrNull(), documentType(), urgencyLevel(), secrecyLevel(), pages());
    }

    private LocalDate issuedOnDate() {
        try {
            return EofficeChoices.parseDate(issuedOn);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getNumberSymbol() {
        return numberSymbol;
    }

    public void setNumberSymbol(String numberSymbol) {
        this.numberSymbol = numberSymbol;
    }

    public String getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(String issuedOn) {
        this.issuedOn = issuedOn;
    }
}
