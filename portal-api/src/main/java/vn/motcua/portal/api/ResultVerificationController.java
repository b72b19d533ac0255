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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.document.BoundedPdf;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.Attachments;
import vn.motcua.eoffice.result.ResultVerificationCodes;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;

/**
 * Checking signed PDFs: anyone holding a dossier's result can check its electronic original — who signed, when,
 * and whether a copy is unchanged — without seeing any personal data. The QR code on the result leads here with the
 * result's verification code, which is also printed beside it ({@link ResultVerificationCodes}); without the right
 * code the answer is the same 404 whether the dossier exists, has a result, or the code is wrong or missing, so that
 * the sequential dossier codes cannot be walked. Officials and inspectors check any PDF they received (Law 20/2023
 * Art. 22: integrity, signer, time, certificate).
 */
@RestController
@Validated
@Tag(name = "Kiểm tra chữ ký số / Signature verification")
public class ResultVerificationController {

    private static final String CODE = DossierCodes.PATTERN;

    private final DossierHistory history;
    private final Attachments attachments;
    private final PdfSignatureVerifier verifier;
    private final ResultVerificationCodes verificationCodes;
    private final BoundedPdf pdfs;

    public ResultVerificationController(DossierHistory history, Attachments attachments,
                                        PdfSignatureVerifier verifier, ResultVerificationCodes verificationCodes,
                                        BoundedPdf pdfs) {
        this.pdfs = pdfs;
        this.history = history;
        this.attachments = attachments;
        this.verifier = verifier;
        this.verificationCodes = verificationCodes;
    }

    public record SignatureView(String kind, String signer, Instant signingTime, Instant timestampTime,
                                boolean coversWholeDocument, boolean valid, List<String> problems) {
    }

    public record VerificationView(String dossierCode, String sha256, boolean valid, boolean modified,
                                   Boolean sameAsIssued, List<SignatureView> signatures) {
    }

    @Operation(summary = "Kiểm tra kết quả điện tử của hồ sơ / Check a dossier's electronic result (public)")
    @GetMapping("/api/v1/public/results/{code}")
    public VerificationView result(@PathVariable @Pattern(regexp = CODE) String code,
                                   @Parameter(description = "Mã kiểm tra in trên kết quả / the verification code "
                                           + "printed on the result") @RequestParam(name = "v", required = false)
                                   @Size(max = 32) String verificationCode) {
        AttachedDocument issued = issued(code, verificationCode);
        byte[] content = attachments.content(issued.sha256()).orElseThrow(ResultVerificationController::notIssued);
        return view(code, content, null);
    }

    @Operation(summary = "So một bản sao với kết quả đã cấp / Check a copy against the issued result (public)")
    @PostMapping(path = "/api/v1/public/results/{code}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public VerificationView check(@PathVariable @Pattern(regexp = CODE) String code,
                                  @RequestParam(name = "v", required = false) @Size(max = 32) String verificationCode,
                                  @RequestPart("file") MultipartFile file) {
        AttachedDocument issued = issued(code, verificationCode);
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

    private AttachedDocument issued(String code, String verificationCode) {
        if (!verificationCodes.matches(code, verificationCode)) {
            throw notIssued();
        }
        return history.of(code).stream().filter(step -> step.type().equals("ResultReturned"))
                .flatMap(step -> step.documents().stream()).findFirst().orElseThrow(ResultVerificationController::notIssued);
    }

    /** One answer for an unknown dossier, a dossier without a result, and a wrong or missing verification code. */
    private static Problem notIssued() {
        return Problem.notFound("result", "Không tìm thấy kết quả điện tử khớp mã hồ sơ và mã kiểm tra"
                + " / No electronic result matches this dossier code and verification code");
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
