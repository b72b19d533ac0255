package vn.motcua.portal.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.dossier.DossierCommand;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.process.ResultDocuments;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.eoffice.register.DocumentRegisters;
import vn.motcua.eoffice.register.Series;
import vn.motcua.eoffice.signing.OutgoingDocumentPdf;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.process.ResultKind;

/**
 * The result as the law issues it (Decree 30/2020/ND-CP Art. 13, 15, Appendix I): for each procedure, a document of
 * its own kind, filled from the dossier's form, signed by the leader in their own name with the KT. lines, numbered
 * in the register of its kind, dated at the agency's place, sealed — and valid for an independent checker (pdfsig).
 */
class IssuedResultsTest extends IntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A valid form of each procedure, and a text the result must print from it. */
    private static final Map<String, String[]> FORMS = Map.of(
            COSMETICS, new String[] {"""
                    {"productName":"Kem dưỡng da Sen Việt","brand":"Sen Việt",
                     "responsibleOrganisation":"Công ty TNHH Mỹ phẩm Sen Việt"}""", "Kem dưỡng da Sen Việt",
                    "Công ty TNHH Mỹ phẩm Sen Việt"},
            "BYT.KCB.01", new String[] {"""
                    {"fullName":"Nguyễn Văn An","dateOfBirth":"1990-05-12","idNumber":"001099012345",
                     "professionalTitle":"Bác sỹ","qualification":{"degree":"Bác sỹ y khoa",
                     "issuedBy":"Trường Đại học Y Hà Nội"},"practiceScope":"Khám bệnh, chữa bệnh chuyên khoa nội"}""",
                    "Khám bệnh, chữa bệnh chuyên khoa nội", "12/05/1990"},
            "BYT.DUOC.01", new String[] {"""
                    {"fullName":"Nguyễn Văn An","dateOfBirth":"1990-05-12","idNumber":"001099012345",
                     "qualification":"Đại học ngành dược",
                     "practicePositions":["Người chịu trách nhiệm chuyên môn về dược của nhà thuốc"],
                     "practiceMonths":24}""", "Đại học ngành dược", "Người chịu trách nhiệm chuyên môn về dược"},
            "BYT.DUOC.02", new String[] {"""
                    {"fullName":"Nguyễn Văn An","dateOfBirth":"1990-05-12","idNumber":"001099012345",
                     "certificateNumber":"1234/CCHND-SYT-HN","reason":"LOST"}""", "1234/CCHND-SYT-HN", "Bị mất"},
            "BYT.DUOC.03", new String[] {"""
                    {"establishmentName":"Nhà thuốc Sen Việt","establishmentType":"PHARMACY",
                     "address":"Số 5 Hàng Bài, Hoàn Kiếm, Hà Nội","businessRegistrationNumber":"01A8012345",
                     "responsiblePharmacist":{"fullName":"Trần Thị Bình","certificateNumber":"1234/CCHND-SYT-HN"}}""",
                    "Nhà thuốc Sen Việt", "Trần Thị Bình"},
            "BYT.DUOC.04", new String[] {"""
                    {"establishmentName":"Công ty TNHH Dược phẩm Sen Việt","address":"Số 5 Hàng Bài, Hà Nội",
                     "certificateNumber":"567/ĐKKDD-HNO","request":"REISSUE",
                     "reason":"Giấy chứng nhận bị hư hỏng"}""", "Công ty TNHH Dược phẩm Sen Việt", "Cấp lại"});

    @Autowired
    private ProcedureCatalogue catalogue;
    @Autowired
    private DocumentRegisters registers;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private ResultDocuments resultDocuments;
    @Autowired
    private CommandGateway commands;

    @Test
    void everyProcedureEndsInANumberedSignedResultOfItsKind() throws Exception {
        String dateLine = new OutgoingDocumentPdf.Numbering("x", LocalDate.now(VIETNAM), "Hà Nội").dateLine();
        for (Procedure procedure : catalogue.all()) {
            String code = returned(procedure, true);
            byte[] pdf = result(code);
            assertThat(Pdfsig.validSignatures(pdf)).as(procedure.code() + ": leader and seal").isEqualTo(2);
            String text = flattenedText(pdf);
            ResultKind kind = procedure.result();
            assertThat(number(text, kind)).as(procedure.code()).isPositive();
            assertThat(text).as(procedure.code()).contains(squeezed(kind.title()), squeezed(dateLine),
                    "UBNDTHÀNHPHỐHÀNỘI", "SỞYTẾHÀNỘI", "KT.GIÁMĐỐC", "PHÓGIÁMĐỐC", "ĐặngQuốcViệt",
                    squeezed(FORMS.get(procedure.code())[1]),
                    squeezed(FORMS.get(procedure.code())[2]), code);
            assertThat(text).as("no placeholder").doesNotContain("LÃNHĐẠOĐƠNVỊ", "{", "null");
        }
    }

    @Test
    void numbersRunPerKindAndAgencyWhateverElseIsIssued() throws Exception {
        ResultKind licence = catalogue.find("BYT.KCB.01").orElseThrow().result();
        ResultKind certificate = catalogue.find("BYT.DUOC.01").orElseThrow().result();
        int first = number(flattenedText(result(returned(catalogue.find("BYT.KCB.01").orElseThrow(), true))), licence);
        int other = number(flattenedText(result(returned(catalogue.find("BYT.DUOC.01").orElseThrow(), true))),
                certificate);
        int second = number(flattenedText(result(returned(catalogue.find("BYT.KCB.01").orElseThrow(), true))),
                licence);
        assertThat(second).as("the next licence, whatever certificates came between").isEqualTo(first + 1);
        assertThat(other).isPositive();
    }

    @Test
    void aRejectionIsANumberedWrittenAnswerWithItsReasons() throws Exception {
        String code = returned(catalogue.find(COSMETICS).orElseThrow(), false);
        byte[] pdf = result(code);
        assertThat(Pdfsig.validSignatures(pdf)).isEqualTo(2);
        String text = flattenedText(pdf);
        assertThat(text).contains("THÔNGBÁO", squeezed("Về việc không chấp thuận hồ sơ"),
                squeezed("Thành phần chưa đạt yêu cầu ghi nhãn"), "KT.GIÁMĐỐC");
        assertThat(Pattern.compile("Số:\\d{2,}/TB-SYT").matcher(text).find()).as(text).isTrue();
    }

    /**
     * A dossier decided before the leader signed at the decision: its DossierApproved (appended here as the older
     * engine recorded it) carries no signed draft, and its older process goes from the approval straight to
     * reception's return. The result is still issued there: drafted, signed by the leader who decided, numbered and
     * sealed at once, and returned as issued.
     */
    @Test
    void aDossierDecidedBeforeTheLeaderSignedAtTheDecisionIsStillIssuedAndReturned() throws Exception {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"FAVOURABLE","comment":"Đạt"}""");
        checkedByUnitHead(code);
        Actor leader = new Actor("leader-hn", "Đặng Quốc Việt (Phó Giám đốc Sở Y tế Hà Nội)", Role.LEADER, HANOI);
        Actor reception = new Actor("reception-hn", "Lê Thị Thu (Một cửa Sở Y tế Hà Nội)", Role.RECEPTION, HANOI);
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Dossier", code,
                eventStore.lastSequenceNumberFor(code).orElseThrow() + 1,
                new DossierEvent.DossierApproved(code, "Đồng ý cấp", List.of(), leader, java.time.Instant.now()))));

        ResultDocuments.IssuedResult issued = transaction.execute(status -> {
            ResultDocuments.IssuedResult result = resultDocuments.numberAndSeal(code, reception);
            commands.sendAndWait(new DossierCommand.IssueResult(code, result.kind(), result.title(), result.number(),
                    result.symbol(), result.issuedOn(), result.holder(), result.documents(), reception));
            commands.sendAndWait(new DossierCommand.ReturnResult(code, "Trả kết quả", result.documents(), reception));
            return result;
        });

        byte[] pdf = result(code);
        assertThat(DocumentStore.sha256(pdf)).isEqualTo(issued.documents().getFirst().sha256());
        assertThat(Pdfsig.validSignatures(pdf)).as("leader and seal").isEqualTo(2);
        assertThat(flattenedText(pdf)).contains("KT.GIÁMĐỐC", "ĐặngQuốcViệt",
                squeezed(catalogue.find(COSMETICS).orElseThrow().result().title()), code);
    }

    /** GET /dossiers/{code}/result: the applicant and inspectors get the PDF; another citizen the 404 of nothing. */
    @Test
    void theResultDoorServesWhoeverMaySeeTheDossier() throws Exception {
        String code = decidedAndReturned("citizen-a");
        byte[] issued = result(code);
        Api.Response owner = as("citizen-a").get("/api/v1/dossiers/" + code + "/result");
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(owner.bytes()).isEqualTo(issued);
        assertThat(as("inspector").get("/api/v1/dossiers/" + code + "/result").bytes()).isEqualTo(issued);
        assertThat(as("reception-hn").get("/api/v1/dossiers/" + code + "/result").status()).isEqualTo(200);
        Api.Response stranger = as("citizen-b").get("/api/v1/dossiers/" + code + "/result");
        Api.Response otherUnit = as("reception-hcm").get("/api/v1/dossiers/" + code + "/result");
        Api.Response unknown = as("citizen-b").get("/api/v1/dossiers/" + code.substring(0, code.length() - 4)
                + "9999/result");
        for (Api.Response hidden : List.of(stranger, otherUnit)) {
            assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
            assertThat(hidden.json().get("type")).isEqualTo(unknown.json().get("type"));
        }
        Api.Response notYet = as("citizen-a").get("/api/v1/dossiers/" + submitted("citizen-a") + "/result");
        assertThat(notYet.status()).as(notYet.toString()).isEqualTo(404);
        assertThat(notYet.json().path("title").asText()).isNotBlank();
        Path saved = Path.of("target", "issued-results");
        Files.createDirectories(saved);
        Files.write(saved.resolve("result-" + code + ".pdf"), issued);
    }

    /** Twenty issues at once take 1..20 in a fresh register; a new year starts again at 1. */
    @Test
    void numbersAreGapFreeUnderConcurrencyAndRestartEachYear() throws Exception {
        String agency = "TEST-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> issued = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                issued.add(pool.submit(() -> transaction.execute(status ->
                        registers.nextNumber(agency, ResultKind.register("GPHN"), Series.ORDINARY, 2026))));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> number : issued) {
                numbers.add(number.get());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20)
                    .boxed().toList());
        } finally {
            pool.shutdown();
        }
        Integer nextYear = transaction.execute(status -> registers.nextNumber(agency, ResultKind.register("GPHN"),
                Series.ORDINARY, 2027));
        Integer otherKind = transaction.execute(status -> registers.nextNumber(agency, ResultKind.register("CCHND"),
                Series.ORDINARY, 2026));
        assertThat(nextYear).isEqualTo(1);
        assertThat(otherKind).as("another kind, its own count").isEqualTo(1);
    }

    /**
     * Walks a dossier of {@code procedure} to its returned result, approved or rejected: appraised (and inspected on
     * site where the procedure requires it), checked by the unit head, decided and signed by the leader, numbered and
     * sealed by the clerk, returned by reception.
     */
    private String returned(Procedure procedure, boolean approve) {
        String json = """
                {"procedureCode":"%s","unitId":"%s",
                 "applicant":{"fullName":"Nguyễn Văn An","idNumber":"001099012345","phone":"0912345678",
                              "email":"applicant@example.vn","address":"Số 1 Tràng Tiền, Hà Nội"},
                 "form":%s}""".formatted(procedure.code(), HANOI, FORMS.get(procedure.code())[0]);
        Api.Response submitted = submit("citizen-a", json, "don.pdf", pdf("Don de nghi " + procedure.code()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String code = submitted.json().get("code").asText();
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        if (procedure.feeVnd() > 0) {
            pay(code, "citizen-a");
        }
        decideOk("specialist-hn", code, "appraisal", approve ? """
                {"outcome":"FAVOURABLE","comment":"Đạt"}""" : """
                {"outcome":"UNFAVOURABLE","comment":"Thành phần chưa đạt yêu cầu ghi nhãn"}""");
        if (procedure.code().equals("BYT.DUOC.03")) {
            decideOk("specialist-hn", code, "onSiteInspection", """
                    {"outcome":"PASSED","comment":"Cơ sở đạt GPP"}""");
        }
        checkedByUnitHead(code);
        decideOk("leader-hn", code, "approval", approve ? """
                {"outcome":"APPROVE","comment":"Đồng ý cấp"}""" : """
                {"outcome":"REJECT","comment":"Không đáp ứng quy định về ghi nhãn mỹ phẩm"}""");
        issuedByClerk(code);
        decideOk("reception-hn", code, "returnResult", """
                {"outcome":"RETURN_RESULT","comment":"Trả kết quả trực tuyến"}""");
        return code;
    }

    /** The signed result the applicant downloads (the document of the ResultReturned step). */
    private byte[] result(String code) {
        JsonNode returned = null;
        for (JsonNode step : as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json()) {
            if (step.get("type").asText().equals("ResultReturned")) {
                returned = step;
            }
        }
        assertThat(returned).as(code).isNotNull();
        Api.Response download = as("citizen-a").get("/api/v1/dossiers/" + code + "/documents/"
                + returned.at("/documents/0/sha256").asText());
        assertThat(download.status()).isEqualTo(200);
        return download.bytes();
    }

    /** What a reader sees: every field and signature appearance flattened into the page, without whitespace. */
    private static String flattenedText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            List<PDField> fields = new ArrayList<>();
            form.getFieldTree().forEach(fields::add);
            form.flatten(fields, false);
            return squeezed(new PDFTextStripper().getText(document));
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The number in "Số: …" printed with the kind's symbol. */
    private static int number(String text, ResultKind kind) {
        String year = "%02d".formatted(LocalDate.now(VIETNAM).getYear() % 100);
        String symbol = Pattern.quote(kind.symbol()).replace("{number}", "\\E(\\d{2,})\\Q")
                .replace("{yy}", year).replace("{issuer}", "SYT");
        Matcher matcher = Pattern.compile("Số:" + symbol).matcher(text);
        assertThat(matcher.find()).as("number " + kind.symbol() + " in " + text).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Debian's pdfsig (poppler-utils, installed by scripts/setup.sh), an independent checker. */
    static final class Pdfsig {
        static int validSignatures(byte[] pdf) throws Exception {
            Path tool = Path.of("/usr/bin/pdfsig");
            assertThat(Files.isExecutable(tool)).as("pdfsig is missing: run scripts/setup.sh").isTrue();
            Path file = Files.createTempFile("result", ".pdf");
            Files.write(file, pdf);
            Process process = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Files.delete(file);
            assertThat(out).as(out).doesNotContain("Signature is Invalid", "Digest Mismatch");
            return out.split("Signature is Valid\\.", -1).length - 1;
        }
    }
}
