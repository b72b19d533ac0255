package vn.motcua.eoffice.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.security.cert.X509CRL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.forms.FormApplicant;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.forms.ReceiptForm;
import vn.motcua.eoffice.forms.ReceivedDocument;
import vn.motcua.eoffice.signing.PadesSigner.Appearance;
import vn.motcua.eoffice.signing.PadesSigner.Block;
import vn.motcua.eoffice.signing.PadesSigner.Level;
import vn.motcua.eoffice.signing.PadesSigner.Request;

class PadesSignerTest {

    private static final String LEADER = "viet.dq";
    private static final String AGENCY = "SYT-HN";
    private static final String AGENCY_NAME = "Sở Y tế Hà Nội";
    private static final Block BLOCK = new Block(0, 230, 18);

    @TempDir
    static Path directory;
    static DevPki pki;
    static PadesSigner signer;
    static PdfSignatureVerifier verifier;
    /** Signed by the leader then sealed by the agency, both B-T. */
    static byte[] sealed;
    /** The same, archived: DSS and a document time-stamp (B-LTA). */
    static byte[] archived;
    /** An attachment sealed without image, stamped top-right. */
    static byte[] attachment;

    @BeforeAll
    static void signOnce() {
        Clock clock = Clock.systemUTC();
        pki = DevPki.open(directory.resolve("pki"), "test".toCharArray(), "Sở Y tế Hà Nội",
                "http://localhost/api/v1/pki/", clock);
        pki.enrolOfficial(LEADER, "Đặng Quốc Việt", AGENCY);
        pki.enrolSeal(AGENCY, AGENCY_NAME);
        signer = new PadesSigner(pki.signer(), new EmbeddedTimestampAuthority(pki.timestampingKey(), clock), clock);
        verifier = PdfSignatureVerifier.trustingDevRoot(pki, clock);
        byte[] pdf = form();
        byte[] signed = signer.sign(pdf, new Request(Signer.officialAlias(LEADER), Level.B_T,
                new Appearance.Handwritten(BLOCK, "Giám đốc", "Đặng Quốc Việt"), "Phê duyệt", "Hà Nội"));
        sealed = signer.sign(signed, new Request(Signer.sealAlias(AGENCY), Level.B_T,
                new Appearance.Seal(BLOCK, AGENCY_NAME), "Đóng dấu", "Hà Nội"));
        archived = signer.archive(sealed, List.of(pki.crl(), pki.rootCrl()));
        attachment = signer.sign(pdf, new Request(Signer.sealAlias(AGENCY), Level.B_T,
                new Appearance.AttachmentStamp("Số: 05/QĐ-SYT"), null, null));
    }

    static byte[] form() {
        return new OneStopForms().receipt(new ReceiptForm(AGENCY_NAME, "000.00.16.H26-261122-0001",
                "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm",
                new FormApplicant("Nguyễn Văn An", "Số 1 Tràng Tiền, Hà Nội", "0912345678", "an@example.vn",
                        "001099012345"),
                List.of(new ReceivedDocument("Phiếu công bố sản phẩm mỹ phẩm", 2, 0, 0)), 3, true,
                Instant.parse("2026-11-22T02:15:00Z"), LocalDate.of(2026, 11, 27), "Bộ phận Một cửa", 500_000,
                "Lê Thị Thu"));
    }

    @Test
    void pdfsigFindsEverySignatureValid() throws Exception {
        assertThat(cadesSignaturesValidForPdfsig(sealed)).isEqualTo(2);
        assertThat(cadesSignaturesValidForPdfsig(attachment)).isEqualTo(1);
        String report = pdfsig(archived);
        assertThat(cadesSignaturesValidForPdfsig(archived)).isEqualTo(2);
        // Poppler cannot check an ETSI.RFC3161 document time-stamp ("Unimplemented Feature"): it must at least
        // see it, over the whole file, from our TSA; DSS and PdfSignatureVerifier check it below.
        assertThat(report).contains("Signature #3:").contains("Total document signed")
                .contains("Common Name: motcua dev time-stamping authority");
    }

    /** The CAdES signatures pdfsig finds, each required to be "Signature is Valid". */
    private static int cadesSignaturesValidForPdfsig(byte[] pdf) throws Exception {
        String report = pdfsig(pdf);
        int cades = count(report, "Signature Type: ETSI\\.CAdES\\.detached");
        assertThat(count(report, "Signature Type: ETSI\\.CAdES\\.detached\\n(?:  - .*\\n)*?"
                + "  - Signature Validation: Signature is Valid\\.")).as(report).isEqualTo(cades);
        return cades;
    }

    private static String pdfsig(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(directory, "signed", ".pdf");
        Files.write(file, pdf);
        return Pdfsig.check(file);
    }

    @Test
    void euDssAcceptsBaselineTForTheSignerAndTheSeal() {
        Reports reports = dss(sealed, true);
        var simple = reports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(2);
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
            assertThat(simple.getIndication(id)).as(reports.getXmlSimpleReport().toString())
                    .isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void euDssAcceptsBaselineLtaForTheArchivedRecord() {
        Reports reports = dss(archived, false);
        var simple = reports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(2);
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
            assertThat(simple.getIndication(id)).as(reports.getXmlSimpleReport().toString())
                    .isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void verifierReportsSignerTimesAndCoverage() {
        PdfSignatureVerifier.Report report = verifier.verify(archived);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).extracting(PdfSignatureVerifier.SignatureReport::signer)
                .containsExactly("Đặng Quốc Việt", AGENCY_NAME, "motcua dev time-stamping authority");
        assertThat(report.signatures()).extracting(PdfSignatureVerifier.SignatureReport::coversWholeDocument)
                .containsExactly(false, false, true);
        assertThat(report.signatures().getFirst().timestampTime()).isNotNull();
        assertThat(report.signatures().getFirst().signingTime()).isNotNull();
        assertThat(verifier.verify(sealed).valid()).isTrue();
        assertThat(verifier.verify(attachment).valid()).isTrue();
    }

    @Test
    void cmsCarriesSigningCertificateV2AndNoSigningTime() throws Exception {
        try (PDDocument document = Loader.loadPDF(sealed)) {
            for (var signature : document.getSignatureDictionaries()) {
                var info = PdfCms.signedData(signature.getContents(sealed)).getSignerInfos().getSigners()
                        .iterator().next();
                assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                        .isNotNull();
                assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
                assertThat(signature.getSignDate()).isNotNull();
                assertThat(PdfCms.signatureTimestamp(info)).isNotNull();
            }
        }
    }

    @Test
    void aOneByteChangeIsReportedAsModified() {
        byte[] changed = sealed.clone();
        int position = changed.length / 4;
        changed[position] = (byte) (changed[position] ^ 0x01);
        PdfSignatureVerifier.Report report = verifier.verify(changed);
        assertThat(report.valid()).isFalse();
        assertThat(report.modified()).as(report.toString()).isTrue();
    }

    @Test
    void anotherTrustListRejectsTheChain(@TempDir Path other) {
        DevPki stranger = DevPki.open(other, "x".toCharArray(), "Other", "http://localhost/", Clock.systemUTC());
        PdfSignatureVerifier.Report report = new PdfSignatureVerifier(List.of(stranger.rootCertificate()),
                Clock.systemUTC()).verify(sealed);
        assertThat(report.valid()).isFalse();
        assertThat(report.modified()).isFalse();
    }

    @Test
    void blueSignatureSitsBetweenTitleAndNameAndTheRedSealCoversItsLeftThird() throws Exception {
        float scale = 2f;
        BufferedImage page;
        float height;
        try (PDDocument document = Loader.loadPDF(sealed)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 72 * scale);
            height = document.getPage(0).getMediaBox().getHeight();
        }
        // kept under target/ for a person to look at
        Files.createDirectories(Path.of("target"));
        ImageIO.write(page, "png", Path.of("target", "signed-page.png").toFile());
        PadesSigner.Area image = BLOCK.image();
        float third = image.width() / 3;
        // the right two thirds of the signature image: blue, no red
        int blue = count(page, scale, height, image.x() + third, image.y(), image.width() - third, image.height(),
                true);
        int red = count(page, scale, height, image.x(), image.y(), third, image.height(), false);
        assertThat(blue).isGreaterThan(100);
        assertThat(red).isGreaterThan(100);
        assertThat(count(page, scale, height, image.x() + third + 10, image.y(), image.width() - third - 10,
                image.height(), false)).isZero();
    }

    @Test
    void attachmentShowsNumberAndVietnamTimeTopRight() throws Exception {
        try (PDDocument document = Loader.loadPDF(attachment)) {
            var annotations = document.getPage(0).getAnnotations();
            var widget = annotations.stream().filter(a -> "Widget".equals(a.getSubtype())).findFirst().orElseThrow();
            var rectangle = widget.getRectangle();
            var media = document.getPage(0).getMediaBox();
            assertThat(rectangle.getUpperRightX()).isGreaterThan(media.getWidth() - 40);
            assertThat(rectangle.getUpperRightY()).isGreaterThan(media.getHeight() - 40);
            String appearance = new String(widget.getNormalAppearanceStream().getContentStream().toByteArray(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(appearance).contains(" 10 Tf");
        }
        PdfSignatureVerifier.SignatureReport report = verifier.verify(attachment).signatures().getFirst();
        assertThat(report.signer()).isEqualTo(AGENCY_NAME);
        assertThat(report.signingTime().atOffset(ZoneOffset.ofHours(7)).getOffset()).isEqualTo(ZoneOffset.ofHours(7));
    }

    /**
     * EU DSS's verdict against the dev root. {@code online}: revocation data fetched at validation time (the
     * CRLs at the certificates' distribution points, served here from the dev PKI), as for a B-T signature;
     * without it DSS must find everything in the document, as for B-LTA.
     */
    private static Reports dss(byte[] pdf, boolean online) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        CommonCertificateVerifier certificates = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.rootCertificate()));
        certificates.setTrustedCertSources(trusted);
        certificates.setAIASource(null);
        certificates.setCrlSource(online ? new DevPkiCrls() : null);
        certificates.setOcspSource(null);
        validator.setCertificateVerifier(certificates);
        return validator.validateDocument();
    }

    /** The dev PKI's CRLs, as an online CRL source would fetch them from the distribution points. */
    private static final class DevPkiCrls implements CRLSource {
        @Override
        public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            for (X509CRL crl : List.of(pki.crl(), pki.rootCrl())) {
                if (crl.getIssuerX500Principal().equals(issuer.getCertificate().getSubjectX500Principal())) {
                    try {
                        CRLToken token = new CRLToken(certificate, CRLUtils.buildCRLValidity(
                                CRLUtils.buildCRLBinary(crl.getEncoded()), issuer));
                        token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                        return token;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return null;
        }
    }

    private static int count(BufferedImage page, float scale, float height, float x, float y, float width, float h,
            boolean blue) {
        int found = 0;
        int left = Math.round(x * scale);
        int right = Math.round((x + width) * scale);
        int top = Math.round((height - y - h) * scale);
        int bottom = Math.round((height - y) * scale);
        for (int px = left; px < right; px++) {
            for (int py = top; py < bottom; py++) {
                int rgb = page.getRGB(px, py);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (blue ? b > 150 && r < 90 && g < 140 : r > 150 && g < 100 && b < 100) {
                    found++;
                }
            }
        }
        return found;
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
