package vn.motcua.portal.web.citizen;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application being filled in, kept in the applicant's session between the form and the check-answers page so
 * that nothing typed or attached is lost or asked for again. Bounded: {@value #MAX_FILES} files and
 * {@value #MAX_BYTES} bytes at most, and one draft a session (starting another procedure's drops it); it goes when
 * the dossier is submitted or the session ends.
 */
public class ApplicationDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** At most this many files wait in a draft. */
    public static final int MAX_FILES = 10;

    /** At most this many bytes of files wait in a draft (the servlet's request limit is 60 MB). */
    public static final long MAX_BYTES = 30L * 1024 * 1024;

    /** An attached PDF waiting to be submitted. */
    public record DraftFile(String id, String fileName, byte[] content) implements Serializable {
        public long size() {
            return content.length;
        }
    }

    private String unitId;
    private final Map<String, String> applicant = new LinkedHashMap<>();
    private LinkedHashMap<String, Object> form = new LinkedHashMap<>();
    private final List<DraftFile> files = new ArrayList<>();
    private String comment;
    private boolean complete;

    static String key(String procedureCode) {
        return "citizen.apply." + procedureCode;
    }

    public String getUnitId() {
        return unitId;
    }

    void setUnitId(String unitId) {
        this.unitId = unitId;
    }

    public Map<String, String> getApplicant() {
        return applicant;
    }

    public Map<String, Object> getForm() {
        return form;
    }

    void setForm(LinkedHashMap<String, Object> form) {
        this.form = form;
    }

    public List<DraftFile> getFiles() {
        return files;
    }

    void addFile(String fileName, byte[] content) {
        files.add(new DraftFile(UUID.randomUUID().toString(), fileName, content));
    }

    long bytes() {
        return files.stream().mapToLong(DraftFile::size).sum();
    }

    void removeFile(String id) {
        files.removeIf(file -> file.id().equals(id));
    }

    public String getComment() {
        return comment;
    }

    void setComment(String comment) {
        this.comment = comment;
    }

    /** Whether the form passed its checks and may be shown on the check-answers page. */
    public boolean isComplete() {
        return complete;
    }

    void setComplete(boolean complete) {
        this.complete = complete;
    }
}
