package vn.motcua.portal.eoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * Level 4: the result is returned online as a PDF signed by the leader who decided and sealed by the
 * agency; anyone can check it from its QR code, and a changed copy is caught.
 */
class SignedResultTest extends IntegrationTest {

    @Test
    void citizenReceivesTheResultSignedByTheLeaderAndSealedByTheAgency() throws Exception {
        String code = decidedAndReturned("citizen-a");

        JsonNode returned = null;
        for (JsonNode step : as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json()) {
            if (step.get("type").asText().equals("ResultReturned")) {
                returned = step;
            }
        }
        assertThat(returned).isNotNull();
        String sha256 = returned.at("/documents/0/sha256").asText();
        Api.Response download = as("citizen-a").get("/api/v1/dossiers/" + code + "/documents/" + sha256);
        assertThat(download.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(download.bytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(code, "Nguyễn Văn An", "Kem dưỡng da Sen Việt",
                    "PHIẾU CÔNG BỐ SẢN PHẨM MỸ PHẨM");
            assertThat(pdf.getSignatureDictionaries()).hasSizeGreaterThanOrEqualTo(2);
        }

        assertThat(pdfsig(download.bytes())).as("poppler's pdfsig, an independent checker")
                .containsSubsequence("Signature is Valid.", "Signature is Valid.");

        String verification;
        try (PDDocument pdf = Loader.loadPDF(download.bytes())) {
            // what a person holding the paper reads beside the QR code
            java.util.regex.Matcher printed = java.util.regex.Pattern.compile("Mã kiểm tra:?\\s*([0-9A-Z]{5}-[0-9A-Z]{5})")
                    .matcher(new PDFTextStripper().getText(pdf));
            assertThat(printed.find()).as("the verification code is printed on the result").isTrue();
            verification = printed.group(1);
        }
        String result = "/api/v1/public/results/" + code + "?v=" + verification;
        Api.Response checked = anonymous().get(result);
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        JsonNode check = checked.json();
        assertThat(anonymous().get("/api/v1/public/results/" + code + "?v=" + verification.toLowerCase()
                .replace("-", "")).status()).as("typed in lower case, without the dash").isEqualTo(200);
        assertThat(check.get("valid").asBoolean()).as(check.toPrettyString()).isTrue();
        assertThat(check.get("modified").asBoolean()).isFalse();
        assertThat(check.get("sha256").asText()).isEqualTo(sha256);
        assertThat(check.get("signatures").findValuesAsText("signer")).as("leader, agency seal, archive timestamp")
                .containsExactly("Đặng Quốc Việt (Phó Giám đốc Sở Y tế Hà Nội)", "Sở Y tế Hà Nội (demo)",
                        "motcua dev time-stamping authority");
        assertThat(check.get("signatures").findValuesAsText("kind"))
                .containsExactly("SIGNATURE", "SIGNATURE", "DOCUMENT_TIMESTAMP");
        assertThat(check.toString()).doesNotContain("0912345678", "001099012345");

        Api.Response same = anonymous().multipart("/api/v1/public/results/" + code + "/check?v=" + verification,
                parts -> parts.part("file", Api.file("ket-qua.pdf", download.bytes()), MediaType.APPLICATION_PDF));
        assertThat(same.json().get("sameAsIssued").asBoolean()).isTrue();
        assertThat(same.json().get("valid").asBoolean()).isTrue();

        byte[] altered = Arrays.copyOf(download.bytes(), download.bytes().length);
        int at = altered.length / 3;
        altered[at] = (byte) (altered[at] == '0' ? '1' : '0');
        Api.Response changed = anonymous().multipart("/api/v1/public/results/" + code + "/check?v=" + verification,
                parts -> parts.part("file", Api.file("ket-qua.pdf", altered), MediaType.APPLICATION_PDF));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("sameAsIssued").asBoolean()).isFalse();
        assertThat(changed.json().get("valid").asBoolean()).isFalse();

        // without the verification code, nobody learns whether the dossier exists or has a result
        Api.Response missing = anonymous().get("/api/v1/public/results/" + code);
        Api.Response wrong = anonymous().get("/api/v1/public/results/" + code + "?v=ABCDE-FGHJK");
        Api.Response unknown = anonymous().get("/api/v1/public/results/" + otherCode(code) + "?v=" + verification);
        Api.Response notDecided = anonymous().get("/api/v1/public/results/" + submitted("citizen-a") + "?v="
                + verification);
        for (Api.Response refused : List.of(missing, wrong, unknown, notDecided)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
            assertThat(refused.json().get("detail")).isEqualTo(missing.json().get("detail"));
            assertThat(refused.json().get("type")).isEqualTo(missing.json().get("type"));
        }
        assertThat(wrong.bytes()).isEqualTo(missing.bytes());
        Api.Response checkWithoutCode = anonymous().multipart("/api/v1/public/results/" + code + "/check",
                parts -> parts.part("file", Api.file("ket-qua.pdf", download.bytes()), MediaType.APPLICATION_PDF));
        assertThat(checkWithoutCode.status()).isEqualTo(404);
        assertThat(checkWithoutCode.json().get("detail")).isEqualTo(missing.json().get("detail"));
    }

    /** A well-formed dossier code that no dossier has. */
    private static String otherCode(String code) {
        return code.substring(0, code.length() - 4) + "9999";
    }

    /** Debian's pdfsig (poppler-utils, installed by scripts/setup.sh): missing, the test fails; it never skips. */
    private static String pdfsig(byte[] pdf) throws Exception {
        java.nio.file.Path tool = java.nio.file.Path.of("/usr/bin/pdfsig");
        assertThat(java.nio.file.Files.isExecutable(tool)).as("pdfsig is missing: run scripts/setup.sh").isTrue();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("result", ".pdf");
        java.nio.file.Files.write(file, pdf);
        Process process = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        java.nio.file.Files.delete(file);
        return out;
    }

    @Test
    void officialsVerifyAnyPdfAndCitizensMayNot() {
        Api.Response unsigned = as("reception-hn").multipart("/api/v1/documents/verification",
                parts -> parts.part("file", Api.file("cong-van.pdf", pdf("Cong van")), MediaType.APPLICATION_PDF));
        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(200);
        assertThat(unsigned.json().get("valid").asBoolean()).isFalse();
        assertThat(unsigned.json().get("signatures")).isEmpty();
        assertThat(as("citizen-a").multipart("/api/v1/documents/verification",
                parts -> parts.part("file", Api.file("x.pdf", pdf("x")), MediaType.APPLICATION_PDF)).status())
                .isEqualTo(403);
        assertThat(anonymous().get("/api/v1/public/results/000.00.16.H26-990101-0001?v=ABCDE-FGHJK").status())
                .isEqualTo(404);
    }
}
