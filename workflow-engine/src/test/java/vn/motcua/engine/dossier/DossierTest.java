package vn.motcua.engine.dossier;

import vn.motcua.engine.document.AttachedDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.engine.dossier.DossierEvent.SiteInspectionRecorded;
import vn.motcua.engine.dossier.DossierCommand.RecordSiteInspection;
import vn.motcua.engine.dossier.DossierCommand.RequestSupplementInAppraisal;
import vn.motcua.engine.dossier.DossierCommand.RequestPayment;
import vn.motcua.engine.dossier.DossierCommand.RecordPayment;
import vn.motcua.engine.dossier.DossierCommand.RequestConsultation;
import vn.motcua.engine.dossier.DossierCommand.AnswerConsultation;
import vn.motcua.engine.dossier.DossierCommand.ApologiseForDelay;
import vn.motcua.engine.dossier.DossierCommand.StopProcessing;
import vn.motcua.engine.dossier.DossierCommand.RateService;
import vn.motcua.engine.dossier.DossierCommand.WarnDeadline;
import vn.motcua.engine.dossier.DossierCommand.MarkOverdue;
import vn.motcua.engine.dossier.DossierCommand.LapseDossier;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequestedInAppraisal;
import vn.motcua.engine.dossier.DossierEvent.PaymentRequested;
import vn.motcua.engine.dossier.DossierEvent.PaymentChannel;
import vn.motcua.engine.dossier.DossierEvent.PaymentReceived;
import vn.motcua.engine.dossier.DossierEvent.ConsultationRequested;
import vn.motcua.engine.dossier.DossierEvent.ConsultationAnswered;
import vn.motcua.engine.dossier.DossierEvent.DelayApologised;
import vn.motcua.engine.dossier.DossierEvent.ProcessingStopped;
import vn.motcua.engine.dossier.DossierEvent.DossierLapsed;
import vn.motcua.engine.dossier.DossierEvent.ServiceRated;
import vn.motcua.engine.dossier.DossierEvent.DeadlineWarned;
import vn.motcua.engine.dossier.DossierCommand.AcceptDossier;
import vn.motcua.engine.dossier.DossierCommand.ApproveDossier;
import vn.motcua.engine.dossier.DossierCommand.AssignHandler;
import vn.motcua.engine.dossier.DossierCommand.ProvideSupplement;
import vn.motcua.engine.dossier.DossierCommand.RecordAppraisal;
import vn.motcua.engine.dossier.DossierCommand.RefuseDossier;
import vn.motcua.engine.dossier.DossierCommand.RejectDossier;
import vn.motcua.engine.dossier.DossierCommand.RequestSupplement;
import vn.motcua.engine.dossier.DossierCommand.IssueResult;
import vn.motcua.engine.dossier.DossierCommand.ReturnResult;
import vn.motcua.engine.dossier.DossierCommand.ReviewResult;
import vn.motcua.engine.dossier.DossierCommand.SubmitDossier;
import vn.motcua.engine.dossier.DossierCommand.WithdrawDossier;
import vn.motcua.engine.dossier.DossierEvent.AppraisalRecorded;
import vn.motcua.engine.dossier.DossierEvent.DossierAccepted;
import vn.motcua.engine.dossier.DossierEvent.DossierApproved;
import vn.motcua.engine.dossier.DossierEvent.DossierRefused;
import vn.motcua.engine.dossier.DossierEvent.DossierRejected;
import vn.motcua.engine.dossier.DossierEvent.DossierSubmitted;
import vn.motcua.engine.dossier.DossierEvent.DossierWithdrawn;
import vn.motcua.engine.dossier.DossierEvent.HandlerAssigned;
import vn.motcua.engine.dossier.DossierEvent.ResultIssued;
import vn.motcua.engine.dossier.DossierEvent.ResultReturned;
import vn.motcua.engine.dossier.DossierEvent.ResultReviewed;
import vn.motcua.engine.dossier.DossierEvent.SupplementProvided;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequested;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * The dossier's life under Decree 61/2018/ND-CP: each step as the event it records, and each
 * {@link DossierRule} as the command it refuses. Event times come from a fixed clock, so every
 * expected event is written out in full.
 */
class DossierTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Earlier steps happened at this time; the step under test happens {@link #NOW}. */
    private static final Instant EARLIER = Instant.parse("2026-11-20T01:30:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T02:15:00Z");

    private static final String UNIT = "000.00.16.H26";
    private static final String OTHER_UNIT = "000.00.17.H26";
    private static final String CODE = UNIT + "-261120-0001";
    private static final String PROCEDURE = "1.009994";
    private static final LocalDate APPOINTED = LocalDate.of(2026, 12, 4);

    private static final Actor OWNER = new Actor("citizen-001", "Nguyễn Văn An", Role.CITIZEN, null);
    private static final Actor OTHER_CITIZEN = new Actor("citizen-002", "Trần Thị Bình", Role.CITIZEN, null);
    private static final Actor RECEPTION = new Actor("rec-01", "Lê Thị Cúc", Role.RECEPTION, UNIT);
    private static final Actor SPECIALIST = new Actor("spec-01", "Phạm Văn Dũng", Role.SPECIALIST, UNIT);
    private static final Actor OTHER_SPECIALIST = new Actor("spec-02", "Hoàng Thị Em", Role.SPECIALIST, UNIT);
    private static final Actor LEADER = new Actor("lead-01", "Vũ Văn Giang", Role.LEADER, UNIT);
    private static final Actor UNIT_HEAD = new Actor("head-01", "Trịnh Thị Nga", Role.UNIT_HEAD, UNIT);
    private static final Actor CLERK = new Actor("clerk-01", "Lý Thị Oanh", Role.CLERK, UNIT);
    private static final Actor FOREIGN_UNIT_HEAD = new Actor("head-99", "Mai Văn Phúc", Role.UNIT_HEAD, OTHER_UNIT);
    private static final Actor FOREIGN_CLERK = new Actor("clerk-99", "Hồ Thị Quyên", Role.CLERK, OTHER_UNIT);
    private static final Actor INSPECTOR = new Actor("insp-01", "Đỗ Thị Hà", Role.INSPECTOR, UNIT);
    private static final Actor FOREIGN_RECEPTION = new Actor("rec-99", "Bùi Văn Khánh", Role.RECEPTION, OTHER_UNIT);
    private static final Actor FOREIGN_SPECIALIST = new Actor("spec-99", "Ngô Thị Lan", Role.SPECIALIST, OTHER_UNIT);
    private static final Actor GATEWAY = new Actor("payment-gateway:sandbox", "Cổng thanh toán", Role.SYSTEM, null);
    private static final Actor FOREIGN_LEADER = new Actor("lead-99", "Đặng Văn Minh", Role.LEADER, OTHER_UNIT);

    private static final Applicant APPLICANT = new Applicant("Nguyễn Văn An", "001085012345", "0912345678",
            "an.nguyen@example.vn", "12 Hàng Bài, Hoàn Kiếm, Hà Nội");
    private static final Map<String, Object> FORM = Map.of("loaiCongTrinh", "Nhà ở riêng lẻ", "soTang", 4);

    private static final AttachedDocument APPLICATION_FORM = document("don-de-nghi.pdf", "Đơn đề nghị cấp phép");
    private static final AttachedDocument ID_CARD_COPY = document("cccd-chung-thuc.pdf", "Bản sao CCCD có chứng thực");
    private static final AttachedDocument APPRAISAL_REPORT = document("to-trinh-tham-dinh.pdf", "Tờ trình thẩm định");
    private static final AttachedDocument PERMIT = document("giay-phep.pdf", "Giấy phép xây dựng số 123/GPXD");
    private static final AttachedDocument SIGNED_DRAFT = document("du-thao-ket-qua.pdf", "Dự thảo giấy phép đã ký");
    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 23);

    private static final List<String> MISSING_ITEMS = List.of("Bản sao CCCD có chứng thực", "Sơ đồ vị trí thửa đất");

    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, HANOI));
        fixture.registerInjectableResource(new vn.motcua.engine.calendar.WorkingCalendar(HANOI,
                vn.motcua.engine.calendar.HolidayRules.none(), year -> List.of(),
                vn.motcua.engine.calendar.WorkingHours.DEFAULT, Map.of()));
    }

    // ---------------------------------------------------------------- happy paths

    @Nested
    class Reception {

        @Test
        void submissionRecordsApplicantFormDocumentsOwnerAndClockTime() {
            fixture.givenNoPriorActivity()
                    .when(submit())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DossierSubmitted(CODE, PROCEDURE, UNIT, APPLICANT, FORM, "Nộp trực tuyến",
                            List.of(APPLICATION_FORM), OWNER, NOW));
        }

        @Test
        void acceptanceCarriesAppointedDateActorAndClockTime() {
            fixture.given(submitted())
                    .when(accept())
                    .expectEvents(new DossierAccepted(CODE, APPOINTED, "Hồ sơ đầy đủ, hợp lệ", List.of(),
                            RECEPTION, NOW));
        }

        @Test
        void receptionRequestsSupplementListingEachMissingItem() {
            fixture.given(submitted())
                    .when(requestSupplement())
                    .expectEvents(new SupplementRequested(CODE, MISSING_ITEMS, "Hồ sơ còn thiếu giấy tờ", List.of(),
                            RECEPTION, NOW));
        }

        @Test
        void ownerProvidesRequestedSupplementWithItsDocuments() {
            fixture.given(submitted(), supplementRequested())
                    .when(provideSupplement())
                    .expectEvents(new SupplementProvided(CODE, "Đã bổ sung bản sao CCCD", List.of(ID_CARD_COPY),
                            OWNER, NOW, DossierEvent.Stage.RECEPTION, null));
        }

        @Test
        void dossierIsAcceptedOnceTheRequestedSupplementIsProvided() {
            fixture.given(submitted(), supplementRequested(), supplementProvided())
                    .when(accept())
                    .expectEvents(new DossierAccepted(CODE, APPOINTED, "Hồ sơ đầy đủ, hợp lệ", List.of(),
                            RECEPTION, NOW));
        }

        @Test
        void receptionRefusesDossierStatingReasons() {
            fixture.given(submitted())
                    .when(refuse())
                    .expectEvents(new DossierRefused(CODE, "Thủ tục không thuộc thẩm quyền của cơ quan", List.of(),
                            RECEPTION, NOW));
        }
    }

    @Nested
    class Handling {

        @Test
        void acceptedDossierIsAssignedToAHandlerOfTheUnit() {
            fixture.given(acceptedHistory())
                    .when(assign(SPECIALIST))
                    .expectEvents(new HandlerAssigned(CODE, SPECIALIST, "Giao chuyên viên thụ lý", List.of(),
                            LEADER, NOW));
        }

        @Test
        void assignedHandlerRecordsAppraisalWithItsReport() {
            fixture.given(inAppraisalHistory())
                    .when(appraise(SPECIALIST))
                    .expectEvents(new AppraisalRecorded(CODE, AppraisalOutcome.FAVOURABLE, "Đủ điều kiện cấp phép",
                            List.of(APPRAISAL_REPORT), SPECIALIST, NOW));
        }

        @Test
        void handlerCanBeReassignedBeforeAppraisalAndOnlyTheNewOneAppraises() {
            fixture.given(inAppraisalHistory())
                    .when(assign(OTHER_SPECIALIST))
                    .expectEvents(new HandlerAssigned(CODE, OTHER_SPECIALIST, "Giao chuyên viên thụ lý", List.of(),
                            LEADER, NOW));

            fixture.given(concat(inAppraisalHistory(), handlerAssigned(OTHER_SPECIALIST)))
                    .when(appraise(OTHER_SPECIALIST))
                    .expectSuccessfulHandlerExecution();

            expectViolation(fixture.given(concat(inAppraisalHistory(), handlerAssigned(OTHER_SPECIALIST)))
                    .when(appraise(SPECIALIST)), DossierRule.APPRAISAL_BY_ASSIGNED_HANDLER);
        }

        @Test
        void leaderApprovesCheckedDossierSigningTheDraft() {
            fixture.given(reviewedHistory())
                    .when(approve())
                    .expectEvents(new DossierApproved(CODE, "Đồng ý cấp phép", List.of(SIGNED_DRAFT), LEADER, NOW));
        }

        @Test
        void leaderRejectsCheckedDossierStatingReasonsAndSigningTheAnswer() {
            fixture.given(reviewedHistory())
                    .when(reject())
                    .expectEvents(new DossierRejected(CODE, "Không phù hợp quy hoạch chi tiết 1/500",
                            List.of(SIGNED_DRAFT), LEADER, NOW));
        }

        @Test
        void clerkNumbersDatesAndSealsTheSignedResult() {
            fixture.given(approvedHistory())
                    .when(issue())
                    .expectEvents(new ResultIssued(CODE, PROCEDURE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT",
                            ISSUED_ON, "Nguyễn Văn An", null, List.of(PERMIT), CLERK, NOW));
        }

        @Test
        void resultOfAnApprovalIsReturnedWithTheIssuedDocument() {
            fixture.given(issued(approvedHistory()))
                    .when(returnResult())
                    .expectEvents(new ResultReturned(CODE, "Trả kết quả trực tiếp tại Bộ phận Một cửa",
                            List.of(PERMIT), RECEPTION, NOW));
        }

        @Test
        void resultOfARejectionIsReturnedToo() {
            fixture.given(issued(rejectedHistory()))
                    .when(returnResult())
                    .expectEvents(new ResultReturned(CODE, "Trả kết quả trực tiếp tại Bộ phận Một cửa",
                            List.of(PERMIT), RECEPTION, NOW));
        }

        @Test
        void wholeProcessRunsFromSubmissionToReturnedResultThroughCommands() {
            fixture.givenCommands(submit(), requestSupplement(), provideSupplement(), accept(), assign(SPECIALIST),
                            appraise(SPECIALIST), review(), approve(), issue())
                    .when(returnResult())
                    .expectEvents(new ResultReturned(CODE, "Trả kết quả trực tiếp tại Bộ phận Một cửa",
                            List.of(PERMIT), RECEPTION, NOW));
        }
    }

    @Nested
    class Withdrawal {

        static Stream<Arguments> stagesBeforeDecision() {
            return Stream.of(
                    Arguments.of("awaiting reception", List.of(submitted())),
                    Arguments.of("supplement requested", List.of(submitted(), supplementRequested())),
                    Arguments.of("accepted", acceptedHistory()),
                    Arguments.of("in appraisal", inAppraisalHistory()),
                    Arguments.of("appraised", appraisedHistory()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("stagesBeforeDecision")
        void ownerWithdrawsDossierBeforeDecision(String stage, List<Object> history) {
            fixture.given(history)
                    .when(withdraw())
                    .expectEvents(new DossierWithdrawn(CODE, "Tôi không còn nhu cầu", List.of(), OWNER, NOW));
        }
    }

    // ---------------------------------------------------------------- every event

    static Stream<Arguments> everyStep() {
        return Stream.of(
                Arguments.of("submit", List.of(), submit()),
                Arguments.of("accept", List.of(submitted()), accept()),
                Arguments.of("request supplement", List.of(submitted()), requestSupplement()),
                Arguments.of("provide supplement", List.of(submitted(), supplementRequested()), provideSupplement()),
                Arguments.of("refuse", List.of(submitted()), refuse()),
                Arguments.of("assign handler", acceptedHistory(), assign(SPECIALIST)),
                Arguments.of("record appraisal", inAppraisalHistory(), appraise(SPECIALIST)),
                Arguments.of("check the draft result", appraisedHistory(), review()),
                Arguments.of("return the draft to the handler", appraisedHistory(), returnToHandler()),
                Arguments.of("approve", reviewedHistory(), approve()),
                Arguments.of("reject", reviewedHistory(), reject()),
                Arguments.of("issue result", approvedHistory(), issue()),
                Arguments.of("return result", issued(approvedHistory()), returnResult()),
                Arguments.of("withdraw", acceptedHistory(), withdraw()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStep")
    void everyEventCarriesTheActorTheClockTimeAndTheDocumentsSha256(String step, List<Object> history,
                                                                   DossierCommand command) {
        List<AttachedDocument> attached = switch (command) {
            case SubmitDossier c -> c.documents();
            case ProvideSupplement c -> c.documents();
            case RecordAppraisal c -> c.documents();
            case ReturnResult c -> c.documents();
            case ApproveDossier c -> c.documents();
            case RejectDossier c -> c.documents();
            case IssueResult c -> c.documents();
            default -> List.of();
        };
        (history.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(history))
                .when(command)
                .expectEventsMatching(Matchers.payloadsMatching(satisfies(payloads -> {
                    assertThat(payloads).singleElement().isInstanceOfSatisfying(DossierEvent.class, event -> {
                        assertThat(event.code()).isEqualTo(CODE);
                        assertThat(event.actor()).isEqualTo(command.actor());
                        assertThat(event.at()).isEqualTo(NOW);
                        assertThat(event.labelVi()).isNotBlank();
                        assertThat(event.documents()).isEqualTo(attached);
                        assertThat(event.documents()).allSatisfy(
                                document -> assertThat(document.sha256()).matches("[0-9a-f]{64}"));
                    });
                })));
    }

    // ---------------------------------------------------------------- rules, in DossierRule order

    static Stream<Arguments> closedDossiersAndEveryCommand() {
        Map<String, List<Object>> closed = Map.of(
                "refused", List.of(submitted(), refused()),
                "withdrawn", concat(acceptedHistory(), withdrawn()),
                "result returned", concat(approvedHistory(), resultReturned()));
        List<DossierCommand> commands = List.of(accept(), requestSupplement(), provideSupplement(), refuse(),
                assign(SPECIALIST), appraise(SPECIALIST), review(), returnToHandler(), approve(), reject(), issue(),
                returnResult(), withdraw());
        List<Arguments> cases = new ArrayList<>();
        closed.forEach((stage, history) -> commands.forEach(command ->
                cases.add(Arguments.of(stage, command.getClass().getSimpleName(), history, command))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("closedDossiersAndEveryCommand")
    void nothingHappensToAClosedDossier(String stage, String commandName, List<Object> history,
                                        DossierCommand command) {
        expectViolation(fixture.given(history).when(command), DossierRule.CLOSED_DOSSIER_IS_FINAL);
    }

    static Stream<Arguments> receptionDecisionsAfterReception() {
        return Stream.of(
                Arguments.of("accept an accepted dossier", acceptedHistory(), accept()),
                Arguments.of("refuse an accepted dossier", acceptedHistory(), refuse()),
                Arguments.of("request a supplement of an accepted dossier", acceptedHistory(), requestSupplement()),
                Arguments.of("accept while the supplement is awaited", List.of(submitted(), supplementRequested()),
                        accept()),
                Arguments.of("refuse an appraised dossier", appraisedHistory(), refuse()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receptionDecisionsAfterReception")
    void receptionDecisionsAreTakenOnlyWhileTheDossierAwaitsReception(String description, List<Object> history,
                                                                       DossierCommand command) {
        expectViolation(fixture.given(history).when(command), DossierRule.RECEPTION_ONLY_WHILE_SUBMITTED);
    }

    @Test
    void supplementCanBeRequestedOnlyOnceAtReception() {
        expectViolation(fixture.given(submitted(), supplementRequested(), supplementProvided())
                .when(new RequestSupplement(CODE, List.of("Bản vẽ thiết kế"), "Còn thiếu bản vẽ", RECEPTION)),
                DossierRule.SUPPLEMENT_ONCE_AT_RECEPTION);
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("itemListsWithoutItems")
    void supplementRequestMustListTheMissingItems(List<String> items) {
        expectViolation(fixture.given(submitted())
                .when(new RequestSupplement(CODE, items, "Hồ sơ còn thiếu", RECEPTION)),
                DossierRule.SUPPLEMENT_LISTS_ITEMS);
    }

    static Stream<List<String>> itemListsWithoutItems() {
        return Stream.of(List.of(), List.of("", "   "), Arrays.asList(null, " "), Arrays.asList("CCCD", null),
                List.of("Bản sao CCCD", " "));
    }

    @Nested
    class Decree61Paths {

        private final Actor system = new Actor("system", "Hệ thống motcua", Role.SYSTEM, UNIT);

        @Test
        void handlerRequestsASupplementOnceWithinThreeWorkingDaysOfReceipt() {
            fixture.given(inAppraisalHistory())
                    .when(new RequestSupplementInAppraisal(CODE, List.of("Phiếu kiểm nghiệm"), "Thiếu", SPECIALIST))
                    .expectEvents(new SupplementRequestedInAppraisal(CODE, List.of("Phiếu kiểm nghiệm"), "Thiếu",
                            List.of(), SPECIALIST, NOW));
            expectViolation(fixture.given(concat(inAppraisalHistory(), new SupplementRequestedInAppraisal(CODE,
                            List.of("x"), null, List.of(), SPECIALIST, EARLIER), new SupplementProvided(CODE, null,
                            List.of(ID_CARD_COPY), OWNER, EARLIER, DossierEvent.Stage.APPRAISAL, APPOINTED)))
                    .when(new RequestSupplementInAppraisal(CODE, List.of("Bản gốc"), null, SPECIALIST)),
                    DossierRule.SUPPLEMENT_IN_APPRAISAL_WITHIN_THREE_DAYS);
        }

        @Test
        void supplementInAppraisalComesTooLateAfterThreeWorkingDays() {
            Instant longAgo = Instant.parse("2026-11-10T02:00:00Z");
            expectViolation(fixture.given(submitted(), new DossierAccepted(CODE, APPOINTED, null, List.of(), RECEPTION,
                            longAgo), handlerAssigned(SPECIALIST))
                    .when(new RequestSupplementInAppraisal(CODE, List.of("x"), null, SPECIALIST)),
                    DossierRule.SUPPLEMENT_IN_APPRAISAL_WITHIN_THREE_DAYS);
        }

        @Test
        void supplementProvidedDuringAppraisalRestartsTheTimeLimit() {
            LocalDate restarted = LocalDate.of(2026, 11, 26);
            fixture.given(concat(inAppraisalHistory(), new SupplementRequestedInAppraisal(CODE, List.of("x"), null,
                            List.of(), SPECIALIST, EARLIER)))
                    .when(new ProvideSupplement(CODE, List.of(ID_CARD_COPY), null, restarted, OWNER))
                    .expectEvents(new SupplementProvided(CODE, null, List.of(ID_CARD_COPY), OWNER, NOW,
                            DossierEvent.Stage.APPRAISAL, restarted));
        }

        @Test
        void feeIsRequestedOnceAndPaidForTheRequestedAmount() {
            fixture.given(acceptedHistory())
                    .when(new RequestPayment(CODE, 500_000, 0, null, "Lệ phí", RECEPTION))
                    .expectEvents(new PaymentRequested(CODE, 500_000, "Lệ phí", List.of(), RECEPTION, NOW, 500_000, 0,
                            null));
            PaymentRequested requested = new PaymentRequested(CODE, 500_000, null, List.of(), RECEPTION, EARLIER);
            expectViolation(fixture.given(concat(acceptedHistory(), requested))
                    .when(new RecordPayment(CODE, 1_000, PaymentChannel.ONLINE, "sandbox", "SBX1", APPOINTED, GATEWAY)),
                    DossierRule.PAYMENT_MATCHES_REQUEST);
            fixture.given(concat(acceptedHistory(), requested))
                    .when(new RecordPayment(CODE, 500_000, PaymentChannel.ONLINE, "sandbox", "SBX1", APPOINTED, GATEWAY))
                    .expectEvents(new PaymentReceived(CODE, 500_000, "SBX1", APPOINTED, null, List.of(), GATEWAY, NOW,
                            PaymentChannel.ONLINE, "sandbox"));
            expectViolation(fixture.given(concat(acceptedHistory(), requested))
                    .when(new RequestPayment(CODE, 500_000, 0, null, null, RECEPTION)),
                    DossierRule.PAYMENT_ONCE_AFTER_ACCEPTANCE);
        }

        @Test
        void aReducedFeeStatesItsReason() {
            fixture.given(acceptedHistory())
                    .when(new RequestPayment(CODE, 1_000_000, 500_000, "Địa bàn khó khăn — căn cứ: QĐ 861/QĐ-TTg",
                            "Phí thẩm định", RECEPTION))
                    .expectEvents(new PaymentRequested(CODE, 500_000, "Phí thẩm định", List.of(), RECEPTION, NOW,
                            1_000_000, 500_000, "Địa bàn khó khăn — căn cứ: QĐ 861/QĐ-TTg"));
            expectViolation(fixture.given(acceptedHistory())
                    .when(new RequestPayment(CODE, 1_000_000, 500_000, " ", null, RECEPTION)),
                    DossierRule.FEE_FROM_CATALOGUE);
        }

        @Test
        void theApplicantsOwnClaimOfPaymentIsNoProof() {
            PaymentRequested requested = new PaymentRequested(CODE, 500_000, null, List.of(), RECEPTION, EARLIER);
            expectViolation(fixture.given(concat(acceptedHistory(), requested))
                    .when(new RecordPayment(CODE, 500_000, PaymentChannel.ONLINE, "sandbox", "KB-1", APPOINTED, OWNER)),
                    DossierRule.PAYMENT_PROVEN);
            expectViolation(fixture.given(concat(acceptedHistory(), requested))
                    .when(new RecordPayment(CODE, 500_000, PaymentChannel.COUNTER, null, "BL-1", APPOINTED,
                            FOREIGN_RECEPTION)), DossierRule.PAYMENT_PROVEN);
            fixture.given(concat(acceptedHistory(), requested))
                    .when(new RecordPayment(CODE, 500_000, PaymentChannel.COUNTER, "counter", "BL-1", APPOINTED,
                            RECEPTION))
                    .expectEvents(new PaymentReceived(CODE, 500_000, "BL-1", APPOINTED, null, List.of(), RECEPTION,
                            NOW, PaymentChannel.COUNTER, "counter"));
        }

        @Test
        void consultedUnitAnswersBeforeTheAppraisalCanEnd() {
            LocalDate due = LocalDate.of(2026, 11, 30);
            ConsultationRequested consulted = new ConsultationRequested(CODE, List.of(OTHER_UNIT), due, "Cho ý kiến",
                    List.of(), SPECIALIST, EARLIER);
            fixture.given(inAppraisalHistory())
                    .when(new RequestConsultation(CODE, List.of(OTHER_UNIT), due, "Cho ý kiến", SPECIALIST))
                    .expectEvents(new ConsultationRequested(CODE, List.of(OTHER_UNIT), due, "Cho ý kiến", List.of(),
                            SPECIALIST, NOW));
            expectViolation(fixture.given(inAppraisalHistory())
                    .when(new RequestConsultation(CODE, List.of(UNIT), due, null, SPECIALIST)),
                    DossierRule.CONSULTATION_BY_HANDLER_OF_OTHER_UNITS);
            expectViolation(fixture.given(concat(inAppraisalHistory(), consulted))
                    .when(new RecordAppraisal(CODE, AppraisalOutcome.FAVOURABLE, "Đạt", List.of(), SPECIALIST)),
                    DossierRule.APPRAISAL_AFTER_CONSULTATIONS);
            fixture.given(concat(inAppraisalHistory(), consulted))
                    .when(new AnswerConsultation(CODE, "Đồng ý", FOREIGN_SPECIALIST))
                    .expectEvents(new ConsultationAnswered(CODE, OTHER_UNIT, false, "Đồng ý", List.of(),
                            FOREIGN_SPECIALIST, NOW));
            expectViolation(fixture.given(concat(inAppraisalHistory(), consulted))
                    .when(new AnswerConsultation(CODE, "Ý kiến", SPECIALIST)),
                    DossierRule.CONSULTATION_ANSWERED_ONCE_BY_CONSULTED_UNIT);
        }

        @Test
        void unitHeadApologisesOnlyOnceForALaterDate() {
            LocalDate later = APPOINTED.plusDays(7);
            DelayApologised apologised = new DelayApologised(CODE, APPOINTED, later, "Phòng Dược", "Chờ ý kiến",
                    List.of(), LEADER, NOW);
            fixture.given(inAppraisalHistory())
                    .when(new ApologiseForDelay(CODE, later, "Phòng Dược", "Chờ ý kiến", LEADER))
                    .expectEvents(apologised);
            expectViolation(fixture.given(concat(inAppraisalHistory(), apologised))
                    .when(new ApologiseForDelay(CODE, later.plusDays(3), null, "Lần nữa", LEADER)),
                    DossierRule.APOLOGY_ONCE_BEFORE_DUE_DATE);
            expectViolation(fixture.given(inAppraisalHistory())
                    .when(new ApologiseForDelay(CODE, APPOINTED.minusDays(1), null, "Sớm hơn?", LEADER)),
                    DossierRule.APOLOGY_ONCE_BEFORE_DUE_DATE);
            expectViolation(fixture.given(inAppraisalHistory())
                    .when(new ApologiseForDelay(CODE, later, null, "Lý do", SPECIALIST)),
                    DossierRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        @Test
        void stoppedDossierIsClosed() {
            ProcessingStopped stopped = new ProcessingStopped(CODE, "Cơ sở ngừng hoạt động", List.of(), LEADER, NOW);
            fixture.given(inAppraisalHistory())
                    .when(new StopProcessing(CODE, "Cơ sở ngừng hoạt động", LEADER))
                    .expectEvents(stopped);
            expectViolation(fixture.given(concat(inAppraisalHistory(), stopped))
                    .when(new WithdrawDossier(CODE, "Rút", OWNER)), DossierRule.CLOSED_DOSSIER_IS_FINAL);
        }

        @Test
        void processingIsStoppedOnlyByTheLeaderWithAReason() {
            expectViolation(fixture.given(inAppraisalHistory()).when(new StopProcessing(CODE, " ", LEADER)),
                    DossierRule.STOP_BEFORE_RESULT);
            expectViolation(fixture.given(inAppraisalHistory())
                    .when(new StopProcessing(CODE, "Cơ sở ngừng hoạt động", SPECIALIST)), DossierRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        /** GPP: the on-site inspection (thẩm định thực tế) comes after the appraisal of the papers, by the handler, once. */
        @Test
        void handlerRecordsTheOnSiteInspectionOnceAfterTheAppraisal() {
            RecordSiteInspection inspect = new RecordSiteInspection(CODE, AppraisalOutcome.FAVOURABLE, "Đạt GPP",
                    List.of(), SPECIALIST);
            fixture.given(appraisedHistory())
                    .when(inspect)
                    .expectEvents(new SiteInspectionRecorded(CODE, AppraisalOutcome.FAVOURABLE, "Đạt GPP", List.of(),
                            SPECIALIST, NOW));
            expectViolation(fixture.given(inAppraisalHistory()).when(inspect), DossierRule.SITE_INSPECTION_AFTER_APPRAISAL);
            expectViolation(fixture.given(concat(appraisedHistory(), new SiteInspectionRecorded(CODE,
                    AppraisalOutcome.FAVOURABLE, "Đạt", List.of(), SPECIALIST, EARLIER))).when(inspect),
                    DossierRule.SITE_INSPECTION_AFTER_APPRAISAL);
            expectViolation(fixture.given(appraisedHistory()).when(new RecordSiteInspection(CODE,
                    AppraisalOutcome.FAVOURABLE, "Đạt", List.of(), OTHER_SPECIALIST)),
                    DossierRule.SITE_INSPECTION_AFTER_APPRAISAL);
        }

        @Test
        void applicantRatesOnceAfterTheResult() {
            List<Object> returned = concat(approvedHistory(), resultReturned());
            fixture.given(returned)
                    .when(new RateService(CODE, 5, "Tốt", OWNER))
                    .expectEvents(new ServiceRated(CODE, 5, "Tốt", List.of(), OWNER, NOW));
            expectViolation(fixture.given(concat(returned, new ServiceRated(CODE, 4, null, List.of(), OWNER, EARLIER)))
                    .when(new RateService(CODE, 5, null, OWNER)), DossierRule.RATING_ONCE_AFTER_RESULT);
            expectViolation(fixture.given(inAppraisalHistory()).when(new RateService(CODE, 5, null, OWNER)),
                    DossierRule.RATING_ONCE_AFTER_RESULT);
            expectViolation(fixture.given(returned).when(new RateService(CODE, 6, null, OWNER)),
                    DossierRule.RATING_ONCE_AFTER_RESULT);
        }

        /** Decree 61/2018 Art. 17 (as amended): 3 working days from receipt of the complete, fee-paid dossier. */
        @Test
        void supplementInAppraisalWindowCountsFromThePaymentForAFeeProcedure() {
            Instant longAgo = Instant.parse("2026-11-10T02:00:00Z");
            List<Object> paidLate = List.of(submitted(),
                    new DossierAccepted(CODE, APPOINTED, null, List.of(), RECEPTION, longAgo),
                    new PaymentRequested(CODE, 500_000, null, List.of(), RECEPTION, longAgo),
                    // Friday 08:30 in Hà Nội: the 3 working days run to Wednesday 08:30, NOW is Monday
                    new PaymentReceived(CODE, 500_000, "KB-1", APPOINTED, null, List.of(), GATEWAY, EARLIER, PaymentChannel.ONLINE, "sandbox"),
                    handlerAssigned(SPECIALIST));
            fixture.given(paidLate)
                    .when(new RequestSupplementInAppraisal(CODE, List.of("Phiếu kiểm nghiệm"), "Thiếu", SPECIALIST))
                    .expectEvents(new SupplementRequestedInAppraisal(CODE, List.of("Phiếu kiểm nghiệm"), "Thiếu",
                            List.of(), SPECIALIST, NOW));
            Instant paidTooLongAgo = Instant.parse("2026-11-16T02:00:00Z");
            expectViolation(fixture.given(submitted(),
                            new DossierAccepted(CODE, APPOINTED, null, List.of(), RECEPTION, longAgo),
                            new PaymentRequested(CODE, 500_000, null, List.of(), RECEPTION, longAgo),
                            new PaymentReceived(CODE, 500_000, "KB-1", APPOINTED, null, List.of(), GATEWAY, paidTooLongAgo, PaymentChannel.ONLINE, "sandbox"),
                            handlerAssigned(SPECIALIST))
                    .when(new RequestSupplementInAppraisal(CODE, List.of("x"), null, SPECIALIST)),
                    DossierRule.SUPPLEMENT_IN_APPRAISAL_WITHIN_THREE_DAYS);
        }

        /** Decree 61/2018 (as amended): the time limit does not run while the applicant supplements or pays. */
        @Test
        void noDeadlineWarningNorOverdueWhileTheDossierWaitsForTheApplicant() {
            Instant due = Instant.parse("2026-12-04T10:00:00Z");
            List<Object> supplementAwaited = concat(inAppraisalHistory(), new SupplementRequestedInAppraisal(CODE,
                    List.of("x"), null, List.of(), SPECIALIST, EARLIER));
            expectViolation(fixture.given(supplementAwaited).when(new WarnDeadline(CODE, due, system)),
                    DossierRule.CLOCK_STOPPED_WHILE_WAITING_FOR_APPLICANT);
            expectViolation(fixture.given(supplementAwaited).when(new MarkOverdue(CODE, due, system)),
                    DossierRule.CLOCK_STOPPED_WHILE_WAITING_FOR_APPLICANT);
            List<Object> feeAwaited = concat(acceptedHistory(),
                    new PaymentRequested(CODE, 500_000, null, List.of(), RECEPTION, EARLIER));
            expectViolation(fixture.given(feeAwaited).when(new WarnDeadline(CODE, due, system)),
                    DossierRule.CLOCK_STOPPED_WHILE_WAITING_FOR_APPLICANT);
            expectViolation(fixture.given(feeAwaited).when(new MarkOverdue(CODE, due, system)),
                    DossierRule.CLOCK_STOPPED_WHILE_WAITING_FOR_APPLICANT);
        }

        /** Practice (procedure's supplementLapseDays): a dossier never supplemented ends, told to the applicant. */
        @Test
        void dossierNotSupplementedInTheAllowedPeriodLapsesAndIsStopped() {
            Instant requestedAt = Instant.parse("2026-10-20T02:00:00Z");
            List<Object> awaited = concat(inAppraisalHistory(), new SupplementRequestedInAppraisal(CODE,
                    List.of("x"), null, List.of(), SPECIALIST, requestedAt));
            DossierLapsed lapsed = new DossierLapsed(CODE, DossierEvent.Stage.APPRAISAL, requestedAt, 30,
                    "Hồ sơ không được bổ sung đúng hạn, kết thúc xử lý", List.of(), system, NOW);
            fixture.given(awaited)
                    .when(new LapseDossier(CODE, requestedAt, 30, system))
                    .expectEvents(lapsed);
            assertThat(DossierStatus.after(DossierStatus.SUPPLEMENT_REQUESTED, lapsed)).isEqualTo(DossierStatus.STOPPED);
            assertThat(DossierStatus.STOPPED.portalCode()).isEqualTo(8);
            fixture.given(submitted(), supplementRequested())
                    .when(new LapseDossier(CODE, EARLIER, 30, system))
                    .expectEvents(new DossierLapsed(CODE, DossierEvent.Stage.RECEPTION, EARLIER, 30,
                            "Hồ sơ không được bổ sung đúng hạn, kết thúc xử lý", List.of(), system, NOW));
            expectViolation(fixture.given(awaited).when(new LapseDossier(CODE, requestedAt, 30, LEADER)),
                    DossierRule.LAPSE_ONLY_WHILE_WAITING_FOR_SUPPLEMENT);
            expectViolation(fixture.given(inAppraisalHistory()).when(new LapseDossier(CODE, requestedAt, 30, system)),
                    DossierRule.LAPSE_ONLY_WHILE_WAITING_FOR_SUPPLEMENT);
            expectViolation(fixture.given(concat(awaited, lapsed))
                    .when(new ProvideSupplement(CODE, List.of(ID_CARD_COPY), null, APPOINTED, OWNER)),
                    DossierRule.CLOSED_DOSSIER_IS_FINAL);
        }

        @Test
        void onlyTheSystemRecordsDeadlinesAndOnlyWhileOpen() {
            Instant due = Instant.parse("2026-12-04T10:00:00Z");
            fixture.given(inAppraisalHistory())
                    .when(new WarnDeadline(CODE, due, system))
                    .expectEvents(new DeadlineWarned(CODE, due, null, List.of(), system, NOW));
            expectViolation(fixture.given(inAppraisalHistory()).when(new MarkOverdue(CODE, due, LEADER)),
                    DossierRule.DEADLINE_EVENTS_WHILE_OPEN);
            expectViolation(fixture.given(concat(approvedHistory(), resultReturned()))
                    .when(new MarkOverdue(CODE, due, system)), DossierRule.DEADLINE_EVENTS_WHILE_OPEN);
        }
    }

    @Nested
    class ResultPath {

        @Test
        void unitHeadReturnsTheDraftToTheHandlerWhoAppraisesAgain() {
            fixture.given(appraisedHistory())
                    .when(returnToHandler())
                    .expectEvents(new ResultReviewed(CODE, false,
                            "Dự thảo chưa ghi phạm vi hoạt động; đề nghị chuyên viên bổ sung", List.of(), UNIT_HEAD, NOW));
            List<Object> returned = concat(appraisedHistory(), new ResultReviewed(CODE, false, "Thiếu phạm vi",
                    List.of(), UNIT_HEAD, EARLIER));
            fixture.given(returned)
                    .when(appraise(SPECIALIST))
                    .expectEvents(new AppraisalRecorded(CODE, AppraisalOutcome.FAVOURABLE, "Đủ điều kiện cấp phép",
                            List.of(APPRAISAL_REPORT), SPECIALIST, NOW));
            expectViolation(fixture.given(returned).when(approve()), DossierRule.APPROVAL_AFTER_APPRAISAL);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  "})
        void unitHeadWhoReturnsTheDraftStatesReasons(String reasons) {
            expectViolation(fixture.given(appraisedHistory()).when(new ReviewResult(CODE, false, reasons, UNIT_HEAD)),
                    DossierRule.RESULT_REVIEW_RETURN_STATES_REASONS);
        }

        @Test
        void onlyTheUnitHeadChecksTheDraft() {
            expectViolation(fixture.given(appraisedHistory()).when(new ReviewResult(CODE, true, "Đồng ý", LEADER)),
                    DossierRule.STEP_TAKEN_IN_ITS_ROLE);
            expectViolation(fixture.given(appraisedHistory()).when(new ReviewResult(CODE, true, "Đồng ý", SPECIALIST)),
                    DossierRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        static Stream<Arguments> checksOutOfTurn() {
            return Stream.of(
                    Arguments.of("before the appraisal", inAppraisalHistory()),
                    Arguments.of("checked already", reviewedHistory()),
                    Arguments.of("after the decision", approvedHistory()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("checksOutOfTurn")
        void unitHeadChecksOnceAfterTheAppraisal(String stage, List<Object> history) {
            expectViolation(fixture.given(history).when(review()),
                    DossierRule.RESULT_REVIEWED_BY_UNIT_HEAD_AFTER_APPRAISAL);
        }

        @Test
        void onSiteInspectionComesBeforeTheCheck() {
            expectViolation(fixture.given(reviewedHistory()).when(new RecordSiteInspection(CODE,
                    AppraisalOutcome.FAVOURABLE, "Đạt", List.of(), SPECIALIST)), DossierRule.SITE_INSPECTION_AFTER_APPRAISAL);
        }

        @Test
        void leaderDecidesOnlyAfterTheUnitHeadsCheck() {
            expectViolation(fixture.given(appraisedHistory()).when(approve()), DossierRule.APPROVAL_AFTER_RESULT_REVIEW);
            expectViolation(fixture.given(appraisedHistory()).when(reject()), DossierRule.APPROVAL_AFTER_RESULT_REVIEW);
            List<Object> reappraised = concat(appraisedHistory(),
                    new ResultReviewed(CODE, false, "Thiếu phạm vi", List.of(), UNIT_HEAD, EARLIER),
                    new AppraisalRecorded(CODE, AppraisalOutcome.FAVOURABLE, "Đã bổ sung", List.of(), SPECIALIST,
                            EARLIER));
            expectViolation(fixture.given(reappraised).when(approve()), DossierRule.APPROVAL_AFTER_RESULT_REVIEW);
        }

        @Test
        void leaderDecidesBySigningTheDraft() {
            expectViolation(fixture.given(reviewedHistory()).when(new ApproveDossier(CODE, "Đồng ý", LEADER, List.of())),
                    DossierRule.DECISION_SIGNED_BY_LEADER);
            expectViolation(fixture.given(reviewedHistory()).when(new RejectDossier(CODE, "Không đạt", LEADER, null)),
                    DossierRule.DECISION_SIGNED_BY_LEADER);
        }

        static Stream<Arguments> issuesOutOfTurn() {
            IssueResult byReception = new IssueResult(CODE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT", ISSUED_ON,
                    "Nguyễn Văn An", List.of(PERMIT), RECEPTION);
            IssueResult byLeader = new IssueResult(CODE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT", ISSUED_ON,
                    "Nguyễn Văn An", List.of(PERMIT), LEADER);
            IssueResult nothing = new IssueResult(CODE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT", ISSUED_ON,
                    "Nguyễn Văn An", List.of(), CLERK);
            return Stream.of(
                    Arguments.of("before the decision", reviewedHistory(), issue()),
                    Arguments.of("twice", issued(approvedHistory()), issue()),
                    Arguments.of("by the one-stop unit", approvedHistory(), byReception),
                    Arguments.of("by the leader", approvedHistory(), byLeader),
                    Arguments.of("without the issued document", approvedHistory(), nothing));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("issuesOutOfTurn")
        void clerkIssuesTheResultOnceAfterTheSignedDecision(String description, List<Object> history,
                                                            IssueResult command) {
            expectViolation(fixture.given(history).when(command), DossierRule.RESULT_ISSUED_ONCE_AFTER_DECISION);
        }

        @Test
        void aDecisionRecordedBeforeTheLeaderSignedThereIsStillIssuedAtTheReturn() {
            List<Object> decidedUnsigned = concat(appraisedHistory(),
                    new DossierApproved(CODE, "Đồng ý", List.of(), LEADER, EARLIER));
            fixture.given(decidedUnsigned)
                    .when(new IssueResult(CODE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT", ISSUED_ON,
                            "Nguyễn Văn An", List.of(PERMIT), RECEPTION))
                    .expectEvents(new ResultIssued(CODE, PROCEDURE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT",
                            ISSUED_ON, "Nguyễn Văn An", null, List.of(PERMIT), RECEPTION, NOW));
        }

        @Test
        void theOneStopUnitReturnsExactlyWhatTheClerkIssued() {
            expectViolation(fixture.given(approvedHistory()).when(returnResult()), DossierRule.RESULT_RETURNED_AS_ISSUED);
            expectViolation(fixture.given(issued(approvedHistory())).when(new ReturnResult(CODE, "Trả",
                    List.of(SIGNED_DRAFT), RECEPTION)), DossierRule.RESULT_RETURNED_AS_ISSUED);
        }
    }

    @Test
    void assignedSpecialistCannotApproveTheirOwnAppraisal() {
        expectViolation(fixture.given(reviewedHistory()).when(new ApproveDossier(CODE, "Tự duyệt", SPECIALIST,
                        List.of(SIGNED_DRAFT))),
                DossierRule.STEP_TAKEN_IN_ITS_ROLE);
    }

    @Test
    void leaderCannotTakeReceptionDecisionsOrReturnResults() {
        expectViolation(fixture.given(submitted()).when(new AcceptDossier(CODE, APPOINTED, "Nhận", LEADER)),
                DossierRule.STEP_TAKEN_IN_ITS_ROLE);
        expectViolation(fixture.given(approvedHistory()).when(new ReturnResult(CODE, "Trả", List.of(), LEADER)),
                DossierRule.STEP_TAKEN_IN_ITS_ROLE);
    }

    @Test
    void onlyASpecialistCanBeAssignedAsHandler() {
        expectViolation(fixture.given(acceptedHistory()).when(new AssignHandler(CODE, RECEPTION, null, LEADER)),
                DossierRule.STEP_TAKEN_IN_ITS_ROLE);
    }

    @Test
    void supplementCannotBeProvidedUnlessRequested() {
        expectViolation(fixture.given(submitted()).when(provideSupplement()),
                DossierRule.SUPPLEMENT_ONLY_WHEN_REQUESTED);
    }

    @Test
    void supplementCannotBeProvidedTwiceForOneRequest() {
        expectViolation(fixture.given(submitted(), supplementRequested(), supplementProvided())
                .when(provideSupplement()), DossierRule.SUPPLEMENT_ONLY_WHEN_REQUESTED);
    }

    @Test
    void supplementMustBringDocuments() {
        expectViolation(fixture.given(submitted(), supplementRequested())
                .when(new ProvideSupplement(CODE, List.of(), "Tôi đã bổ sung", null, OWNER)),
                DossierRule.SUPPLEMENT_BRINGS_DOCUMENTS);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusalAtReceptionMustStateReasons(String reasons) {
        expectViolation(fixture.given(submitted()).when(new RefuseDossier(CODE, reasons, RECEPTION)),
                DossierRule.REFUSAL_STATES_REASONS);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "\t\n"})
    void rejectionByTheLeaderMustStateReasons(String reasons) {
        expectViolation(fixture.given(reviewedHistory()).when(new RejectDossier(CODE, reasons, LEADER,
                        List.of(SIGNED_DRAFT))),
                DossierRule.REFUSAL_STATES_REASONS);
    }

    static Stream<Arguments> stagesOutsideHandling() {
        return Stream.of(
                Arguments.of("awaiting reception", List.of(submitted())),
                Arguments.of("supplement requested", List.of(submitted(), supplementRequested())),
                Arguments.of("appraised", appraisedHistory()),
                Arguments.of("approved", approvedHistory()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesOutsideHandling")
    void handlerIsAssignedOnlyAfterAcceptanceAndBeforeAppraisal(String stage, List<Object> history) {
        expectViolation(fixture.given(history).when(assign(SPECIALIST)), DossierRule.HANDLER_AFTER_ACCEPTANCE);
    }

    @Test
    void appraisalIsRecordedOnlyByTheAssignedHandler() {
        expectViolation(fixture.given(inAppraisalHistory()).when(appraise(OTHER_SPECIALIST)),
                DossierRule.APPRAISAL_BY_ASSIGNED_HANDLER);
    }

    @Test
    void appraisalCannotBeRecordedBeforeAHandlerIsAssigned() {
        expectViolation(fixture.given(acceptedHistory()).when(appraise(SPECIALIST)),
                DossierRule.APPRAISAL_BY_ASSIGNED_HANDLER);
    }

    @Test
    void appraisalCannotBeRecordedTwice() {
        expectViolation(fixture.given(appraisedHistory()).when(appraise(SPECIALIST)),
                DossierRule.APPRAISAL_BY_ASSIGNED_HANDLER);
    }

    static Stream<Arguments> decisionsOutOfTurn() {
        return Stream.of(
                Arguments.of("approve while in appraisal", inAppraisalHistory(), approve()),
                Arguments.of("reject while in appraisal", inAppraisalHistory(), reject()),
                Arguments.of("approve an accepted dossier", acceptedHistory(), approve()),
                Arguments.of("approve a dossier awaiting reception", List.of(submitted()), approve()),
                Arguments.of("approve twice", approvedHistory(), approve()),
                Arguments.of("reject an approved dossier", approvedHistory(), reject()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionsOutOfTurn")
    void noApprovalOrRejectionBeforeAppraisal(String description, List<Object> history, DossierCommand command) {
        expectViolation(fixture.given(history).when(command), DossierRule.APPROVAL_AFTER_APPRAISAL);
    }

    static Stream<Arguments> stagesBeforeDecision() {
        return Withdrawal.stagesBeforeDecision();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesBeforeDecision")
    void resultIsReturnedOnlyAfterADecision(String stage, List<Object> history) {
        expectViolation(fixture.given(history).when(returnResult()), DossierRule.RESULT_AFTER_DECISION);
    }

    @Test
    void dossierCannotBeWithdrawnAfterApproval() {
        expectViolation(fixture.given(approvedHistory()).when(withdraw()), DossierRule.WITHDRAWAL_BEFORE_DECISION);
    }

    @Test
    void dossierCannotBeWithdrawnAfterRejection() {
        expectViolation(fixture.given(rejectedHistory()).when(withdraw()), DossierRule.WITHDRAWAL_BEFORE_DECISION);
    }

    static Stream<Arguments> othersActingForTheApplicant() {
        return Stream.of(
                Arguments.of("another citizen provides the supplement", List.of(submitted(), supplementRequested()),
                        new ProvideSupplement(CODE, List.of(ID_CARD_COPY), "Bổ sung hộ", null, OTHER_CITIZEN)),
                Arguments.of("another citizen withdraws", List.of(submitted()),
                        new WithdrawDossier(CODE, "Rút hộ", OTHER_CITIZEN)),
                Arguments.of("the receiving officer withdraws for the owner", acceptedHistory(),
                        new WithdrawDossier(CODE, "Công dân gọi điện xin rút", RECEPTION)),
                Arguments.of("the receiving officer supplies the documents", List.of(submitted(), supplementRequested()),
                        new ProvideSupplement(CODE, List.of(ID_CARD_COPY), "Nhận bổ sung qua bưu điện", null, RECEPTION)),
                Arguments.of("a same-id actor in an official role", List.of(submitted()),
                        new WithdrawDossier(CODE, "Rút", new Actor(OWNER.id(), OWNER.name(), Role.RECEPTION, UNIT))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("othersActingForTheApplicant")
    void onlyTheOwnerActsAsTheApplicant(String description, List<Object> history, DossierCommand command) {
        expectViolation(fixture.given(history).when(command), DossierRule.APPLICANT_ONLY);
    }

    static Stream<Arguments> actorsOutsideTheUnit() {
        return Stream.of(
                Arguments.of("official of another unit accepts", List.of(submitted()),
                        new AcceptDossier(CODE, APPOINTED, "Tiếp nhận", FOREIGN_RECEPTION)),
                Arguments.of("official of another unit requests a supplement", List.of(submitted()),
                        new RequestSupplement(CODE, MISSING_ITEMS, "Thiếu", FOREIGN_RECEPTION)),
                Arguments.of("official of another unit refuses", List.of(submitted()),
                        new RefuseDossier(CODE, "Không thuộc thẩm quyền", FOREIGN_RECEPTION)),
                Arguments.of("leader of another unit assigns", acceptedHistory(),
                        new AssignHandler(CODE, SPECIALIST, "Giao", FOREIGN_LEADER)),
                Arguments.of("handler from another unit is assigned", acceptedHistory(), assign(FOREIGN_SPECIALIST)),
                Arguments.of("official of another unit appraises", inAppraisalHistory(),
                        new RecordAppraisal(CODE, AppraisalOutcome.FAVOURABLE, "Đạt", List.of(), FOREIGN_SPECIALIST)),
                Arguments.of("leader of another unit approves", appraisedHistory(),
                        new ApproveDossier(CODE, "Đồng ý", FOREIGN_LEADER, List.of(SIGNED_DRAFT))),
                Arguments.of("leader of another unit rejects", appraisedHistory(),
                        new RejectDossier(CODE, "Không đạt", FOREIGN_LEADER, List.of(SIGNED_DRAFT))),
                Arguments.of("official of another unit returns the result", approvedHistory(),
                        new ReturnResult(CODE, "Trả", List.of(PERMIT), FOREIGN_RECEPTION)),
                Arguments.of("the applicant accepts their own dossier", List.of(submitted()),
                        new AcceptDossier(CODE, APPOINTED, "Tự tiếp nhận", OWNER)),
                Arguments.of("an inspector of the unit approves", appraisedHistory(),
                        new ApproveDossier(CODE, "Đồng ý", INSPECTOR, List.of(SIGNED_DRAFT))),
                Arguments.of("unit head of another unit checks the draft", appraisedHistory(),
                        new ReviewResult(CODE, true, "Đồng ý trình", FOREIGN_UNIT_HEAD)),
                Arguments.of("clerk of another unit issues the result", approvedHistory(),
                        new IssueResult(CODE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT", ISSUED_ON,
                                "Nguyễn Văn An", List.of(PERMIT), FOREIGN_CLERK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actorsOutsideTheUnit")
    void officialsActOnlyOnDossiersOfTheirOwnUnit(String description, List<Object> history,
                                                  DossierCommand command) {
        expectViolation(fixture.given(history).when(command), DossierRule.OWN_UNIT_ONLY);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Corrections and revocations of the issued result are new numbered acts of the unit's leader that refer to it;
     * the original is never edited, and nothing follows a revocation (Decree 30/2020/ND-CP).
     */
    @Nested
    class ResultActs {

        private static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 20);
        private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
        private static final AttachedDocument CORRECTION_PDF = document("dinh-chinh.pdf", "Quyết định đính chính");
        private static final AttachedDocument REVOCATION_PDF = document("thu-hoi.pdf", "Quyết định thu hồi");

        private List<Object> issuedAndReturned() {
            return concat(approvedHistory(), new DossierEvent.ResultIssued(CODE, PROCEDURE, "GPXD", "GIẤY PHÉP XÂY DỰNG",
                    123, "123/GPXD-SXD", ISSUED_ON, "Nguyễn Văn An", null, List.of(PERMIT), RECEPTION, EARLIER),
                    resultReturned());
        }

        private DossierCommand.CorrectResult correct(Actor actor) {
            return new DossierCommand.CorrectResult(CODE, "Số tầng: 4", "Sai số tầng", 1, "01/QĐ-ĐC-SXD", TODAY,
                    List.of(CORRECTION_PDF), actor);
        }

        private DossierCommand.RevokeResult revoke(Actor actor) {
            return new DossierCommand.RevokeResult(CODE, "Xây dựng sai phép", "Kết luận thanh tra 12/KL-TTr", 1,
                    "01/QĐ-TH-SXD", TODAY, List.of(REVOCATION_PDF), actor);
        }

        @Test
        void theLeaderCorrectsTheIssuedResultByANewActNamingTheOriginal() {
            fixture.given(issuedAndReturned())
                    .when(correct(LEADER))
                    .expectEvents(new DossierEvent.ResultCorrected(CODE, "123/GPXD-SXD", ISSUED_ON, 1, "01/QĐ-ĐC-SXD",
                            TODAY, "Số tầng: 4", "Sai số tầng", List.of(CORRECTION_PDF), LEADER, NOW));
        }

        @Test
        void theLeaderRevokesTheIssuedResultByANumberedDecision() {
            fixture.given(concat(issuedAndReturned(), new DossierEvent.ResultCorrected(CODE, "123/GPXD-SXD", ISSUED_ON,
                            1, "01/QĐ-ĐC-SXD", ISSUED_ON, "Số tầng: 4", "Sai số tầng", List.of(CORRECTION_PDF), LEADER,
                            EARLIER)))
                    .when(revoke(LEADER))
                    .expectEvents(new DossierEvent.ResultRevoked(CODE, "123/GPXD-SXD", ISSUED_ON, 1, "01/QĐ-TH-SXD",
                            TODAY, "Kết luận thanh tra 12/KL-TTr", "Xây dựng sai phép", List.of(REVOCATION_PDF),
                            LEADER, NOW));
        }

        @Test
        void onlyAnIssuedResultIsCorrectedOrRevoked() {
            expectViolation(fixture.given(approvedHistory()).when(correct(LEADER)),
                    DossierRule.RESULT_ACT_ONLY_FOR_ISSUED_RESULT);
            expectViolation(fixture.given(concat(approvedHistory(), resultReturned())).when(revoke(LEADER)),
                    DossierRule.RESULT_ACT_ONLY_FOR_ISSUED_RESULT);
            expectViolation(fixture.given(issuedAndReturned()).when(new DossierCommand.RevokeResult(CODE, "Lý do",
                    null, 1, "01/QĐ-TH-SXD", TODAY, List.of(), LEADER)), DossierRule.RESULT_ACT_ONLY_FOR_ISSUED_RESULT);
        }

        @Test
        void onlyTheLeaderOfTheIssuingUnitCorrectsOrRevokes() {
            for (Actor actor : List.of(OWNER, RECEPTION, SPECIALIST, INSPECTOR, FOREIGN_LEADER)) {
                expectViolation(fixture.given(issuedAndReturned()).when(correct(actor)),
                        DossierRule.RESULT_ACT_BY_LEADER_OF_UNIT);
                expectViolation(fixture.given(issuedAndReturned()).when(revoke(actor)),
                        DossierRule.RESULT_ACT_BY_LEADER_OF_UNIT);
            }
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.NullAndEmptySource
        @ValueSource(strings = {" "})
        void aCorrectionStatesItsReasonAndContentAndARevocationItsReason(String blank) {
            expectViolation(fixture.given(issuedAndReturned()).when(new DossierCommand.CorrectResult(CODE, "Số tầng: 4",
                    blank, 1, "01/QĐ-ĐC-SXD", TODAY, List.of(CORRECTION_PDF), LEADER)),
                    DossierRule.RESULT_ACT_STATES_REASONS);
            expectViolation(fixture.given(issuedAndReturned()).when(new DossierCommand.CorrectResult(CODE, blank,
                    "Sai số tầng", 1, "01/QĐ-ĐC-SXD", TODAY, List.of(CORRECTION_PDF), LEADER)),
                    DossierRule.RESULT_ACT_STATES_REASONS);
            expectViolation(fixture.given(issuedAndReturned()).when(new DossierCommand.RevokeResult(CODE, blank, null,
                    1, "01/QĐ-TH-SXD", TODAY, List.of(REVOCATION_PDF), LEADER)), DossierRule.RESULT_ACT_STATES_REASONS);
        }

        @Test
        void nothingFollowsARevocation() {
            List<Object> revoked = concat(issuedAndReturned(), new DossierEvent.ResultRevoked(CODE, "123/GPXD-SXD",
                    ISSUED_ON, 1, "01/QĐ-TH-SXD", ISSUED_ON, null, "Xây dựng sai phép", List.of(REVOCATION_PDF),
                    LEADER, EARLIER));
            expectViolation(fixture.given(revoked).when(correct(LEADER)), DossierRule.NOTHING_AFTER_REVOCATION);
            expectViolation(fixture.given(revoked).when(revoke(LEADER)), DossierRule.NOTHING_AFTER_REVOCATION);
        }
    }

    private static void expectViolation(ResultValidator<Dossier> result, DossierRule rule) {
        result.expectException(DossierRuleViolation.class)
                .expectException(violating(rule))
                .expectExceptionMessage(containsString(rule.messageVi()))
                .expectNoEvents();
    }

    private static Matcher<DossierRuleViolation> violating(DossierRule rule) {
        return new FeatureMatcher<>(equalTo(rule), "a violation of", "rule") {
            @Override
            protected DossierRule featureValueOf(DossierRuleViolation violation) {
                return violation.rule();
            }
        };
    }

    /** Bridges AssertJ into Axon's Hamcrest expectations, so a failure says which assertion broke. */
    private static Matcher<List<?>> satisfies(Consumer<List<?>> assertions) {
        return new BaseMatcher<>() {
            private String failure = "";

            @Override
            public boolean matches(Object actual) {
                try {
                    assertions.accept((List<?>) actual);
                    return true;
                } catch (AssertionError e) {
                    failure = e.getMessage();
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("payloads passing the assertions " + failure);
            }
        };
    }

    private static AttachedDocument document(String fileName, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new AttachedDocument(fileName, "application/pdf", bytes.length, sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> concat(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    // commands, each from the actor who may give it

    private static SubmitDossier submit() {
        return new SubmitDossier(CODE, PROCEDURE, UNIT, APPLICANT, FORM, List.of(APPLICATION_FORM), "Nộp trực tuyến",
                OWNER);
    }

    private static AcceptDossier accept() {
        return new AcceptDossier(CODE, APPOINTED, "Hồ sơ đầy đủ, hợp lệ", RECEPTION);
    }

    private static RequestSupplement requestSupplement() {
        return new RequestSupplement(CODE, MISSING_ITEMS, "Hồ sơ còn thiếu giấy tờ", RECEPTION);
    }

    private static ProvideSupplement provideSupplement() {
        return new ProvideSupplement(CODE, List.of(ID_CARD_COPY), "Đã bổ sung bản sao CCCD", null, OWNER);
    }

    private static RefuseDossier refuse() {
        return new RefuseDossier(CODE, "Thủ tục không thuộc thẩm quyền của cơ quan", RECEPTION);
    }

    private static AssignHandler assign(Actor handler) {
        return new AssignHandler(CODE, handler, "Giao chuyên viên thụ lý", LEADER);
    }

    private static RecordAppraisal appraise(Actor handler) {
        return new RecordAppraisal(CODE, AppraisalOutcome.FAVOURABLE, "Đủ điều kiện cấp phép",
                List.of(APPRAISAL_REPORT), handler);
    }

    private static ReviewResult review() {
        return new ReviewResult(CODE, true, "Đồng ý, trình lãnh đạo ký", UNIT_HEAD);
    }

    private static ReviewResult returnToHandler() {
        return new ReviewResult(CODE, false, "Dự thảo chưa ghi phạm vi hoạt động; đề nghị chuyên viên bổ sung", UNIT_HEAD);
    }

    private static ApproveDossier approve() {
        return new ApproveDossier(CODE, "Đồng ý cấp phép", LEADER, List.of(SIGNED_DRAFT));
    }

    private static RejectDossier reject() {
        return new RejectDossier(CODE, "Không phù hợp quy hoạch chi tiết 1/500", LEADER, List.of(SIGNED_DRAFT));
    }

    private static IssueResult issue() {
        return new IssueResult(CODE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT", ISSUED_ON, "Nguyễn Văn An",
                List.of(PERMIT), CLERK);
    }

    private static ReturnResult returnResult() {
        return new ReturnResult(CODE, "Trả kết quả trực tiếp tại Bộ phận Một cửa", List.of(PERMIT), RECEPTION);
    }

    private static WithdrawDossier withdraw() {
        return new WithdrawDossier(CODE, "Tôi không còn nhu cầu", OWNER);
    }

    // past events, stamped EARLIER so the clock's time can only come from the step under test

    private static DossierSubmitted submitted() {
        return new DossierSubmitted(CODE, PROCEDURE, UNIT, APPLICANT, FORM, "Nộp trực tuyến", List.of(APPLICATION_FORM),
                OWNER, EARLIER);
    }

    private static SupplementRequested supplementRequested() {
        return new SupplementRequested(CODE, MISSING_ITEMS, "Hồ sơ còn thiếu giấy tờ", List.of(), RECEPTION, EARLIER);
    }

    private static SupplementProvided supplementProvided() {
        return new SupplementProvided(CODE, "Đã bổ sung", List.of(ID_CARD_COPY), OWNER, EARLIER,
                DossierEvent.Stage.RECEPTION, null);
    }

    private static DossierRefused refused() {
        return new DossierRefused(CODE, "Không thuộc thẩm quyền", List.of(), RECEPTION, EARLIER);
    }

    private static HandlerAssigned handlerAssigned(Actor handler) {
        return new HandlerAssigned(CODE, handler, "Giao chuyên viên thụ lý", List.of(), LEADER, EARLIER);
    }

    private static DossierWithdrawn withdrawn() {
        return new DossierWithdrawn(CODE, "Rút hồ sơ", List.of(), OWNER, EARLIER);
    }

    private static ResultReturned resultReturned() {
        return new ResultReturned(CODE, "Đã trả", List.of(PERMIT), RECEPTION, EARLIER);
    }

    private static List<Object> acceptedHistory() {
        return List.of(submitted(), new DossierAccepted(CODE, APPOINTED, "Tiếp nhận", List.of(), RECEPTION, EARLIER));
    }

    private static List<Object> inAppraisalHistory() {
        return concat(acceptedHistory(), handlerAssigned(SPECIALIST));
    }

    private static List<Object> appraisedHistory() {
        return concat(inAppraisalHistory(), new AppraisalRecorded(CODE, AppraisalOutcome.FAVOURABLE, "Đạt",
                List.of(APPRAISAL_REPORT), SPECIALIST, EARLIER));
    }

    private static List<Object> reviewedHistory() {
        return concat(appraisedHistory(), new ResultReviewed(CODE, true, "Đồng ý", List.of(), UNIT_HEAD, EARLIER));
    }

    private static List<Object> approvedHistory() {
        return concat(reviewedHistory(), new DossierApproved(CODE, "Đồng ý", List.of(SIGNED_DRAFT), LEADER, EARLIER));
    }

    private static List<Object> rejectedHistory() {
        return concat(reviewedHistory(), new DossierRejected(CODE, "Không đạt", List.of(SIGNED_DRAFT), LEADER,
                EARLIER));
    }

    private static List<Object> issued(List<Object> decided) {
        return concat(decided, new ResultIssued(CODE, PROCEDURE, "GPXD", "GIẤY PHÉP XÂY DỰNG", 7, "07/GPXD-SYT",
                ISSUED_ON, "Nguyễn Văn An", null, List.of(PERMIT), CLERK, EARLIER));
    }
}
