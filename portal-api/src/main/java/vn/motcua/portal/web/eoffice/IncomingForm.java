package vn.motcua.portal.web.eoffice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.eoffice.document.ReceivedMetadata;
import vn.motcua.eoffice.document.Secrecy;
import vn.motcua.eoffice.document.Urgency;
import vn.motcua.eoffice.register.DocumentType;

/**
 * What the clerk types when registering an incoming document (Decree 30/2020/ND-CP Art. 22, Appendix VI: sender,
 * its number/symbol and date, trích yếu, kind, urgency, secrecy, number of pages). Only whether each box is filled
 * and readable is checked here, to say so next to the box (the trích yếu and the file are asked for unless the level
 * keeps the content off-line); the rules of the document itself (a Tối mật or Tuyệt mật document has no file and no
 * trích yếu here, Law 29/2018/QH14 Art. 5(5)) are the workflow's, whose refusal the page shows.
 */
public class IncomingForm {

    private String senderName;
    private String numberSymbol;
    private String issuedOn;
    private String subject;
    private String type;
    private String urgency = Urgency.NORMAL.name();
    private String secrecy = Secrecy.NONE.name();
    private String pageCount;

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
        Secrecy level = secrecyLevel();
        boolean offline = level != null && level.contentKeptOffline();
        if (blank(subject) && !offline) {
            problems.put("subject", "eoffice.incoming.error.subject");
        }
        if (enumOf(DocumentType.class, type) == null) {
            problems.put("type", "eoffice.incoming.error.type");
        }
        if (enumOf(Urgency.class, urgency) == null) {
            problems.put("urgency", "eoffice.incoming.error.urgency");
        }
        if (level == null) {
            problems.put("secrecy", "eoffice.incoming.error.secrecy");
        }
        if (pages() <= 0) {
            problems.put("pageCount", "eoffice.incoming.error.pageCount");
        }
        if (!fileGiven && !offline) {
            problems.put("file", "eoffice.incoming.error.file");
        }
        return problems;
    }

    /** The metadata as the workflow receives it; only once {@link #problems} found none. */
    public ReceivedMetadata metadata() {
        return new ReceivedMetadata(null, senderName.strip(), numberSymbol.strip(), issuedOnDate(),
                blank(subject) ? null : subject.strip(), enumOf(DocumentType.class, type),
                enumOf(Urgency.class, urgency), secrecyLevel(), pages());
    }

    public boolean contentKeptOffline() {
        Secrecy level = secrecyLevel();
        return level != null && level.contentKeptOffline();
    }

    private Secrecy secrecyLevel() {
        return enumOf(Secrecy.class, secrecy);
    }

    private LocalDate issuedOnDate() {
        try {
            return EofficeChoices.parseDate(issuedOn);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private int pages() {
        return number(pageCount);
    }

    /** A count typed in a box; 0 when blank or no whole number. */
    static int number(String typed) {
        try {
            return blank(typed) ? 0 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean blankText(String value) {
        return blank(value);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return blank(name) ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
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

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(String secrecy) {
        this.secrecy = secrecy;
    }

    public String getPageCount() {
        return pageCount;
    }

    public void setPageCount(String pageCount) {
        this.pageCount = pageCount;
    }
}
