package vn.motcua.engine.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.problem.Problem;

/**
 * Attached documents, addressed and de-duplicated by their SHA-256: the event keeps the hash, this
 * store keeps the bytes, written in the same transaction as the step that attaches them. Only real
 * PDF files with plain names are accepted (Decree 30/2020/ND-CP Appendix I: electronic copies are PDF): the type is
 * judged by content (the {@code %PDF-} header, then a bounded read by {@link BoundedPdf}: size, inflated size, pages,
 * memory and time), never by the declared media type.
 */
@Component
public class DocumentStore {

    public static final String PDF = "application/pdf";
    /** A plain file name: no path separators, no "..", no control characters. */
    private static final Pattern SAFE_NAME = Pattern.compile("^(?!.*\\.\\.)[^/\\\\\\p{Cntrl}:*?\"<>|]{1,200}$");

    private final JdbcTemplate jdbc;
    private final long maxFileBytes;
    private final BoundedPdf pdfs;

    public DocumentStore(JdbcTemplate jdbc, @Value("${motcua.uploads.max-file-size:10MB}") DataSize maxFileSize,
                         BoundedPdf pdfs) {
        this.jdbc = jdbc;
        this.maxFileBytes = maxFileSize.toBytes();
        this.pdfs = pdfs;
    }

    /** Checks every upload first, so that one bad file stores none of them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AttachedDocument> storeAll(List<Upload> uploads) {
        return storeAll(check(uploads));
    }

    /**
     * Judges every upload — name, size, content read by {@link BoundedPdf} — without storing anything. A step calls
     * it before its transaction begins, so that its database connection is not held while the PDFs are read (on the
     * bounded reader's small pool); a bad file is refused before anything starts.
     */
    public CheckedUploads check(List<Upload> uploads) {
        uploads.forEach(this::check);
        return new CheckedUploads(uploads);
    }

    /** Stores uploads already checked, in the step's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AttachedDocument> storeAll(CheckedUploads checked) {
        List<AttachedDocument> stored = new ArrayList<>();
        for (Upload upload : checked.uploads()) {
            String sha256 = sha256(upload.content());
            jdbc.update("""
                    insert into document_content (sha256, media_type, size_bytes, content) values (?, ?, ?, ?)
                    on conflict (sha256) do nothing""", sha256, PDF, upload.content().length, upload.content());
            stored.add(new AttachedDocument(upload.fileName(), PDF, upload.content().length, sha256));
        }
        return stored;
    }

    public Optional<byte[]> content(String sha256) {
        return jdbc.query("select content from document_content where sha256 = ?",
                rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty(), sha256);
    }

    void check(Upload upload) {
        String name = upload.fileName();
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.isBlank()) {
            throw Problem.invalid(upload.field(), "Tên tệp không hợp lệ: không được chứa đường dẫn, '..' hay ký tự điều khiển"
                    + " / Invalid file name: no paths, '..' or control characters");
        }
        if (upload.content().length == 0) {
            throw Problem.invalid(upload.field(), "Tệp rỗng / The file '" + name + "' is empty");
        }
        if (upload.content().length > maxFileBytes) {
            throw new Problem(Problem.Kind.TOO_LARGE, "file-too-large", "Tệp quá lớn", "File too large",
                    "Tệp '" + name + "' vượt quá " + DataSize.ofBytes(maxFileBytes).toMegabytes() + " MB / File exceeds "
                            + DataSize.ofBytes(maxFileBytes).toMegabytes() + " MB", upload.field());
        }
        try {
            pdfs.requireReadable(upload.content(), upload.field());
        } catch (Problem refused) {
            if (refused.kind() != Problem.Kind.UNSUPPORTED_MEDIA) {
                throw refused;
            }
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "not-a-pdf", "Tệp không phải PDF", "Not a PDF file",
                    "Tệp '" + name + "' không phải tệp PDF hợp lệ / '" + name + "' is not a valid PDF", upload.field());
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
