package vn.motcua.eoffice.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
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

    /**
     * Decree 30/2020 Appendix I box 7: whatever the length of the signer's name and titles, every character is
     * printed inside the block (wrapped and shrunk, never cut), so what a reader copies from the flattened page
     * holds the KT. line, the signer's own title and the whole name.
     */
    @Test
    void anyNameAndTitleFitTheSignatureBlockWhole() throws Exception {
        String name = "Tôn Nữ Thị Hoàng Phương Quỳnh Nguyễn Phước Bửu Chánh Vĩnh San Thừa Thiên Huế "
                + "Đặng Trần Côn Phạm Thái Nguyễn Gia Thiều Huỳnh Thúc Kháng Võ Nguyên Giáp";
        List<String> titles = List.of("KT. GIÁM ĐỐC SỞ Y TẾ THÀNH PHỐ HỒ CHÍ MINH",
                "PHÓ GIÁM ĐỐC PHỤ TRÁCH CÔNG TÁC NGHIỆP VỤ DƯỢC VÀ MỸ PHẨM");
        // a certificate's common name stops at 64 characters (RFC 5280); the printed name does not
        byte[] signed = signer.sign(form(), new Request(Signer.officialAlias(LEADER), Level.B_B,
                new Appearance.Handwritten(BLOCK, titles, name), "Phê duyệt", "Hà Nội"));
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            List<PDField> fields = new java.util.ArrayList<>();
            form.getFieldTree().forEach(fields::add);
            var rectangle = fields.getFirst().getWidgets().getFirst().getRectangle();
            assertThat(rectangle.getWidth()).isEqualTo(Block.WIDTH);
            form.flatten(fields, false);
            // only what lies inside the block counts (PDF y runs up, the stripper's y down)
            float height = document.getPage(0).getMediaBox().getHeight();
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("block", new java.awt.geom.Rectangle2D.Float(BLOCK.x(),
                    height - BLOCK.y() - Block.HEIGHT, Block.WIDTH, Block.HEIGHT));
            stripper.extractRegions(document.getPage(0));
            String text = stripper.getTextForRegion("block").replaceAll("\\s+", "");
            assertThat(text).contains(name.replaceAll("\\s+", ""));
            for (String title : titles) {
                assertThat(text).contains(title.replaceAll("\\s+", ""));
            }
        }
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
        int cades = Pdfsig.cadesSignatures(report);
        assertThat(Pdfsig.validCadesSignatures(report)).as(report).isEqualTo(cades);
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
    void blueSignatureSitsBetweenTitleAndNameAndTheRedSealCoversItsLeftThird() {
        assertBlueSignatureAndRedSealOnItsLeftThird(PageImages.render(sealed, 0).save("signed-page.png"), BLOCK);
    }

    /** Decree 30 Appendix I: blue in the right two thirds of the signature image, red (the seal) on its left third. */
    static void assertBlueSignatureAndRedSealOnItsLeftThird(PageImages page, Block block) {
        PadesSigner.Area image = block.image();
        float third = image.width() / 3;
        assertThat(page.count(image.x() + third, image.y(), image.width() - third, image.height(),
                PageImages.Colour.BLUE)).isGreaterThan(100);
        assertThat(page.count(image.x(), image.y(), third, image.height(), PageImages.Colour.RED))
                .isGreaterThan(100);
        assertThat(page.count(image.x() + third + 10, image.y(), image.width() - third - 10, image.height(),
                PageImages.Colour.RED)).isZero();
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

    private static Reports dss(byte[] pdf, boolean online) {
        return Dss.validate(pdf, pki, online);
    }
}
