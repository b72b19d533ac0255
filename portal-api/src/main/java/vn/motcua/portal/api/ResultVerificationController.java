package vn.motcua.portal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.document.BoundedPdf;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.Attachments;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;

/**
 * Checking signed PDFs: anyone can check a dossier's electronic result (the QR code on it leads here) —
 * who signed, when, and whether a copy is unchanged — without seeing any personal data; officials and
 * inspectors check any PDF they received (Law 20/2023 Art. 22: integrity, signer, time, certificate).
 */
@RestController
@Validated
@Tag(name = "Kiểm tra chữ ký số / Signature verification")
public class ResultVerificationController {

    private static final String CODE = "[0-9A-Za-z.]{1,40}-\\d{6}-\\d{4}";

    private final DossierHistory history;
    private final Attachments attachments;
    private final PdfSignatureVerifier verifier;
    private final BoundedPdf pdfs;

    public ResultVerificationController(DossierHistory history, Attachments attachments,
                                        PdfSignatureVerifier verifier, BoundedPdf pdfs) {
        this.pdfs = pdfs;
        this.history = history;
        this.attachments = attachments;
        this.verifier = verifier;
    }

    public record SignatureView(String kind, String signer, Instant signingTime, Instant timestampTime,
                                boolean coversWholeDocument, boolean valid, List<String> problems) {
    }

    public record VerificationView(String dossierCode, String sha256, boolean valid, boolean modified,
                                   Boolean sameAsIssued, List<SignatureView> signatures) {
    }

    @Operation(summary = "Kiểm tra kết quả điện tử của hồ sơ / Check a dossier's electronic result (public)")
    @GetMapping("/api/v1/public/results/{code}")
    public VerificationView result(@PathVariable @Pattern(regexp = CODE) String code) {
        AttachedDocument issued = issued(code);
        byte[] content = attachments.content(issued.sha256()).orElseThrow(() -> notIssued(code));
        return view(code, content, null);
    }

    @Operation(summary = "So một bản sao với kết quả đã cấp / Check a copy against the issued result (public)")
    @PostMapping(path = "/api/v1/public/results/{code}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public VerificationView check(@PathVariable @Pattern(regexp = CODE) String code,
                                  @RequestPart("file") MultipartFile file) {
        AttachedDocument issued = issued(code);
        byte[] copy = bytes(file);
        return view(code, copy, DocumentStore.sha256(copy).equals(issued.sha256()));
    }

    @Operation(summary = "Kiểm tra chữ ký số của một tệp PDF / Verify the signatures of any PDF (officials)")
    @PostMapping(path = "/api/v1/documents/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public VerificationView verify(@RequestPart("file") MultipartFile file) {
        return view(null, bytes(file), null);
    }

    /** A PDF from outside is read only within bounds (size, inflated size, pages, memory, time: {@link BoundedPdf}). */
    private VerificationView view(String code, byte[] pdf, Boolean sameAsIssued) {
        PdfSignatureVerifier.Report report = pdfs.read(pdf, "file", document -> verifier.verify(document, pdf));
        return new VerificationView(code, DocumentStore.sha256(pdf), report.valid(), report.modified(), sameAsIssued,
                report.signatures().stream().map(s -> new SignatureView(s.kind().name(), s.signer(), s.signingTime(),
                        s.timestampTime(), s.coversWholeDocument(), s.valid(), s.problems())).toList());
    }

    private AttachedDocument issued(String code) {
        return history.of(code).stream().filter(step -> step.type().equals("ResultReturned"))
                .flatMap(step -> step.documents().stream()).findFirst().orElseThrow(() -> notIssued(code));
    }

    private static Problem notIssued(String code) {
        return Problem.notFound("result", "Hồ sơ " + code + " chưa có kết quả điện tử / No electronic result for " + code);
    }

    private byte[] bytes(MultipartFile file) {
        if (file.getSize() > pdfs.maxBytes()) {
            throw new Problem(Problem.Kind.TOO_LARGE, "file-too-large", "Tệp quá lớn", "File too large",
                    "Tệp vượt quá " + pdfs.maxBytes() / (1024 * 1024) + " MB / The file exceeds "
                            + pdfs.maxBytes() / (1024 * 1024) + " MB", "file");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
