package vn.motcua.eoffice.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.eoffice.forms.DossierRegister;
import vn.motcua.eoffice.forms.HandOver;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.forms.Pdfs;
import vn.motcua.eoffice.forms.ProcessControlForm;
import vn.motcua.eoffice.forms.RefusalForm;
import vn.motcua.eoffice.forms.ResultForm;
import vn.motcua.eoffice.forms.Samples;
import vn.motcua.eoffice.forms.SignedForms;
import vn.motcua.eoffice.forms.Timeliness;
import vn.motcua.engine.testing.MigratedPostgres;

/**
 * The forms of Circular 01/2018/TT-VPCP signed by {@link SignedForms}, the production class, against a real
 * PostgreSQL with every migration, the dev PKI and the embedded time-stamping authority: each of the six forms
 * as poppler's pdfsig and EU DSS see it, as our verifier sees it, as a person sees it, and kept rather than
 * signed again. It sits beside {@link Pdfsig} to use it.
 */
class SignedFormsTest {

    private static final String UNIT = "000.00.16.H26";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");

    @TempDir
    static Path directory;
    static MigratedPostgres database;
    static JdbcTemplate jdbc;
    static DevPki pki;
    static PdfSignatureVerifier verifier;
    static SignedForms signedForms;
    static final OneStopForms FORMS = new OneStopForms();
    /** Each form as first downloaded, by its name. */
    static final Map<String, byte[]> SIGNED = new LinkedHashMap<>();

    /** The six forms, each with the identifier its stamp shows. */
    enum Form {
        MAU_01("Mã hồ sơ: " + Samples.CODE, () -> signedForms.dossierForm(Samples.receipt(), UNIT)),
        MAU_02("Mã hồ sơ: " + Samples.CODE, () -> signedForms.dossierForm(Samples.supplementRequest(), UNIT)),
        MAU_03("Mã hồ sơ: " + Samples.CODE, () -> signedForms.dossierForm(Samples.refusal(), UNIT)),
        MAU_04("Số: 261122-0001/PXL-SYT", () -> signedForms.dossierForm(Samples.apology(), UNIT)),
        MAU_05("Mã hồ sơ: " + Samples.CODE, () -> signedForms.dossierForm(Samples.processControl(), UNIT)),
        MAU_06("Từ 01/11/2026 đến 30/11/2026", () -> signedForms.register(Samples.register(3), UNIT));

        final String identifier;
        final Supplier<SignedForms.Signed> download;

        Form(String identifier, Supplier<SignedForms.Signed> download) {
            this.identifier = identifier;
            this.download = download;
        }

        byte[] signed() {
            return SIGNED.get(name());
        }
    }

    @BeforeAll
    static void signEveryFormOnce() throws IOException {
        database = MigratedPostgres.start();
        javax.sql.DataSource dataSource = database.pool("app", 8);
        jdbc = new JdbcTemplate(dataSource);

        Clock clock = Clock.systemUTC();
        pki = DevPki.open(directory.resolve("pki"), "test".toCharArray(), "Sở Y tế Hà Nội",
                "http://localhost/api/v1/pki/", clock);
        verifier = PdfSignatureVerifier.trustingDevRoot(pki, clock);
        PadesSigner pades = new PadesSigner(pki.signer(),
                new EmbeddedTimestampAuthority(pki.timestampingKey(), clock), clock);
        MotcuaProperties properties = new MotcuaProperties(directory, VIETNAM,
                List.of(new MotcuaProperties.OrgUnit(UNIT, Samples.AGENCY, null)), null);
        signedForms = new SignedForms(FORMS, pades,
                new StaticListableBeanFactory(Map.of("devPki", pki)).getBeanProvider(DevPki.class), properties,
                new DocumentStore(jdbc, DataSize.ofMegabytes(10), vn.motcua.engine.document.BoundedPdf.withDefaults()), jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        for (Form form : Form.values()) {
            SIGNED.put(form.name(), form.download.get().pdf());
        }
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void pdfsigFindsTheAgencysSignatureValid(Form form) throws Exception {
        Path file = Files.createTempFile(directory, form.name(), ".pdf");
        Files.write(file, form.signed());

        String report = Pdfsig.check(file);

        assertThat(report).as(report).contains("Signature #1:").doesNotContain("Signature #2:")
                .contains("Signature Type: ETSI.CAdES.detached").contains("Signature is Valid.")
                .contains("Total document signed");
    }

    @ParameterizedTest
    @MethodSource("forms")
    void euDssFindsPadesBaselineTThatPassesAgainstTheDevRoot(Form form) {
        Reports reports = Dss.validate(form.signed(), pki, true);

        var simple = reports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(1);
        String id = simple.getFirstSignatureId();
        assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(simple.getIndication(id)).as(reports.getXmlSimpleReport()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @ParameterizedTest
    @MethodSource("forms")
    void verifierNamesTheAgencyAndCatchesAOneByteChange(Form form) {
        PdfSignatureVerifier.Report report = verifier.verify(form.signed());
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.signer()).isEqualTo(Samples.AGENCY);
            assertThat(signature.coversWholeDocument()).isTrue();
            assertThat(signature.timestampTime()).isNotNull();
        });

        byte[] changed = form.signed().clone();
        int position = changed.length / 3;
        changed[position] = (byte) (changed[position] ^ 0x01);
        PdfSignatureVerifier.Report broken = verifier.verify(changed);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.modified()).as(broken.toString()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void stampShowsTheIdentifierAndSigningTimeTopRightClearOfTheText(Form form) throws Exception {
        byte[] pdf = form.signed();
        PdfSignatureVerifier.SignatureReport signature = verifier.verify(pdf).signatures().getFirst();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            PDRectangle media = page.getMediaBox();
            PDRectangle stamp = page.getAnnotations().stream().filter(a -> "Widget".equals(a.getSubtype()))
                    .map(PDAnnotation::getRectangle).findFirst().orElseThrow();
            assertThat(stamp.getUpperRightX()).isGreaterThan(media.getWidth() - 40);
            assertThat(stamp.getUpperRightY()).isGreaterThan(media.getHeight() - 40);
            assertThat(textOverlapping(document, stamp)).as("text of the form under the stamp").isEmpty();

            // kept under target/ for a person to look at
            Path images = Files.createDirectories(Path.of("target", "signed-forms"));
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                    images.resolve(form.name().toLowerCase() + ".png").toFile());

            document.getDocumentCatalog().getAcroForm().flatten();
            String shown = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(shown).contains(form.identifier,
                    "Văn bản điện tử được ký số bởi " + Samples.AGENCY + ".");
            Matcher time = ISO_TIME.matcher(shown);
            assertThat(time.find()).as(shown).isTrue();
            assertThat(time.group())
                    .isEqualTo(PadesSigner.STAMP_TIME.format(signature.signingTime().atZone(VIETNAM)));
        }
    }

    @ParameterizedTest
    @MethodSource("dossierForms")
    void qrCodeAndTextStillReadFromTheSignedForm(Form form) throws Exception {
        assertThat(Pdfs.qrCode(form.signed())).isEqualTo(Samples.CODE);
        assertThat(Pdfs.text(form.signed())).contains(Samples.CODE, Samples.AGENCY.toUpperCase(
                Locale.forLanguageTag("vi")));
    }

    @Test
    void anUnchangedFormIsServedAsTheSameSignedFileAndAChangedOneIsSignedAnew() {
        int kept = rows();
        SignedForms.Signed again = signedForms.dossierForm(Samples.processControl(), UNIT);
        assertThat(again.pdf()).isEqualTo(Form.MAU_05.signed());
        assertThat(again.sha256()).isEqualTo(DocumentStore.sha256(Form.MAU_05.signed()));
        assertThat(rows()).isEqualTo(kept);

        ProcessControlForm before = Samples.processControl();
        List<HandOver> handOvers = new ArrayList<>(before.handOvers());
        handOvers.add(new HandOver("Trả kết quả", "Lê Thị Thu (Cán bộ Bộ phận Một cửa)", "Nguyễn Văn An",
                Instant.parse("2026-12-02T03:00:00Z"), Timeliness.LATE));
        ProcessControlForm after = new ProcessControlForm(before.agencyName(), before.dossierCode(),
                before.procedureName(), before.applicantName(), before.appointedReturnDate(), handOvers);
        SignedForms.Signed changed = signedForms.dossierForm(after, UNIT);

        assertThat(changed.pdf()).isNotEqualTo(Form.MAU_05.signed());
        assertThat(verifier.verify(changed.pdf()).valid()).isTrue();
        assertThat(Pdfs.text(changed.pdf())).contains("Trả kết quả");
        assertThat(rows()).isEqualTo(kept + 1);
        assertThat(signedForms.dossierForm(after, UNIT).pdf()).isEqualTo(changed.pdf());
        assertThat(signedForms.dossierForm(Samples.processControl(), UNIT).pdf()).isEqualTo(Form.MAU_05.signed());
    }

    @Test
    void concurrentFirstDownloadsAllGetTheOneCopyThatIsKept() throws Exception {
        RefusalForm form = new RefusalForm(Samples.AGENCY, "000.00.16.H26-261122-0042", Samples.PROCEDURE,
                Samples.AN, "Sản phẩm không thuộc phạm vi mỹ phẩm", Samples.RECEIVED, "Lê Thị Thu");
        int before = rows();
        int contents = jdbc.queryForObject("select count(*) from document_content", Integer.class);
        int downloads = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SignedForms.Signed>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(downloads)) {
            for (int i = 0; i < downloads; i++) {
                Callable<SignedForms.Signed> download = () -> {
                    start.await();
                    return signedForms.dossierForm(form, UNIT);
                };
                results.add(pool.submit(download));
            }
            start.countDown();
            byte[] first = results.getFirst().get().pdf();
            for (Future<SignedForms.Signed> result : results) {
                assertThat(result.get().pdf()).isEqualTo(first);
            }
            assertThat(verifier.verify(first).valid()).isTrue();
        }
        assertThat(rows()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from document_content", Integer.class))
                .as("the copies signed in vain are not stored").isEqualTo(contents + 1);
    }

    /**
     * What signing adds to a download, once the JVM is warm: rendering alone, a first download (render, sign
     * with a time-stamp, store) and a download of the kept copy (render, hash, read), as medians over fresh
     * dossiers. Printed for the record; machines differ too much for a timed assertion.
     */
    @Test
    void measuresWhatSigningAddsToADownload() {
        int runs = 9;
        long[] render = new long[runs];
        long[] first = new long[runs];
        long[] kept = new long[runs];
        for (int i = 0; i < runs; i++) {
            RefusalForm form = new RefusalForm(Samples.AGENCY, "000.00.16.H26-261123-%04d".formatted(i + 1),
                    Samples.PROCEDURE, Samples.AN, "Sản phẩm không thuộc phạm vi mỹ phẩm", Samples.RECEIVED,
                    "Lê Thị Thu");
            long start = System.nanoTime();
            FORMS.render(form);
            long rendered = System.nanoTime();
            byte[] signed = signedForms.dossierForm(form, UNIT).pdf();
            long signedAt = System.nanoTime();
            byte[] again = signedForms.dossierForm(form, UNIT).pdf();
            long keptAt = System.nanoTime();
            assertThat(again).isEqualTo(signed);
            render[i] = rendered - start;
            first[i] = signedAt - rendered;
            kept[i] = keptAt - signedAt;
        }
        System.out.printf("[SignedForms timing] Mẫu 03, median of %d: render only %.1f ms, first download "
                + "(render, sign B-T, store) %.1f ms, kept copy (render, hash, read) %.1f ms%n", runs,
                median(render), median(first), median(kept));

        var register = new DossierRegister(Samples.AGENCY, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), Samples.register(500).entries());
        long start = System.nanoTime();
        byte[] unsigned = FORMS.registerPdf(register);
        long rendered = System.nanoTime();
        byte[] signed = signedForms.register(register, UNIT).pdf();
        long signedAt = System.nanoTime();
        assertThat(signedForms.register(register, UNIT).pdf()).isEqualTo(signed);
        long keptAt = System.nanoTime();
        System.out.printf("[SignedForms timing] Mẫu 06 of 500 dossiers (%d pages, %d kB): render only %.1f ms, "
                + "first download %.1f ms, kept copy %.1f ms%n", Pdfs.pageSizes(unsigned).size(),
                signed.length / 1024, (rendered - start) / 1e6, (signedAt - rendered) / 1e6, (keptAt - signedAt) / 1e6);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    @Test
    void theResultIsNotAFormOfThisKind() {
        var result = new ResultForm(Samples.AGENCY, Samples.CODE, Samples.PROCEDURE,
                Samples.AN, true, "Chấp thuận", Samples.RECEIVED, "http://localhost/x");
        assertThatThrownBy(() -> signedForms.dossierForm(result, UNIT)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Form> forms() {
        return List.of(Form.values());
    }

    static List<Form> dossierForms() {
        return List.of(Form.MAU_01, Form.MAU_02, Form.MAU_03, Form.MAU_04, Form.MAU_05);
    }

    private static int rows() {
        return jdbc.queryForObject("select count(*) from signed_form", Integer.class);
    }

    /** Glyphs of page 1 whose box meets {@code area}. */
    private static List<String> textOverlapping(PDDocument document, PDRectangle area) throws IOException {
        List<String> found = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition glyph : positions) {
                    float baseline = glyph.getPageHeight() - glyph.getYDirAdj();
                    float size = glyph.getFontSizeInPt();
                    boolean acrossX = glyph.getXDirAdj() < area.getUpperRightX()
                            && glyph.getXDirAdj() + glyph.getWidthDirAdj() > area.getLowerLeftX();
                    boolean acrossY = baseline - 0.25f * size < area.getUpperRightY()
                            && baseline + 0.8f * size > area.getLowerLeftY();
                    if (acrossX && acrossY) {
                        found.add(glyph.getUnicode());
                    }
                }
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.getText(document);
        return found;
    }
}
