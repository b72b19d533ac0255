package vn.motcua.portal.web.eoffice;

import java.util.Map;

import vn.motcua.eoffice.document.Secrecy;
import vn.motcua.eoffice.document.Urgency;
import vn.motcua.eoffice.register.DocumentType;

/**
 * The boxes every document form has, incoming or outgoing (Decree 30/2020/ND-CP Appendix VI): trích yếu, kind,
 * urgency, secrecy and number of pages, as typed, with the checks that they are filled and readable.
 */
public abstract class DocumentFields {

    private String subject;
    private String type;
    private String urgency = Urgency.NORMAL.name();
    private String secrecy = Secrecy.NONE.name();
    private String pageCount;

    /** Adds the problems of kind, urgency, secrecy and pages, in the boxes' order (after the trích yếu). */
    void checkClassification(Map<String, String> problems) {
        if (documentType() == null) {
            problems.put("type", "eoffice.incoming.error.type");
        }
        if (urgencyLevel() == null) {
            problems.put("urgency", "eoffice.incoming.error.urgency");
        }
        if (secrecyLevel() == null) {
            problems.put("secrecy", "eoffice.incoming.error.secrecy");
        }
        if (pages() <= 0) {
            problems.put("pageCount", "eoffice.incoming.error.pageCount");
        }
    }

    /** Whether the secrecy level keeps the content off-line (Tối mật, Tuyệt mật): no trích yếu, no file here. */
    public boolean contentKeptOffline() {
        Secrecy level = secrecyLevel();
        return level != null && level.contentKeptOffline();
    }

    String subjectOrNull() {
        return blank(subject) ? null : subject.strip();
    }

    DocumentType documentType() {
        return enumOf(DocumentType.class, type);
    }

    Urgency urgencyLevel() {
        return enumOf(Urgency.class, urgency);
    }

    Secrecy secrecyLevel() {
        return enumOf(Secrecy.class, secrecy);
    }

    int pages() {
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

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return blank(name) ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
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
