package vn.motcua.eoffice.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.dossier.report.Histories.at;
import static vn.motcua.engine.dossier.report.Histories.submitted;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.dossier.DossierEvent.Stage;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.report.DossierTimeline;
import vn.motcua.engine.dossier.report.Histories;
import vn.motcua.engine.dossier.report.OnTimeRule;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The forms filled from a dossier's typed events, for the cosmetic notification of {@link Histories}: submitted on
 * Monday 23/11/2026 at 08:00 and received at 09:00 with the result due on Thursday 26/11.
 */
class DossierFormsTest {

    private static final String AGENCY = "Sở Y tế Hà Nội";
    private static final MotcuaProperties PROPERTIES = new MotcuaProperties(Path.of("target"), Histories.ZONE,
            List.of(new MotcuaProperties.OrgUnit(Histories.UNIT, AGENCY, null, "Hà Nội", "SYT", "UBND Thành phố Hà Nội")),
            null);
    private static final OnTimeRule RULE = new OnTimeRule(Histories.calendar());
    /** Only the parts that fill forms from a history: no event store, no registry. */
    private static final DossierForms FORMS = new DossierForms(null, null, new ProcedureCatalogue(), PROPERTIES,
            RULE, Clock.systemUTC());
    private static final OneStopForms PDF = new OneStopForms(Histories.ZONE);

    private static Histories received() {
        return submitted("2026-11-23T08:00").accepted("2026-11-23T09:00", "2026-11-26");
    }

    private static Histories apologised() {
        return received().appraised("2026-11-24T10:00").apologised("2026-11-25T09:00", "2026-11-26", "2026-11-30");
    }

    @Test
    void apologyLetterShowsItsNumberAndSymbol() {
        ApologyForm apology = (ApologyForm) FORMS.form(apologised().timeline(), DossierForms.Kind.APOLOGY);

        assertThat(apology.documentNumber()).isEqualTo("261123-0001/PXL-SYT");
        assertThat(Pdfs.text(PDF.render(apology))).contains("Số: 261123-0001/PXL-SYT");
    }

    @Test
    void apologyLetterOfAUnitWithoutAnAbbreviationEndsItsSymbolAtTheType() {
        MotcuaProperties plain = new MotcuaProperties(Path.of("target"), Histories.ZONE,
                List.of(new MotcuaProperties.OrgUnit(Histories.UNIT, AGENCY, null)), null);
        DossierForms forms = new DossierForms(null, null, new ProcedureCatalogue(), plain, RULE, Clock.systemUTC());

        assertThat(forms.apologyNumber(apologised().timeline())).isEqualTo("261123-0001/PXL");
    }

    @Test
    void apologyLetterHasEveryFieldFromTheEvents() {
        ApologyForm apology = (ApologyForm) FORMS.form(apologised().timeline(), DossierForms.Kind.APOLOGY);

        assertThat(apology).hasNoNullFieldsOrProperties();
        assertThat(apology.agencyName()).isEqualTo(AGENCY);
        assertThat(apology.superiorName()).as("from the unit's configuration").isEqualTo("UBND Thành phố Hà Nội");
        assertThat(apology.applicantName()).isEqualTo("Nguyễn Văn An");
        assertThat(apology.receivedAt()).isEqualTo(at("2026-11-23T09:00"));
        assertThat(apology.originalAppointment()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(apology.newAppointment()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(apology.delayingUnit()).as("a unit id is written as its name").isEqualTo(AGENCY);
        assertThat(apology.reason()).isEqualTo("Cần thêm thời gian kiểm nghiệm");
        assertThat(apology.headName()).isEqualTo("Đặng Quốc Việt");
        assertThat(apology.procedureName()).startsWith("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm");
    }

    @Test
    void receiptCarriesTheApplicantAsSubmittedAndTheDueDate() {
        ReceiptForm receipt = (ReceiptForm) FORMS.form(apologised().timeline(), DossierForms.Kind.RECEIPT);

        assertThat(receipt.applicant()).isEqualTo(new FormApplicant("Nguyễn Văn An", "Số 1 Tràng Tiền, Hà Nội",
                "0912345678", "an@example.vn", "001099012345"));
        assertThat(receipt.appointedReturnDate()).as("the apology does not rewrite the receipt")
                .isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(receipt.officerName()).isEqualTo("Lê Thị Thu");
        assertThat(receipt.timeLimitDays()).isEqualTo(3);
        assertThat(receipt.feeVnd()).isEqualTo(500_000);
        assertThat(receipt.documents()).isNotEmpty();
        assertThat(receipt.unverified()).as("the catalogue's unchecked fields of 1.002600")
                .containsExactlyInAnyOrder("legalBasis", "requiredDocuments");
    }

    /** Circular 01/2018/TT-VPCP Mẫu 01: the fee on the receipt is the one requested of this applicant. */
    @Test
    void receiptStatesTheFeeRequestedWithItsReduction() {
        Histories reduced = received().add(new vn.motcua.engine.dossier.DossierEvent.PaymentRequested(Histories.CODE,
                250_000, null, List.of(), Histories.RECEPTION, at("2026-11-23T09:00"), 500_000, 250_000,
                "Cơ sở tại địa bàn đặc biệt khó khăn"));
        assertThat(((ReceiptForm) FORMS.form(reduced.timeline(), DossierForms.Kind.RECEIPT)).feeVnd())
                .isEqualTo(250_000);
    }

    /** Circular 01/2018/TT-VPCP Mẫu 01: the receipt lists the documents received, not those the catalogue asks for. */
    @Test
    void receiptListsTheDocumentsActuallyReceivedNotTheCataloguesList() {
        Histories history = submitted("2026-11-23T08:00").supplementRequested("2026-11-23T08:30", "Giấy ủy quyền")
                .supplementProvided("2026-11-23T09:00", Stage.RECEPTION, null).accepted("2026-11-23T09:30", "2026-11-26")
                .supplementRequestedInAppraisal("2026-11-24T09:00", "Bảng thành phần")
                .supplementProvided("2026-11-24T10:00", Stage.APPRAISAL, null);
        ReceiptForm receipt = (ReceiptForm) FORMS.form(history.timeline(), DossierForms.Kind.RECEIPT);

        assertThat(receipt.documents()).as("submitted, then supplemented at reception; not the later supplement")
                .extracting(ReceivedDocument::name).containsExactly("phieu-cong-bo.pdf", "bo-sung.pdf");
        assertThat(receipt.documents()).noneMatch(ReceivedDocument::kindKnown);
        assertThat(receipt.documents()).extracting(ReceivedDocument::name)
                .noneMatch(name -> name.startsWith("Phiếu công bố sản phẩm mỹ phẩm"));
        String text = Pdfs.text(PDF.render(receipt));
        assertThat(text).contains("phieu-cong-bo.pdf", "bo-sung.pdf", "bản điện tử")
                .doesNotContain("Giấy ủy quyền của nhà sản xuất");
    }

    @Test
    void supplementRequestListsTheItemsOfTheLastRequest() {
        SupplementRequestForm request = (SupplementRequestForm) FORMS.form(received()
                .supplementRequestedInAppraisal("2026-11-24T09:00", "Bảng thành phần", "Nhãn sản phẩm").timeline(),
                DossierForms.Kind.SUPPLEMENT_REQUEST);

        assertThat(request.items()).containsExactly("Bảng thành phần", "Nhãn sản phẩm");
        assertThat(request.reason()).isEqualTo("Cần làm rõ");
        assertThat(request.officerName()).isEqualTo("Phạm Minh Đức");
    }

    @Test
    void aFormThatDoesNotApplyYetIsAConflict() {
        assertThatThrownBy(() -> FORMS.form(received().timeline(), DossierForms.Kind.APOLOGY))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.CONFLICT);
                    assertThat(problem.slug()).isEqualTo("form-not-applicable");
                });
        assertThatThrownBy(() -> FORMS.form(submitted("2026-11-23T08:00").timeline(), DossierForms.Kind.RECEIPT))
                .isInstanceOf(Problem.class);
    }

    @Test
    void processControlFormJudgesEachHandOverByTheDueDateInForceThen() {
        ProcessControlForm control = (ProcessControlForm) FORMS.form(received().appraised("2026-11-24T10:00")
                .approved("2026-11-27T08:00").returned("2026-11-27T09:00").timeline(),
                DossierForms.Kind.PROCESS_CONTROL);

        assertThat(control.handOvers()).extracting(HandOver::timeliness).containsExactly(Timeliness.NOT_APPLICABLE,
                Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.LATE, Timeliness.LATE);
        assertThat(control.handOvers().get(0).to()).isEqualTo("Lê Thị Thu (Cán bộ Bộ phận Một cửa)");
        assertThat(control.handOvers().get(5).to()).isEqualTo("Nguyễn Văn An (Người nộp hồ sơ)");
    }

    @Test
    void supplementTimeDoesNotMakeAHandOverLateInMau05() {
        // waiting Wednesday 09:00 to Thursday 09:00 moves the due date to Friday: approving on Friday is on time
        ProcessControlForm control = (ProcessControlForm) FORMS.form(received()
                .supplementRequestedInAppraisal("2026-11-25T09:00", "Bảng thành phần")
                .supplementProvided("2026-11-26T09:00", Stage.APPRAISAL, null).approved("2026-11-27T15:00")
                .timeline(), DossierForms.Kind.PROCESS_CONTROL);

        assertThat(control.handOvers().get(control.handOvers().size() - 1).timeliness())
                .isEqualTo(Timeliness.ON_TIME);
    }

    /** Circular 01/2018/TT-VPCP Mẫu 06: a line carries the applicant's address and phone, the agency, every date. */
    @Test
    void registerLineCarriesWhatMau06Asks() {
        RegisterEntry line = FORMS.registerEntry(received().appraised("2026-11-24T10:00").approved("2026-11-25T10:00")
                .returned("2026-11-25T15:00").timeline(), at("2026-12-15T10:00"));

        assertThat(line.applicantContact()).isEqualTo("Số 1 Tràng Tiền, Hà Nội; 0912345678");
        assertThat(line.handlingAgency()).isEqualTo(AGENCY);
        assertThat(line.transferredAt()).as("the handler assigned").isEqualTo(at("2026-11-24T10:00"));
        assertThat(line.resultAt()).as("decided").isEqualTo(at("2026-11-25T10:00"));
        assertThat(line.returnedAt()).isEqualTo(at("2026-11-25T15:00"));
        assertThat(line.timeliness()).isEqualTo(Timeliness.EARLY);
        assertThat(line.timeliness().labelVi()).isEqualTo("Trước hạn");
    }

    /**
     * One rule, one answer: for the same dossier the reports (the verdict {@code ReportProjection} stores as
     * {@code on_time}, counted as finished on time or late; none while in progress) and the register (Mẫu 06)
     * say the same, early, on the due date, late or still open.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dossiers")
    void theReportsAndTheRegisterJudgeADossierAlike(String story, Histories history, Instant now,
                                                    Optional<Boolean> reportedOnTime, Timeliness inTheRegister) {
        DossierTimeline timeline = history.timeline();

        Optional<Boolean> report = RULE.judge(timeline).map(OnTimeRule.Result::onTime);
        RegisterEntry line = FORMS.registerEntry(timeline, now);

        assertThat(report).isEqualTo(reportedOnTime);
        assertThat(line.timeliness()).isEqualTo(inTheRegister);
        assertThat(line.timeliness().onTime()).isEqualTo(report.orElse(false));
        assertThat(line.timeliness() == Timeliness.EARLY)
                .isEqualTo(RULE.judge(timeline).map(OnTimeRule.Result::early).orElse(false));
        assertThat(line.timeliness() == Timeliness.LATE && report.isPresent()).isEqualTo(report.equals(
                Optional.of(false)));
    }

    static Stream<Arguments> dossiers() {
        Instant later = at("2026-12-15T10:00");
        return Stream.of(
                Arguments.of("early: approved the day before the due date", received().appraised("2026-11-24T10:00")
                        .approved("2026-11-25T10:00").returned("2026-11-25T15:00"), later, Optional.of(true),
                        Timeliness.EARLY),
                Arguments.of("on the due date: approved, returned on the next day", received()
                        .appraised("2026-11-24T10:00").approved("2026-11-26T16:30").returned("2026-11-27T08:00"),
                        later, Optional.of(true), Timeliness.ON_TIME),
                Arguments.of("late: approved the day after the due date", received().appraised("2026-11-24T10:00")
                        .approved("2026-11-27T08:00").returned("2026-11-27T09:00"), later, Optional.of(false),
                        Timeliness.LATE),
                Arguments.of("late despite the apology's new date", apologised().approved("2026-11-30T10:00")
                        .returned("2026-11-30T11:00"), later, Optional.of(false), Timeliness.LATE),
                Arguments.of("late: two supplement requests", submitted("2026-11-23T08:00")
                        .supplementRequested("2026-11-23T08:30", "Giấy ủy quyền")
                        .supplementProvided("2026-11-23T09:00", Stage.RECEPTION, null)
                        .accepted("2026-11-23T09:30", "2026-11-26")
                        .supplementRequestedInAppraisal("2026-11-24T09:00", "Bảng thành phần")
                        .supplementProvided("2026-11-24T10:00", Stage.APPRAISAL, "2026-11-27")
                        .approved("2026-11-24T15:00"), later, Optional.of(false), Timeliness.LATE),
                Arguments.of("still open, not yet due", received().appraised("2026-11-24T10:00"),
                        at("2026-11-26T16:00"), Optional.empty(), Timeliness.NOT_DUE),
                Arguments.of("still open, past its due date", received().appraised("2026-11-24T10:00"),
                        at("2026-11-27T08:00"), Optional.empty(), Timeliness.LATE),
                Arguments.of("withdrawn", received().withdrawn("2026-11-24T08:00"), later, Optional.empty(),
                        Timeliness.NOT_APPLICABLE));
    }
}
