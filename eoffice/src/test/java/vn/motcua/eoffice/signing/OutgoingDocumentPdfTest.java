package vn.motcua.eoffice.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.OutgoingDocumentPdf.Agency;
import vn.motcua.eoffice.signing.OutgoingDocumentPdf.Leader;
import vn.motcua.eoffice.signing.OutgoingDocumentPdf.Numbering;
import vn.motcua.eoffice.signing.PadesSigner.Area;
import vn.motcua.eoffice.signing.PadesSigner.Block;
import vn.motcua.eoffice.signing.PageImages.Colour;
import vn.motcua.eoffice.signing.PdfSignatureVerifier.Kind;
import vn.motcua.eoffice.signing.PdfSignatureVerifier.SignatureReport;

/**
 * An outgoing decision of three pages through the production path of its PDF (the calls DocumentWorkflow
 * makes): the leader signs, then the number and date are stamped, the agency seals and the file is archived.
 * Every check is one a person (or the receiving agency's software) would make on the file.
 */
class OutgoingDocumentPdfTest {

    private static final String LEADER = "viet.dq";
    private static final String LEADER_NAME = "Đặng Quốc Việt";
    private static final String UNIT = "000.00.16.H26";
    private static final String AGENCY_NAME = "Sở Y tế Hà Nội";
    private static final String NUMBER_LINE = "Số: 05/QĐ-SYT";
    private static final String DATE_LINE = "Hà Nội, ngày 22 tháng 11 năm 2026";
    private static final int PAGES = 3;

    @TempDir
    static Path directory;
    static DevPki pki;
    static PdfSignatureVerifier verifier;
    static byte[] draft;
    /** After the leader's step. */
    static byte[] signed;
    /** After the seal step: numbered, sealed, archived (B-LTA). */
    static byte[] archived;
    /** The revision the agency's seal signature covers (numbered and sealed, before archiving): B-T. */
    static byte[] sealed;
    /** An attachment in a separate file, as drafted. */
    static byte[] annex;
    /** The attachment after the seal step: signed by the agency with the stamp of number and time, B-LTA. */
    static byte[] annexArchived;
    /** The revision the agency's signature on the attachment covers: B-T. */
    static byte[] annexSealed;

    @BeforeAll
    static void signNumberAndSeal() throws Exception {
        Clock clock = Clock.systemUTC();
        pki = DevPki.open(directory.resolve("pki"), "test".toCharArray(), AGENCY_NAME, "http://localhost/api/v1/pki/",
                clock);
        pki.enrolOfficial(LEADER, LEADER_NAME, UNIT);
        pki.enrolSeal(UNIT, AGENCY_NAME);
        verifier = PdfSignatureVerifier.trustingDevRoot(pki, clock);
        OutgoingDocumentPdf pdf = new OutgoingDocumentPdf(new PadesSigner(pki.signer(),
                new EmbeddedTimestampAuthority(pki.timestampingKey(), clock), clock));
        Agency agency = new Agency(Signer.sealAlias(UNIT), AGENCY_NAME);

        draft = Drafts.decision(PAGES);
        signed = pdf.signByLeader(draft, new Leader(Signer.officialAlias(LEADER), "Phó Giám đốc", LEADER_NAME),
                agency);
        Numbering numbering = new Numbering("05/QĐ-SYT", LocalDate.of(2026, 11, 22), "Hà Nội");
        archived = pdf.numberSealAndArchive(signed, numbering, agency, List.of(pki.crl(), pki.rootCrl()));
        sealed = revisionSignedBy(archived, 1);
        annex = Drafts.annex("Danh sách cơ sở được kiểm tra");
        annexArchived = pdf.sealAttachmentAndArchive(annex, numbering, agency, List.of(pki.crl(), pki.rootCrl()));
        annexSealed = revisionSignedBy(annexArchived, 0);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "outgoing-archived.pdf"), archived);
        Files.write(Path.of("target", "outgoing-annex-archived.pdf"), annexArchived);
    }

    @Test
    void everyStepIsAnIncrementalUpdateSoTheLeadersRevisionStaysByteForByte() {
        assertThat(Arrays.copyOf(archived, signed.length)).isEqualTo(signed);
        assertThat(revisionSignedBy(archived, 0)).isEqualTo(signed);
        assertThat(Arrays.copyOf(archived, draft.length)).isEqualTo(draft);
        // between the leader's revision and the seal's: the stamp, a revision of its own
        assertThat(sealed.length).isGreaterThan(signed.length);
        assertThat(new String(sealed, signed.length, sealed.length - signed.length,
                java.nio.charset.StandardCharsets.ISO_8859_1)).contains("%%EOF").contains("(soKyHieu)")
                .contains("(diaDanhNgayThang)");
    }

    @Test
    void pdfsigFindsTheLeadersAndTheAgencysSignaturesValid() throws Exception {
        String report = pdfsig(archived);
        assertThat(Pdfsig.cadesSignatures(report)).as(report).isEqualTo(2);
        assertThat(Pdfsig.validCadesSignatures(report)).as(report).isEqualTo(2);
        assertThat(report).contains("Signer Certificate Common Name: " + LEADER_NAME)
                .contains("Signer Certificate Common Name: " + AGENCY_NAME);
        // pdfsig 22.12 cannot check an ETSI.RFC3161 document time-stamp ("Unimplemented Feature"); it sees it
        // over the whole file, from our TSA. DSS and PdfSignatureVerifier check it below.
        assertThat(report).contains("Signature #3:").contains("Total document signed")
                .contains("Common Name: motcua dev time-stamping authority");
        String sealedReport = pdfsig(sealed);
        assertThat(Pdfsig.validCadesSignatures(sealedReport)).as(sealedReport).isEqualTo(2);
    }

    @Test
    void euDssPassesTheLeaderAndTheSealAtBaselineT() {
        Reports reports = Dss.validate(sealed, pki, true);
        SimpleReport simple = reports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(2);
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
            assertThat(simple.getIndication(id)).as(reports.getXmlSimpleReport()).isEqualTo(Indication.TOTAL_PASSED);
        }
        assertThat(simple.getSignatureIdList()).extracting(simple::getSignedBy)
                .containsExactlyInAnyOrder(LEADER_NAME, AGENCY_NAME);
    }

    /**
     * DSS compares each signed revision with the final file: for the leader's signature it sees the stamp as two
     * annotations created (form fields with appearances) and the seal as a signature created, with no change of
     * the page content, no visual difference and no change it cannot classify. Its one warning on PDF changes is
     * the seal overlapping the signature on the last page, which is what Decree 30 asks for.
     */
    @Test
    void euDssSeesTheStampAsAddedAnnotationsAfterTheLeadersSignature() {
        Reports reports = Dss.validate(sealed, pki, true);
        SignatureWrapper leader = reports.getDiagnosticData().getSignatures().stream()
                .filter(signature -> LEADER_NAME.equals(signature.getSignerName())).findFirst().orElseThrow();
        assertThat(leader.getModifiedFieldNames()).contains(OutgoingDocumentPdf.NUMBER_FIELD,
                OutgoingDocumentPdf.DATE_FIELD);
        assertThat(leader.getPdfAnnotationChanges()).hasSize(2);
        assertThat(leader.getPdfUndefinedChanges()).isEmpty();
        assertThat(leader.getPdfPageDifferenceConcernedPages()).isEmpty();
        assertThat(leader.getPdfVisualDifferenceConcernedPages()).isEmpty();
        assertThat(leader.getPdfAnnotationsOverlapConcernedPages()).containsExactly(BigInteger.valueOf(PAGES));
        assertThat(reports.getSimpleReport().getIndication(leader.getId())).isEqualTo(Indication.TOTAL_PASSED);
        SignatureWrapper seal = reports.getDiagnosticData().getSignatures().stream()
                .filter(signature -> AGENCY_NAME.equals(signature.getSignerName())).findFirst().orElseThrow();
        assertThat(seal.arePdfObjectModificationsDetected()).isFalse();
    }

    @Test
    void euDssPassesTheArchivedFileAtBaselineLta() {
        Reports reports = Dss.validate(archived, pki, false);
        SimpleReport simple = reports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(2);
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
            assertThat(simple.getIndication(id)).as(reports.getXmlSimpleReport()).isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void verifierFindsTheLeaderTheSealAndTheArchiveTimestampValid() {
        PdfSignatureVerifier.Report report = verifier.verify(archived);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.modified()).isFalse();
        assertThat(report.signatures()).extracting(SignatureReport::signer)
                .containsExactly(LEADER_NAME, AGENCY_NAME, "motcua dev time-stamping authority");
        assertThat(report.signatures()).extracting(SignatureReport::kind)
                .containsExactly(Kind.SIGNATURE, Kind.SIGNATURE, Kind.DOCUMENT_TIMESTAMP);
    }

    @Test
    void aOneByteChangeIsReportedAsModified() {
        // in the draft's bytes: every signature breaks
        byte[] inDraft = archived.clone();
        inDraft[draft.length / 2] ^= 0x01;
        PdfSignatureVerifier.Report all = verifier.verify(inDraft);
        assertThat(all.valid()).isFalse();
        assertThat(all.signatures()).as(all.toString()).hasSize(3).allMatch(SignatureReport::modified);

        // in the stamp's revision: the leader signed before it and stays valid, the seal and archive break
        byte[] inStamp = archived.clone();
        int stamp = indexOf(archived, "(diaDanhNgayThang)", signed.length);
        inStamp[stamp + 2] ^= 0x01;
        PdfSignatureVerifier.Report later = verifier.verify(inStamp);
        assertThat(later.valid()).isFalse();
        assertThat(later.signatures()).extracting(SignatureReport::modified).as(later.toString())
                .containsExactly(false, true, true);
        assertThat(later.signatures().getFirst().valid()).isTrue();
    }

    @Test
    void numberIsTopLeftAndDateTopRightOfPageOneWhereTheDraftLeftThemBlank() {
        PageImages before = PageImages.render(signed, 0);
        PageImages after = PageImages.render(archived, 0).save("outgoing-page-1.png");
        Area number;
        Area date;
        try (PDDocument document = Loader.loadPDF(archived)) {
            number = OutgoingDocumentPdf.numberArea(document.getPage(0).getMediaBox());
            date = OutgoingDocumentPdf.dateArea(document.getPage(0).getMediaBox());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        float middle = 595.28f / 2;
        assertThat(number.x() + number.width()).isLessThanOrEqualTo(middle);
        assertThat(date.x() + date.width()).isGreaterThan(middle + 200);
        assertThat(number.y()).isGreaterThan(842 - 130);
        assertThat(date.y()).isEqualTo(number.y());

        assertThat(before.count(number, Colour.DARK)).isZero();
        assertThat(before.count(date, Colour.DARK)).isZero();
        assertThat(after.count(number, Colour.DARK)).isGreaterThan(150);
        assertThat(after.count(date, Colour.DARK)).isGreaterThan(150);
        // the issuer's name and the motto above were there before, and are unchanged
        Area header = new Area(0, number.y() + number.height(), 595, 842 - number.y() - number.height());
        assertThat(before.count(header, Colour.DARK)).isGreaterThan(500).isEqualTo(after.count(header, Colour.DARK));
    }

    @Test
    void numberAndDateAreReadOnlyFieldsWhoseValueIsTheTextAndWhoseGlyphsMapToVietnamese() throws Exception {
        try (PDDocument document = Loader.loadPDF(archived)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            PDTextField number = (PDTextField) form.getField(OutgoingDocumentPdf.NUMBER_FIELD);
            PDTextField date = (PDTextField) form.getField(OutgoingDocumentPdf.DATE_FIELD);
            assertThat(number.getValueAsString()).isEqualTo(NUMBER_LINE);
            assertThat(date.getValueAsString()).isEqualTo(DATE_LINE);
            assertThat(number.isReadOnly()).isTrue();
            assertThat(date.isReadOnly()).isTrue();
            assertThat(number.getWidgets().getFirst().getPage()).isEqualTo(document.getPage(0));
            assertThat(document.getPage(0).getAnnotations()).contains(number.getWidgets().getFirst(),
                    date.getWidgets().getFirst());
            // the appearance embeds Liberation Serif (a subset), not a font the viewer may lack
            var fonts = date.getWidgets().getFirst().getNormalAppearanceStream().getResources();
            var font = fonts.getFont(fonts.getFontNames().iterator().next());
            assertThat(font.getName()).endsWith("LiberationSerif-Italic");
            assertThat(font.isEmbedded()).isTrue();

            // what a reader copies from the page: flattened, the appearances become page text
            form.flatten(List.of(number, date), false);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(document)).contains(NUMBER_LINE).contains(DATE_LINE);
        }
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(document.getDocumentCatalog().getAcroForm(null).getField(OutgoingDocumentPdf.NUMBER_FIELD))
                    .isNull();
        }
    }

    @Test
    void lastPageShowsTheBlueSignatureUnderTheRedSealBottomRight() {
        Block block = OutgoingDocumentPdf.signatureBlock(draft);
        assertThat(block.page()).isEqualTo(PAGES - 1);
        assertThat(block.x()).isGreaterThan(595.28f / 2);
        assertThat(block.y()).isLessThan(842 / 3f);
        PageImages last = PageImages.render(archived, PAGES - 1).save("outgoing-last-page.png");
        PadesSignerTest.assertBlueSignatureAndRedSealOnItsLeftThird(last, block);
        PageImages first = PageImages.render(archived, 0);
        assertThat(first.count(block.area(), Colour.BLUE) + first.count(block.area(), Colour.RED)).isZero();
    }

    @Test
    void pdfsigFindsTheAgencysSignatureOnTheAttachmentValid() throws Exception {
        String report = pdfsig(annexArchived);
        assertThat(Pdfsig.cadesSignatures(report)).as(report).isEqualTo(1);
        assertThat(Pdfsig.validCadesSignatures(report)).as(report).isEqualTo(1);
        assertThat(report).contains("Signer Certificate Common Name: " + AGENCY_NAME)
                .doesNotContain("Signer Certificate Common Name: " + LEADER_NAME)
                .contains("Signature #2:").contains("Total document signed");
        assertThat(Pdfsig.validCadesSignatures(pdfsig(annexSealed))).isEqualTo(1);
    }

    @Test
    void euDssPassesTheAttachmentAtBaselineTWhenSealedAndAtBaselineLtaWhenArchived() {
        Reports sealedReports = Dss.validate(annexSealed, pki, true);
        SimpleReport simple = sealedReports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(1);
        String id = simple.getSignatureIdList().getFirst();
        assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(simple.getIndication(id)).as(sealedReports.getXmlSimpleReport()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(simple.getSignedBy(id)).isEqualTo(AGENCY_NAME);

        Reports archivedReports = Dss.validate(annexArchived, pki, false);
        SimpleReport lta = archivedReports.getSimpleReport();
        assertThat(lta.getSignatureIdList()).hasSize(1);
        String ltaId = lta.getSignatureIdList().getFirst();
        assertThat(lta.getSignatureFormat(ltaId)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        assertThat(lta.getIndication(ltaId)).as(archivedReports.getXmlSimpleReport())
                .isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void verifierFindsTheAttachmentSealedByTheAgencyAndAOneByteChangeModified() {
        assertThat(Arrays.copyOf(annexArchived, annex.length)).isEqualTo(annex);
        PdfSignatureVerifier.Report report = verifier.verify(annexArchived);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).extracting(SignatureReport::signer)
                .containsExactly(AGENCY_NAME, "motcua dev time-stamping authority");
        assertThat(report.signatures()).extracting(SignatureReport::kind)
                .containsExactly(Kind.SIGNATURE, Kind.DOCUMENT_TIMESTAMP);

        byte[] changed = annexArchived.clone();
        changed[annex.length / 2] ^= 0x01;
        PdfSignatureVerifier.Report broken = verifier.verify(changed);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.modified()).isTrue();
        assertThat(broken.signatures()).as(broken.toString()).hasSize(2).allMatch(SignatureReport::modified);
    }

    /**
     * Decree 30 Appendix I: the attachment carries no signature image; the number/symbol of the document and the
     * signing time (ISO 8601, Vietnam time) stand in black at the top right of page 1, where the page was blank.
     */
    @Test
    void attachmentShowsNumberAndTimeTopRightInBlackAndNoImage() throws Exception {
        Area stamp;
        try (PDDocument document = Loader.loadPDF(annexArchived)) {
            PDSignature signature = document.getSignatureDictionaries().getFirst();
            var field = document.getSignatureFields().stream()
                    .filter(candidate -> candidate.getSignature() != null
                            && candidate.getSignature().getCOSObject().equals(signature.getCOSObject()))
                    .findFirst().orElseThrow();
            var widget = field.getWidgets().getFirst();
            assertThat(widget.getPage()).isEqualTo(document.getPage(0));
            var rectangle = widget.getRectangle();
            stamp = new Area(rectangle.getLowerLeftX(), rectangle.getLowerLeftY(), rectangle.getWidth(),
                    rectangle.getHeight());

            form(document).flatten(List.of(field), false);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String text = stripper.getText(document);
            assertThat(text).contains(NUMBER_LINE);
            java.time.ZonedDateTime signedAt = java.time.ZonedDateTime.parse(java.util.regex.Pattern
                    .compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00").matcher(text).results()
                    .findFirst().orElseThrow(() -> new AssertionError("no ISO 8601 time in " + text)).group());
            assertThat(signedAt.toInstant()).isEqualTo(signature.getSignDate().toInstant());
        }
        assertThat(stamp.x()).isGreaterThan(595.28f / 2);
        assertThat(stamp.y()).isGreaterThan(842 - 25 * 72 / 25.4f);
        PageImages before = PageImages.render(annex, 0);
        PageImages after = PageImages.render(annexArchived, 0).save("outgoing-annex-page-1.png");
        assertThat(before.count(stamp, Colour.DARK)).isZero();
        assertThat(after.count(stamp, Colour.DARK)).isGreaterThan(150);
        Area page = new Area(0, 0, 595.28f, 842);
        assertThat(after.count(page, Colour.BLUE)).isZero();
        assertThat(after.count(page, Colour.RED)).isZero();
        assertThat(after.count(page, Colour.DARK) - before.count(page, Colour.DARK))
                .isEqualTo(after.count(stamp, Colour.DARK));
    }

    private static PDAcroForm form(PDDocument document) {
        return document.getDocumentCatalog().getAcroForm(null);
    }

    @Test
    void dateLineFollowsAppendixOne() {
        assertThat(new Numbering("05/QĐ-SYT", LocalDate.of(2026, 11, 22), "Hà Nội").dateLine()).isEqualTo(DATE_LINE);
        assertThat(new Numbering("01/TB-SYT", LocalDate.of(2027, 2, 5), "TP. Hồ Chí Minh").dateLine())
                .isEqualTo("TP. Hồ Chí Minh, ngày 05 tháng 02 năm 2027");
        assertThat(new Numbering("01/TB-SYT", LocalDate.of(2027, 3, 5), " Hà Nội ").dateLine())
                .isEqualTo("Hà Nội, ngày 05 tháng 3 năm 2027");
        assertThat(new Numbering("01/TB-SYT", LocalDate.of(2027, 12, 31), null).dateLine())
                .isEqualTo("ngày 31 tháng 12 năm 2027");
        assertThat(new Numbering("05/QĐ-SYT", LocalDate.of(2026, 11, 22), null).numberLine()).isEqualTo(NUMBER_LINE);
    }

    /** The bytes the {@code index}-th signature covers: the file as it was when that signature was added. */
    private static byte[] revisionSignedBy(byte[] pdf, int index) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(index);
            int[] range = signature.getByteRange();
            return Arrays.copyOf(pdf, range[2] + range[3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] data, String text, int from) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = from; i <= data.length - needle.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found");
    }

    private static String pdfsig(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(directory, "outgoing", ".pdf");
        Files.write(file, pdf);
        return Pdfsig.check(file);
    }
}
