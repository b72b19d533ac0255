package vn.motcua.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.process.NewDossier;
import vn.motcua.engine.identity.Identity;

/**
 * The submission the in-process benchmarks load the application with: a cosmetic product notification (procedure
 * 1.002600) with one small PDF of its own, through the command layer ({@link DossierWorkflow#submit}) — a real step:
 * checked, coded, appended, sealed, its process started.
 */
final class Submissions {

    static final String PROCEDURE = "1.002600";

    private Submissions() {
    }

    /** Submits the {@code n}th dossier to {@code unit} as {@code citizen}; its code. */
    static String submit(DossierWorkflow workflow, Identity citizen, String unit, long n) {
        String code = workflow.submit(new NewDossier(PROCEDURE, unit,
                        new Applicant("Nguyễn Văn An", "001099012345", "0912345678", "an@example.vn",
                                "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"),
                        Map.of("productName", "Kem dưỡng da Sen Việt " + n, "brand", "Sen Việt"), null),
                List.of(new Upload("files[0]", "phieu-cong-bo.pdf", "application/pdf", pdf(n))), citizen).code();
        if (code == null) {
            throw new IllegalStateException("A submission returned no dossier code");
        }
        return code;
    }

    /** A one-page PDF of about 200 bytes, different for each {@code n} (a comment line). */
    static byte[] pdf(long n) {
        return ("%PDF-1.4\n%" + n + "\n"
                + "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
