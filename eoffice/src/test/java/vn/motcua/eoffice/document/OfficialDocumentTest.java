package vn.motcua.eoffice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Authority;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.identity.Signatories;
import vn.motcua.engine.identity.SignatoriesProperties;
import vn.motcua.engine.identity.Signatory;
import vn.motcua.engine.identity.SigningRule;
import vn.motcua.engine.identity.SigningRuleViolation;
import vn.motcua.eoffice.document.DocumentCommand.ApproveReview;
import vn.motcua.eoffice.document.DocumentCommand.ArchiveDocument;
import vn.motcua.eoffice.document.DocumentCommand.AssignHandler;
import vn.motcua.eoffice.document.DocumentCommand.AssignNumber;
import vn.motcua.eoffice.document.DocumentCommand.CloseDocument;
import vn.motcua.eoffice.document.DocumentCommand.ConfirmDelivery;
import vn.motcua.eoffice.document.DocumentCommand.DraftDocument;
import vn.motcua.eoffice.document.DocumentCommand.GiveInstructions;
import vn.motcua.eoffice.document.DocumentCommand.IssueDocument;
import vn.motcua.eoffice.document.DocumentCommand.LinkReply;
import vn.motcua.eoffice.document.DocumentCommand.PresentToLeader;
import vn.motcua.eoffice.document.DocumentCommand.RecallDocument;
import vn.motcua.eoffice.document.DocumentCommand.ReceiveDocument;
import vn.motcua.eoffice.document.DocumentCommand.RecordProcessing;
import vn.motcua.eoffice.document.DocumentCommand.RecordReplyIssued;
import vn.motcua.eoffice.document.DocumentCommand.RegisterArrival;
import vn.motcua.eoffice.document.DocumentCommand.ReturnDraft;
import vn.motcua.eoffice.document.DocumentCommand.ReviseDraft;
import vn.motcua.eoffice.document.DocumentCommand.SealDocument;
import vn.motcua.eoffice.document.DocumentCommand.SendBack;
import vn.motcua.eoffice.document.DocumentCommand.SignDocument;
import vn.motcua.eoffice.document.DocumentCommand.SubmitForReview;
import vn.motcua.eoffice.document.DocumentEvent.AgencySealed;
import vn.motcua.eoffice.document.DocumentEvent.ArrivalRegistered;
import vn.motcua.eoffice.document.DocumentEvent.DeliveryConfirmed;
import vn.motcua.eoffice.document.DocumentEvent.DocumentArchived;
import vn.motcua.eoffice.document.DocumentEvent.DocumentClosed;
import vn.motcua.eoffice.document.DocumentEvent.DocumentDrafted;
import vn.motcua.eoffice.document.DocumentEvent.DocumentIssued;
import vn.motcua.eoffice.document.DocumentEvent.DocumentRecalled;
import vn.motcua.eoffice.document.DocumentEvent.DocumentReceived;
import vn.motcua.eoffice.document.DocumentEvent.DocumentSentBack;
import vn.motcua.eoffice.document.DocumentEvent.DocumentSigned;
import vn.motcua.eoffice.document.DocumentEvent.DraftReturned;
import vn.motcua.eoffice.document.DocumentEvent.DraftRevised;
import vn.motcua.eoffice.document.DocumentEvent.HandlerAssigned;
import vn.motcua.eoffice.document.DocumentEvent.InstructionsGiven;
import vn.motcua.eoffice.document.DocumentEvent.NumberAssigned;
import vn.motcua.eoffice.document.DocumentEvent.PresentedToLeader;
import vn.motcua.eoffice.document.DocumentEvent.ProcessingRecorded;
import vn.motcua.eoffice.document.DocumentEvent.ReplyIssued;
import vn.motcua.eoffice.document.DocumentEvent.ReplyLinked;
import vn.motcua.eoffice.document.DocumentEvent.ReviewApproved;
import vn.motcua.eoffice.document.DocumentEvent.SubmittedForReview;
import vn.motcua.eoffice.register.ArrivalNumber;
import vn.motcua.eoffice.register.DocumentRegisters;
import vn.motcua.eoffice.register.DocumentType;
import vn.motcua.eoffice.register.RegisterKinds;
import vn.motcua.eoffice.register.RegisteredNumber;
import vn.motcua.eoffice.register.Series;

/**
 * Official documents under Decree 30/2020/ND-CP: each step of the outgoing and incoming flows as the
 * event it records, and each {@link DocumentRule} as a command it refuses. The clock is fixed, the
 * register is a stand-in that records which series it was asked for (the real one is tested against
 * PostgreSQL in {@code DocumentRegistersTest}).
 */
class OfficialDocumentTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant EARLIER = Instant.parse("2026-11-20T01:30:00Z");
    /** 23:30 UTC on 22 November is already 23 November in Hanoi: dates follow the clock's zone. */
    private static final Instant NOW = Instant.parse("2026-11-22T23:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final String AGENCY = "000.00.16.H26";
    private static final String UNIT = "000.16.01.H26";
    private static final String OTHER_UNIT = "000.16.02.H26";
    private static final String THIRD_UNIT = "000.16.03.H26";
    private static final String OUT = "vb-di-0001";
    private static final String IN = "vb-den-0001";

    private static final Actor DRAFTER = new Actor("spec-01", "Phạm Văn Dũng", Role.SPECIALIST, UNIT);
    private static final Actor OTHER_SPECIALIST = new Actor("spec-02", "Hoàng Thị Em", Role.SPECIALIST, UNIT);
    private static final Actor UNIT_HEAD = new Actor("head-01", "Trần Văn Bình", Role.UNIT_HEAD, UNIT);
    private static final Actor OTHER_UNIT_HEAD = new Actor("head-02", "Lý Thị Hoa", Role.UNIT_HEAD, OTHER_UNIT);
    /** A leader who belongs to the drafting unit: right unit, wrong role for the review. */
    private static final Actor LEADER_OF_THE_UNIT = new Actor("lead-02", "Đinh Văn Phúc", Role.LEADER, UNIT);
    private static final Actor DIRECTOR = new Actor("lead-01", "Vũ Văn Giang", Role.LEADER, "000.16.00.H26");
    private static final Actor CLERK = new Actor("vt-01", "Lê Thị Cúc", Role.CLERK, "000.16.00.H26");
    /** The one-stop reception officer of the same office: an official, but not the clerk. */
    private static final Actor ONE_STOP_OFFICER = new Actor("mc-01", "Lê Thị Thu", Role.RECEPTION, "000.16.00.H26");
    private static final Actor EXCHANGE = new Actor("system", "Trục liên thông", Role.SYSTEM, null);
    private static final Actor CITIZEN = new Actor("citizen-001", "Nguyễn Văn An", Role.CITIZEN, null);
    private static final Actor HANDLER = new Actor("spec-11", "Đỗ Thị Hà", Role.SPECIALIST, OTHER_UNIT);
    private static final Actor SUPPORTING_HANDLER = new Actor("spec-12", "Ngô Thị Lan", Role.SPECIALIST, THIRD_UNIT);
    private static final Actor LEAD_UNIT_HEAD = new Actor("head-11", "Mai Văn Tùng", Role.UNIT_HEAD, OTHER_UNIT);
    private static final Actor LEADER_OF_LEAD_UNIT = new Actor("lead-11", "Hà Thị Yến", Role.LEADER, OTHER_UNIT);

    /** A deputy director with a KT. delegation for decisions. */
    private static final Actor DEPUTY = new Actor("lead-03", "Hà Văn Nam", Role.LEADER, "000.16.00.H26");
    /** Who signs for the agency: the director in their own right, the deputy KT. for decisions. */
    private static final Signatories SIGNATORIES = new Signatories(new SignatoriesProperties(List.of(
            new SignatoriesProperties.Unit(AGENCY, "Giám đốc", List.of(
                    new SignatoriesProperties.Official(DIRECTOR.id(), "Vũ Văn Giang", "Giám đốc", true),
                    new SignatoriesProperties.Official(DEPUTY.id(), "Hà Văn Nam", "Phó Giám đốc", false),
                    new SignatoriesProperties.Official(LEADER_OF_THE_UNIT.id(), "Đinh Văn Phúc", "Phó Giám đốc",
                            false)),
                    List.of(new SignatoriesProperties.Delegation(DEPUTY.id(), Authority.KT, List.of("DECISION"),
                            null, null, "Quyết định số 12/QĐ-SYT"))))));

    private static final Recipient BOARD = new Recipient("000.16.02.H26", "Phòng Nghiệp vụ Dược",
            Recipient.Kind.INTERNAL_UNIT);
    private static final Recipient MINISTRY = new Recipient("000.00.00.G18", "Bộ Y tế", Recipient.Kind.EXTERNAL_AGENCY);
    private static final DraftMetadata METADATA = new DraftMetadata(
            "Về việc cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm", DocumentType.DECISION, Urgency.NORMAL,
            Secrecy.NONE, 2, "Giám đốc", "Vũ Văn Giang", "SYT", List.of(BOARD, MINISTRY));
    private static final ReceivedMetadata RECEIVED = new ReceivedMetadata("000.00.00.G18", "Bộ Y tế",
            "125/BYT-QLD", LocalDate.of(2026, 11, 19), "Về việc tăng cường hậu kiểm mỹ phẩm", DocumentType.LETTER,
            Urgency.URGENT, Secrecy.NONE, 3);
    private static final SignatureCheck VALID = new SignatureCheck(true, List.of("BỘ Y TẾ"),
            "Chữ ký hợp lệ, văn bản toàn vẹn");
    private static final SignatureCheck INVALID = new SignatureCheck(false, List.of("BỘ Y TẾ"),
            "Văn bản đã bị thay đổi sau khi ký");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final List<Series> seriesAskedFor = new ArrayList<>();

    @BeforeEach
    void forgetSeries() {
        seriesAskedFor.clear();
    }

    /** A fresh fixture per scenario, so one test may check several scenarios of the same rule. */
    private AggregateTestFixture<OfficialDocument> fixture() {
        AggregateTestFixture<OfficialDocument> fixture = new AggregateTestFixture<>(OfficialDocument.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, HANOI));
        fixture.registerInjectableResource(new FakeRegisters(seriesAskedFor));
        fixture.registerInjectableResource(SIGNATORIES);
        return fixture;
    }

    // ---------------------------------------------------------------- outgoing

    @Nested
    class Outgoing {

        @Test
        void draftRecordsDecree30MetadataDrafterAndClockTime() {
            fixture().givenNoPriorActivity()
                    .when(new DraftDocument(OUT, AGENCY, UNIT, METADATA, null, DRAFTER))
                    .expectEvents(new DocumentDrafted(OUT, AGENCY, UNIT, METADATA, null, DRAFTER, NOW));
        }

        @Test
        void draftMustHaveSubjectOfAtMostFiveHundredCharactersAndRecipients() {
            DraftMetadata longSubject = withSubject("x".repeat(501));
            violates(fixture().givenNoPriorActivity().when(new DraftDocument(OUT, AGENCY, UNIT, longSubject, null, DRAFTER)),
                    DocumentRule.DRAFT_METADATA_COMPLETE);
            DraftMetadata noRecipients = new DraftMetadata(METADATA.subject(), METADATA.type(), METADATA.urgency(),
                    METADATA.secrecy(), 2, "Giám đốc", "Vũ Văn Giang", "SYT", List.of());
            violates(fixture().givenNoPriorActivity().when(new DraftDocument(OUT, AGENCY, UNIT, noRecipients, null, DRAFTER)),
                    DocumentRule.DRAFT_METADATA_COMPLETE);
            fixture().givenNoPriorActivity()
                    .when(new DraftDocument(OUT, AGENCY, UNIT, withSubject("x".repeat(500)), null, DRAFTER))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void onlyASpecialistDrafts() {
            violates(fixture().givenNoPriorActivity().when(new DraftDocument(OUT, AGENCY, UNIT, METADATA, null, CITIZEN)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        @Test
        void drafterSubmitsToTheUnitHead() {
            fixture().given(drafted())
                    .when(new SubmitForReview(OUT, "Kính trình", DRAFTER))
                    .expectEvents(new SubmittedForReview(OUT, "Kính trình", DRAFTER, NOW));
        }

        @Test
        void onlyTheDrafterSubmitsAndOnlyADraft() {
            violates(fixture().given(drafted()).when(new SubmitForReview(OUT, null, OTHER_SPECIALIST)),
                    DocumentRule.DRAFTER_REVISES_AND_SUBMITS);
            violates(fixture().given(drafted(), submitted()).when(new SubmitForReview(OUT, null, DRAFTER)),
                    DocumentRule.DRAFTER_REVISES_AND_SUBMITS);
        }

        @Test
        void headOfTheDraftingUnitApprovesTheReview() {
            fixture().given(drafted(), submitted())
                    .when(new ApproveReview(OUT, "Đồng ý trình ký", UNIT_HEAD))
                    .expectEvents(new ReviewApproved(OUT, "Đồng ý trình ký", UNIT_HEAD, NOW));
        }

        @Test
        void headOfAnotherUnitCannotReview() {
            violates(fixture().given(drafted(), submitted()).when(new ApproveReview(OUT, null, OTHER_UNIT_HEAD)),
                    DocumentRule.REVIEW_BY_UNIT_HEAD);
            violates(fixture().given(drafted()).when(new ApproveReview(OUT, null, UNIT_HEAD)),
                    DocumentRule.REVIEW_BY_UNIT_HEAD);
        }

        @Test
        void aLeaderOfTheDraftingUnitDoesNotTakeTheUnitHeadsReview() {
            violates(fixture().given(drafted(), submitted()).when(new ApproveReview(OUT, null, LEADER_OF_THE_UNIT)),
                    DocumentRule.REVIEW_BY_UNIT_HEAD);
            violates(fixture().given(drafted(), submitted()).when(new ReturnDraft(OUT, "Sửa", LEADER_OF_THE_UNIT)),
                    DocumentRule.REVIEW_BY_UNIT_HEAD);
        }

        @Test
        void unitHeadReviewsButDoesNotSign() {
            violates(fixture().given(drafted(), submitted(), reviewed()).when(new SignDocument(OUT, null, UNIT_HEAD)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(drafted(), submitted(), reviewed()).when(new ReturnDraft(OUT, "Sửa", UNIT_HEAD)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        @Test
        void returnedDraftIsRevisedAndSubmittedAgain() {
            fixture().given(drafted(), submitted())
                    .when(new ReturnDraft(OUT, "Sửa trích yếu", UNIT_HEAD))
                    .expectEvents(new DraftReturned(OUT, "Sửa trích yếu", UNIT_HEAD, NOW));
            DraftMetadata revised = withSubject("Về việc cấp số tiếp nhận Phiếu công bố mỹ phẩm");
            fixture().given(drafted(), submitted(), returned())
                    .when(new ReviseDraft(OUT, revised, DRAFTER))
                    .expectEvents(new DraftRevised(OUT, revised, DRAFTER, NOW));
            fixture().given(drafted(), submitted(), returned())
                    .when(new SubmitForReview(OUT, null, DRAFTER))
                    .expectEvents(new SubmittedForReview(OUT, null, DRAFTER, NOW));
        }

        @Test
        void returningStatesTheReasons() {
            violates(fixture().given(drafted(), submitted()).when(new ReturnDraft(OUT, " ", UNIT_HEAD)),
                    DocumentRule.RETURN_STATES_REASONS);
        }

        @Test
        void signingLeaderMayReturnTheDraft() {
            fixture().given(drafted(), submitted(), reviewed())
                    .when(new ReturnDraft(OUT, "Bổ sung căn cứ pháp lý", DIRECTOR))
                    .expectEvents(new DraftReturned(OUT, "Bổ sung căn cứ pháp lý", DIRECTOR, NOW));
        }

        @Test
        void leaderSignsAfterTheReview() {
            fixture().given(drafted(), submitted(), reviewed())
                    .when(new SignDocument(OUT, "Đồng ý ban hành", DIRECTOR))
                    .expectEvents(new DocumentSigned(OUT, "Đồng ý ban hành", null,
                            Signatory.own(DIRECTOR.id(), "Vũ Văn Giang", "Giám đốc"), DIRECTOR, NOW));
        }

        @Test
        void aDeputySignsOnTheHeadsBehalfOnlyUnderADelegationForTheKindAndTheDay() {
            Signatory deputy = new Signatory(DEPUTY.id(), "Hà Văn Nam", "Phó Giám đốc", Authority.KT, "Giám đốc",
                    "Quyết định số 12/QĐ-SYT");
            fixture().given(drafted(), submitted(), reviewed())
                    .when(new SignDocument(OUT, null, DEPUTY))
                    .expectEvents(new DocumentSigned(OUT, null, null, deputy, DEPUTY, NOW));
            assertThat(deputy.titleLines()).containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
            // the delegation covers decisions only: a letter is refused
            DraftMetadata letter = new DraftMetadata(METADATA.subject(), DocumentType.LETTER, Urgency.NORMAL,
                    Secrecy.NONE, 1, "Phó Giám đốc", "Hà Văn Nam", "SYT", List.of(BOARD));
            violatesSigning(fixture().given(new DocumentDrafted(OUT, AGENCY, UNIT, letter, null, DRAFTER, EARLIER),
                    submitted(), reviewed()).when(new SignDocument(OUT, null, DEPUTY)));
            // a leader of the unit without any delegation is refused
            violatesSigning(fixture().given(drafted(), submitted(), reviewed())
                    .when(new SignDocument(OUT, null, LEADER_OF_THE_UNIT)));
        }

        @Test
        void noSignatureBeforeTheReviewNorByANonLeader() {
            violates(fixture().given(drafted(), submitted()).when(new SignDocument(OUT, null, DIRECTOR)),
                    DocumentRule.SIGNATURE_AFTER_REVIEW);
            violates(fixture().given(drafted(), submitted(), reviewed()).when(new SignDocument(OUT, null, DRAFTER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        @Test
        void clerkTakesNumberAndTodaysDateInTheClocksZoneFromTheRegister() {
            fixture().given(signedHistory())
                    .when(new AssignNumber(OUT, CLERK))
                    .expectEvents(numbered());
            assertThat(seriesAskedFor).containsExactly(Series.ORDINARY);
        }

        @Test
        void noNumberBeforeTheLeadersSignature() {
            violates(fixture().given(drafted(), submitted(), reviewed()).when(new AssignNumber(OUT, CLERK)),
                    DocumentRule.NUMBER_AFTER_SIGNATURE);
            assertThat(seriesAskedFor).isEmpty();
        }

        @Test
        void onlyTheClerkNumbers() {
            violates(fixture().given(signedHistory()).when(new AssignNumber(OUT, DIRECTOR)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            assertThat(seriesAskedFor).isEmpty();
        }

        @Test
        void theOneStopOfficerTakesNoClerksStepOnAnOutgoingDocument() {
            violates(fixture().given(signedHistory()).when(new AssignNumber(OUT, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(numberedHistory()).when(new SealDocument(OUT, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(sealedHistory()).when(new IssueDocument(OUT, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(issuedHistory()).when(new ConfirmDelivery(OUT, BOARD.id(), ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(issuedHistory()).when(new ArchiveDocument(OUT, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            assertThat(seriesAskedFor).isEmpty();
        }

        @Test
        void secretDocumentIsNumberedInTheSecretSeries() {
            DraftMetadata secret = new DraftMetadata(METADATA.subject(), DocumentType.DECISION, Urgency.NORMAL,
                    Secrecy.CONFIDENTIAL, 2, "Giám đốc", "Vũ Văn Giang", "SYT", List.of(BOARD));
            fixture().given(new DocumentDrafted(OUT, AGENCY, UNIT, secret, null, DRAFTER, EARLIER), submitted(),
                            reviewed(), signed())
                    .when(new AssignNumber(OUT, CLERK))
                    .expectEvents(new NumberAssigned(OUT, 5, "05", "05/QĐ-SYT/M", AGENCY + ".2026.05/QĐ-SYT/M", TODAY,
                            "OUTGOING:" + UNIT + ":QD", CLERK, NOW));
            assertThat(seriesAskedFor).containsExactly(Series.SECRET);
        }

        @Test
        void agencySealsANumberedDocument() {
            fixture().given(numberedHistory())
                    .when(new SealDocument(OUT, CLERK))
                    .expectEvents(new AgencySealed(OUT, CLERK, NOW));
        }

        @Test
        void noAgencySealBeforeTheNumber() {
            violates(fixture().given(signedHistory()).when(new SealDocument(OUT, CLERK)), DocumentRule.SEAL_AFTER_NUMBER);
        }

        @Test
        void sealedDocumentIsIssuedToItsRecipients() {
            fixture().given(sealedHistory())
                    .when(new IssueDocument(OUT, CLERK))
                    .expectEvents(new DocumentIssued(OUT, List.of(BOARD, MINISTRY), CLERK, NOW));
        }

        @Test
        void noIssueBeforeTheAgencySeal() {
            violates(fixture().given(numberedHistory()).when(new IssueDocument(OUT, CLERK)), DocumentRule.ISSUE_AFTER_SEAL);
        }

        @Test
        void deliveryIsTrackedPerRecipientOnce() {
            fixture().given(issuedHistory())
                    .when(new ConfirmDelivery(OUT, MINISTRY.id(), EXCHANGE))
                    .expectEvents(new DeliveryConfirmed(OUT, MINISTRY.id(), EXCHANGE, NOW));
            violates(fixture().given(concat(issuedHistory(), delivered(MINISTRY)))
                    .when(new ConfirmDelivery(OUT, MINISTRY.id(), CLERK)), DocumentRule.DELIVERY_TO_EACH_RECIPIENT_ONCE);
            violates(fixture().given(issuedHistory()).when(new ConfirmDelivery(OUT, "000.00.99.H99", CLERK)),
                    DocumentRule.DELIVERY_TO_EACH_RECIPIENT_ONCE);
            violates(fixture().given(sealedHistory()).when(new ConfirmDelivery(OUT, BOARD.id(), CLERK)),
                    DocumentRule.DELIVERY_TO_EACH_RECIPIENT_ONCE);
        }

        @Test
        void leaderRecallsAnIssuedDocumentStatingTheReason() {
            fixture().given(issuedHistory())
                    .when(new RecallDocument(OUT, "Sai căn cứ pháp lý", DIRECTOR))
                    .expectEvents(new DocumentRecalled(OUT, "Sai căn cứ pháp lý", DIRECTOR, NOW));
        }

        @Test
        void recallNeedsAnIssuedDocumentALeaderAndAReason() {
            violates(fixture().given(sealedHistory()).when(new RecallDocument(OUT, "Sai", DIRECTOR)),
                    DocumentRule.RECALL_ONLY_ISSUED_WITH_REASON);
            violates(fixture().given(issuedHistory()).when(new RecallDocument(OUT, "", DIRECTOR)),
                    DocumentRule.RECALL_ONLY_ISSUED_WITH_REASON);
            violates(fixture().given(issuedHistory()).when(new RecallDocument(OUT, "Sai", CLERK)),
                    DocumentRule.RECALL_ONLY_ISSUED_WITH_REASON);
        }

        @Test
        void recalledDocumentIsFrozenAndCannotBeDelivered() {
            violates(fixture().given(concat(issuedHistory(), recalled())).when(new ConfirmDelivery(OUT, BOARD.id(), EXCHANGE)),
                    DocumentRule.RECALLED_DOCUMENT_IS_FROZEN);
            violates(fixture().given(concat(issuedHistory(), recalled())).when(new ArchiveDocument(OUT, CLERK)),
                    DocumentRule.RECALLED_DOCUMENT_IS_FROZEN);
            violates(fixture().given(concat(issuedHistory(), recalled())).when(new RecallDocument(OUT, "Lần nữa", DIRECTOR)),
                    DocumentRule.RECALLED_DOCUMENT_IS_FROZEN);
        }

        @Test
        void issuedDocumentIsArchivedAndThenFinal() {
            fixture().given(concat(issuedHistory(), delivered(BOARD)))
                    .when(new ArchiveDocument(OUT, CLERK))
                    .expectEvents(new DocumentArchived(OUT, CLERK, NOW));
            violates(fixture().given(concat(issuedHistory(), archived(OUT))).when(new ConfirmDelivery(OUT, BOARD.id(), EXCHANGE)),
                    DocumentRule.ARCHIVED_DOCUMENT_IS_FINAL);
        }

        @Test
        void noArchiveBeforeIssue() {
            violates(fixture().given(sealedHistory()).when(new ArchiveDocument(OUT, CLERK)),
                    DocumentRule.ARCHIVE_AFTER_COMPLETION);
        }

        @Test
        void incomingStepsDoNotApplyToAnOutgoingDocument() {
            violates(fixture().given(signedHistory()).when(new RegisterArrival(OUT, CLERK)),
                    DocumentRule.STEP_OF_ITS_DIRECTION);
        }
    }

    // ---------------------------------------------------------------- incoming

    @Nested
    class Incoming {

        @Test
        void clerkReceivesAnElectronicDocumentWithItsSignatureCheck() {
            fixture().givenNoPriorActivity()
                    .when(new ReceiveDocument(IN, AGENCY, RECEIVED, VALID, SHA, CLERK))
                    .expectEvents(new DocumentReceived(IN, AGENCY, RECEIVED, VALID, SHA, CLERK, NOW));
        }

        @Test
        void receivedDocumentNeedsItsMetadataAndASignatureCheck() {
            ReceivedMetadata noSymbol = new ReceivedMetadata("000.00.00.G18", "Bộ Y tế", " ", RECEIVED.issuedOn(),
                    RECEIVED.subject(), DocumentType.LETTER, Urgency.URGENT, Secrecy.NONE, 3);
            violates(fixture().givenNoPriorActivity().when(new ReceiveDocument(IN, AGENCY, noSymbol, VALID, SHA, CLERK)),
                    DocumentRule.RECEIVED_METADATA_COMPLETE);
            violates(fixture().givenNoPriorActivity().when(new ReceiveDocument(IN, AGENCY, RECEIVED, null, SHA, CLERK)),
                    DocumentRule.RECEIVED_METADATA_COMPLETE);
        }

        @Test
        void theOneStopOfficerTakesNoClerksStepOnAnIncomingDocument() {
            violates(fixture().givenNoPriorActivity()
                            .when(new ReceiveDocument(IN, AGENCY, RECEIVED, VALID, SHA, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(received(VALID)).when(new RegisterArrival(IN, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(received(INVALID)).when(new SendBack(IN, "Chữ ký không hợp lệ", ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(registeredHistory()).when(new PresentToLeader(IN, DIRECTOR, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            violates(fixture().given(concat(instructedHistory(), processed(), closed()))
                            .when(new ArchiveDocument(IN, ONE_STOP_OFFICER)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
            assertThat(seriesAskedFor).isEmpty();
        }

        @Test
        void authenticDocumentIsRegisteredWithAnArrivalNumber() {
            fixture().given(received(VALID))
                    .when(new RegisterArrival(IN, CLERK))
                    .expectEvents(new ArrivalRegistered(IN, 7, "07", TODAY, CLERK, NOW));
            assertThat(seriesAskedFor).containsExactly(Series.ORDINARY);
        }

        @Test
        void documentFailingVerificationIsNotRegisteredButSentBack() {
            violates(fixture().given(received(INVALID)).when(new RegisterArrival(IN, CLERK)),
                    DocumentRule.REGISTER_ONLY_AUTHENTIC_DOCUMENTS);
            fixture().given(received(INVALID))
                    .when(new SendBack(IN, "Văn bản đã bị thay đổi sau khi ký", CLERK))
                    .expectEvents(new DocumentSentBack(IN, "Văn bản đã bị thay đổi sau khi ký", CLERK, NOW));
            violates(fixture().given(received(INVALID), sentBack()).when(new RegisterArrival(IN, CLERK)),
                    DocumentRule.SENT_BACK_DOCUMENT_IS_FINAL);
        }

        @Test
        void onlyAnUnregisteredDocumentIsSentBackAndWithAReason() {
            violates(fixture().given(registeredHistory()).when(new SendBack(IN, "Sai nơi nhận", CLERK)),
                    DocumentRule.SEND_BACK_BEFORE_REGISTRATION);
            violates(fixture().given(received(INVALID)).when(new SendBack(IN, null, CLERK)),
                    DocumentRule.SEND_BACK_BEFORE_REGISTRATION);
        }

        @Test
        void registeredDocumentIsPresentedToALeader() {
            fixture().given(registeredHistory())
                    .when(new PresentToLeader(IN, DIRECTOR, CLERK))
                    .expectEvents(new PresentedToLeader(IN, DIRECTOR, CLERK, NOW));
            violates(fixture().given(received(VALID)).when(new PresentToLeader(IN, DIRECTOR, CLERK)),
                    DocumentRule.PRESENT_AFTER_REGISTRATION);
            violates(fixture().given(registeredHistory()).when(new PresentToLeader(IN, HANDLER, CLERK)),
                    DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        @Test
        void leaderInstructsLeadUnitSupportingUnitsAndDeadline() {
            fixture().given(presentedHistory())
                    .when(instruct(OTHER_UNIT, List.of(THIRD_UNIT), TODAY.plusDays(10)))
                    .expectEvents(instructed());
        }

        @Test
        void instructionsOnlyAfterRegistration() {
            violates(fixture().given(received(VALID)).when(instruct(OTHER_UNIT, List.of(), TODAY.plusDays(10))),
                    DocumentRule.INSTRUCTIONS_AFTER_REGISTRATION);
            violates(fixture().given(instructedHistory()).when(instruct(OTHER_UNIT, List.of(), TODAY.plusDays(10))),
                    DocumentRule.INSTRUCTIONS_AFTER_REGISTRATION);
        }

        @Test
        void instructionsNameADistinctLeadUnitAndADeadlineNotInThePast() {
            violates(fixture().given(presentedHistory()).when(instruct(OTHER_UNIT, List.of(OTHER_UNIT), TODAY)),
                    DocumentRule.INSTRUCTIONS_NAME_LEAD_UNIT_AND_DEADLINE);
            violates(fixture().given(presentedHistory()).when(instruct(OTHER_UNIT, List.of(), TODAY.minusDays(1))),
                    DocumentRule.INSTRUCTIONS_NAME_LEAD_UNIT_AND_DEADLINE);
            violates(fixture().given(presentedHistory()).when(instruct(null, List.of(), TODAY)),
                    DocumentRule.INSTRUCTIONS_NAME_LEAD_UNIT_AND_DEADLINE);
        }

        @Test
        void onlyALeaderInstructs() {
            violates(fixture().given(presentedHistory()).when(new GiveInstructions(IN, OTHER_UNIT, List.of(),
                    TODAY.plusDays(5), null, CLERK)), DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        @Test
        void theHeadOfTheLeadUnitAssignsASpecialistOfTheUnitWithADueDateWithinTheLeadersDeadline() {
            fixture().given(instructedHistory())
                    .when(new AssignHandler(IN, HANDLER, TODAY.plusDays(7), "Đồng chí Hà dự thảo trả lời",
                            LEAD_UNIT_HEAD))
                    .expectEvents(new HandlerAssigned(IN, HANDLER, TODAY.plusDays(7), "Đồng chí Hà dự thảo trả lời",
                            LEAD_UNIT_HEAD, NOW));
            fixture().given(instructedHistory())
                    .when(new AssignHandler(IN, HANDLER, TODAY.plusDays(10), null, LEAD_UNIT_HEAD))
                    .expectEvents(new HandlerAssigned(IN, HANDLER, TODAY.plusDays(10), null, LEAD_UNIT_HEAD, NOW));
        }

        @Test
        void onlyTheHeadOfTheLeadUnitAssignsOnceAfterTheInstructions() {
            for (Actor other : List.of(UNIT_HEAD, LEADER_OF_LEAD_UNIT, HANDLER, DIRECTOR, CLERK)) {
                violates(fixture().given(instructedHistory())
                                .when(new AssignHandler(IN, HANDLER, TODAY.plusDays(5), null, other)),
                        DocumentRule.ASSIGNMENT_BY_HEAD_OF_LEAD_UNIT);
            }
            violates(fixture().given(presentedHistory())
                            .when(new AssignHandler(IN, HANDLER, TODAY.plusDays(5), null, LEAD_UNIT_HEAD)),
                    DocumentRule.ASSIGNMENT_BY_HEAD_OF_LEAD_UNIT);
            violates(fixture().given(concat(instructedHistory(), assigned()))
                            .when(new AssignHandler(IN, HANDLER, TODAY.plusDays(5), null, LEAD_UNIT_HEAD)),
                    DocumentRule.ASSIGNMENT_BY_HEAD_OF_LEAD_UNIT);
        }

        @Test
        void theHandlerIsASpecialistOfTheLeadUnit() {
            for (Actor notOfTheUnit : List.of(DRAFTER, SUPPORTING_HANDLER, LEADER_OF_LEAD_UNIT)) {
                violates(fixture().given(instructedHistory())
                                .when(new AssignHandler(IN, notOfTheUnit, TODAY.plusDays(5), null, LEAD_UNIT_HEAD)),
                        DocumentRule.HANDLER_IS_SPECIALIST_OF_LEAD_UNIT);
            }
            violates(fixture().given(instructedHistory())
                    .when(new AssignHandler(IN, null, TODAY.plusDays(5), null, LEAD_UNIT_HEAD)),
                    DocumentRule.HANDLER_IS_SPECIALIST_OF_LEAD_UNIT);
        }

        @Test
        void theDueDateIsNotInThePastAndNotAfterTheLeadersDeadline() {
            for (LocalDate wrong : java.util.Arrays.asList(TODAY.minusDays(1), TODAY.plusDays(11), null)) {
                violates(fixture().given(instructedHistory())
                                .when(new AssignHandler(IN, HANDLER, wrong, null, LEAD_UNIT_HEAD)),
                        DocumentRule.ASSIGNED_DUE_DATE_WITHIN_LEADERS_DEADLINE);
            }
            fixture().given(instructedHistory())
                    .when(new AssignHandler(IN, HANDLER, TODAY, null, LEAD_UNIT_HEAD))
                    .expectEvents(new HandlerAssigned(IN, HANDLER, TODAY, null, LEAD_UNIT_HEAD, NOW));
        }

        @Test
        void aSecretDocumentIsAssignedOnlyToAnOfficialTheLeaderNamed() {
            ReceivedMetadata secret = new ReceivedMetadata(RECEIVED.senderAgencyId(), RECEIVED.senderName(),
                    RECEIVED.numberSymbol(), RECEIVED.issuedOn(), RECEIVED.subject(), RECEIVED.type(),
                    RECEIVED.urgency(), Secrecy.CONFIDENTIAL, 3);
            List<Object> history = List.of(new DocumentReceived(IN, AGENCY, secret, VALID, null, CLERK, EARLIER),
                    new ArrivalRegistered(IN, 7, "07", TODAY, CLERK, EARLIER),
                    new InstructionsGiven(IN, OTHER_UNIT, List.of(), TODAY.plusDays(10), null,
                            List.of(HANDLER.id()), DIRECTOR, EARLIER));
            Actor unnamed = new Actor("spec-13", "Trịnh Văn Khoa", Role.SPECIALIST, OTHER_UNIT);
            violates(fixture().given(history).when(new AssignHandler(IN, unnamed, TODAY.plusDays(3), null,
                    LEAD_UNIT_HEAD)), DocumentRule.SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS);
            fixture().given(history).when(new AssignHandler(IN, HANDLER, TODAY.plusDays(3), null, LEAD_UNIT_HEAD))
                    .expectEvents(new HandlerAssigned(IN, HANDLER, TODAY.plusDays(3), null, LEAD_UNIT_HEAD, NOW));
        }

        @Test
        void onceAssignedOnlyTheHandlerOrTheHeadProcessesAndCloses() {
            Actor colleague = new Actor("spec-13", "Trịnh Văn Khoa", Role.SPECIALIST, OTHER_UNIT);
            violates(fixture().given(concat(instructedHistory(), assigned()))
                    .when(new RecordProcessing(IN, "Tôi xử lý thay", colleague)),
                    DocumentRule.PROCESSING_BY_ASSIGNED_HANDLER);
            violates(fixture().given(concat(instructedHistory(), assigned(), processed()))
                    .when(new CloseDocument(IN, null, colleague)), DocumentRule.PROCESSING_BY_ASSIGNED_HANDLER);
            fixture().given(concat(instructedHistory(), assigned()))
                    .when(new RecordProcessing(IN, "Đã dự thảo văn bản trả lời", HANDLER))
                    .expectEvents(new ProcessingRecorded(IN, "Đã dự thảo văn bản trả lời", HANDLER, NOW));
            fixture().given(concat(instructedHistory(), assigned(), processed()))
                    .when(new CloseDocument(IN, "Xong", LEAD_UNIT_HEAD))
                    .expectEvents(new DocumentClosed(IN, "Xong", LEAD_UNIT_HEAD, NOW));
        }

        @Test
        void leadUnitProcessesAndLinksItsReplyDraft() {
            fixture().given(instructedHistory())
                    .when(new RecordProcessing(IN, "Đã dự thảo văn bản trả lời", HANDLER))
                    .expectEvents(new ProcessingRecorded(IN, "Đã dự thảo văn bản trả lời", HANDLER, NOW));
            fixture().given(concat(instructedHistory(), processed()))
                    .when(new LinkReply(IN, OUT, HANDLER))
                    .expectEvents(new ReplyLinked(IN, OUT, HANDLER, NOW));
        }

        @Test
        void headOfTheLeadUnitMayHandleButNotALeaderInItsPlace() {
            fixture().given(instructedHistory())
                    .when(new RecordProcessing(IN, "Phân công chuyên viên dự thảo trả lời", LEAD_UNIT_HEAD))
                    .expectEvents(new ProcessingRecorded(IN, "Phân công chuyên viên dự thảo trả lời", LEAD_UNIT_HEAD,
                            NOW));
            violates(fixture().given(instructedHistory()).when(new RecordProcessing(IN, null, LEADER_OF_LEAD_UNIT)),
                    DocumentRule.PROCESSING_BY_LEAD_UNIT);
        }

        @Test
        void replyIsLinkedWhileInstructedOrInProcessAndNotYetClosed() {
            fixture().given(instructedHistory())
                    .when(new LinkReply(IN, OUT, HANDLER))
                    .expectEvents(new ReplyLinked(IN, OUT, HANDLER, NOW));
            violates(fixture().given(presentedHistory()).when(new LinkReply(IN, OUT, HANDLER)),
                    DocumentRule.REPLY_TO_DOCUMENT_IN_PROCESS);
            violates(fixture().given(concat(instructedHistory(), processed(), closed()))
                    .when(new LinkReply(IN, OUT, HANDLER)), DocumentRule.REPLY_TO_DOCUMENT_IN_PROCESS);
            violates(fixture().given(concat(instructedHistory(), processed(), closed(), archived(IN)))
                    .when(new LinkReply(IN, OUT, HANDLER)), DocumentRule.ARCHIVED_DOCUMENT_IS_FINAL);
            violates(fixture().given(received(INVALID), sentBack()).when(new LinkReply(IN, OUT, HANDLER)),
                    DocumentRule.SENT_BACK_DOCUMENT_IS_FINAL);
            violates(fixture().given(concat(instructedHistory(), replyLinked())).when(new LinkReply(IN, OUT, HANDLER)),
                    DocumentRule.REPLY_TO_DOCUMENT_IN_PROCESS);
            violates(fixture().given(issuedHistory()).when(new LinkReply(OUT, "vb-di-0002", DRAFTER)),
                    DocumentRule.STEP_OF_ITS_DIRECTION);
        }

        @Test
        void onlyTheLeadUnitRepliesNotASupportingUnit() {
            violates(fixture().given(instructedHistory()).when(new LinkReply(IN, OUT, SUPPORTING_HANDLER)),
                    DocumentRule.PROCESSING_BY_LEAD_UNIT);
            violates(fixture().given(instructedHistory()).when(new LinkReply(IN, OUT, DRAFTER)),
                    DocumentRule.PROCESSING_BY_LEAD_UNIT);
        }

        @Test
        void issueOfALinkedReplyIsRecordedOnceByTheClerk() {
            fixture().given(concat(instructedHistory(), replyLinked()))
                    .when(new RecordReplyIssued(IN, OUT, "05/QĐ-SYT", CLERK))
                    .expectEvents(new ReplyIssued(IN, OUT, "05/QĐ-SYT", CLERK, NOW));
            violates(fixture().given(concat(instructedHistory(), replyLinked(), replyIssued()))
                    .when(new RecordReplyIssued(IN, OUT, "05/QĐ-SYT", CLERK)), DocumentRule.REPLY_ISSUED_WHEN_LINKED);
            violates(fixture().given(instructedHistory()).when(new RecordReplyIssued(IN, OUT, "05/QĐ-SYT", CLERK)),
                    DocumentRule.REPLY_ISSUED_WHEN_LINKED);
            violates(fixture().given(concat(instructedHistory(), replyLinked()))
                    .when(new RecordReplyIssued(IN, OUT, "05/QĐ-SYT", HANDLER)), DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
        }

        @Test
        void documentWithAReplyIsClosedOnlyOnceTheReplyIsIssued() {
            violates(fixture().given(concat(instructedHistory(), replyLinked(), processed()))
                    .when(new CloseDocument(IN, "Đã trả lời", HANDLER)), DocumentRule.CLOSE_AFTER_REPLY_ISSUED);
            fixture().given(concat(instructedHistory(), replyLinked(), processed(), replyIssued()))
                    .when(new CloseDocument(IN, "Đã trả lời bằng văn bản số 05/QĐ-SYT", HANDLER))
                    .expectEvents(new DocumentClosed(IN, "Đã trả lời bằng văn bản số 05/QĐ-SYT", HANDLER, NOW));
        }

        @Test
        void supportingUnitsDoNotProcessAndNobodyBeforeInstructions() {
            violates(fixture().given(instructedHistory()).when(new RecordProcessing(IN, null, SUPPORTING_HANDLER)),
                    DocumentRule.PROCESSING_BY_LEAD_UNIT);
            violates(fixture().given(presentedHistory()).when(new RecordProcessing(IN, null, HANDLER)),
                    DocumentRule.PROCESSING_BY_LEAD_UNIT);
        }

        @Test
        void closedAfterProcessingThenArchived() {
            violates(fixture().given(instructedHistory()).when(new CloseDocument(IN, "Xong", HANDLER)),
                    DocumentRule.CLOSE_AFTER_PROCESSING);
            fixture().given(concat(instructedHistory(), processed()))
                    .when(new CloseDocument(IN, "Đã trả lời bằng văn bản", HANDLER))
                    .expectEvents(new DocumentClosed(IN, "Đã trả lời bằng văn bản", HANDLER, NOW));
            violates(fixture().given(concat(instructedHistory(), processed())).when(new ArchiveDocument(IN, CLERK)),
                    DocumentRule.ARCHIVE_AFTER_COMPLETION);
            fixture().given(concat(instructedHistory(), processed(), new DocumentClosed(IN, null, HANDLER, EARLIER)))
                    .when(new ArchiveDocument(IN, CLERK))
                    .expectEvents(new DocumentArchived(IN, CLERK, NOW));
        }

        @Test
        void outgoingStepsDoNotApplyToAnIncomingDocument() {
            violates(fixture().given(registeredHistory()).when(new SignDocument(IN, null, DIRECTOR)),
                    DocumentRule.STEP_OF_ITS_DIRECTION);
            violates(fixture().given(registeredHistory()).when(new RecallDocument(IN, "Sai", DIRECTOR)),
                    DocumentRule.STEP_OF_ITS_DIRECTION);
        }
    }

    // ---------------------------------------------------------------- state secrets (Law 29/2018/QH14)

    @Nested
    class StateSecrets {

        @Test
        void topSecretDraftWithAFileAttachmentsOrASubjectIsRefused() {
            for (Secrecy level : List.of(Secrecy.SECRET, Secrecy.TOP_SECRET)) {
                DraftMetadata noSubject = secret(level, null);
                violates(fixture().givenNoPriorActivity().when(new DraftDocument(OUT, AGENCY, UNIT, noSubject, null,
                        SHA, List.of(), DRAFTER)), DocumentRule.CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE);
                violates(fixture().givenNoPriorActivity().when(new DraftDocument(OUT, AGENCY, UNIT, noSubject, null,
                        null, List.of(new Attachment("phu-luc.pdf", SHA)), DRAFTER)),
                        DocumentRule.CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE);
                violates(fixture().givenNoPriorActivity().when(new DraftDocument(OUT, AGENCY, UNIT,
                        secret(level, "Kế hoạch bảo vệ mục tiêu"), null, DRAFTER)),
                        DocumentRule.CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE);
            }
        }

        @Test
        void topSecretDraftIsRecordedByItsMetadataWithTheOfflineNote() {
            DraftMetadata metadataOnly = secret(Secrecy.TOP_SECRET, null);
            fixture().givenNoPriorActivity()
                    .when(new DraftDocument(OUT, AGENCY, UNIT, metadataOnly, null, DRAFTER))
                    .expectEvents(new DocumentDrafted(OUT, AGENCY, UNIT,
                            secret(Secrecy.TOP_SECRET, Secrecy.TOP_SECRET.offlineNote()), null, DRAFTER, NOW));
        }

        @Test
        void aConfidentialDraftKeepsItsFileAndSubject() {
            DraftMetadata confidential = secret(Secrecy.CONFIDENTIAL, METADATA.subject());
            fixture().givenNoPriorActivity()
                    .when(new DraftDocument(OUT, AGENCY, UNIT, confidential, null, SHA, List.of(), DRAFTER))
                    .expectEvents(new DocumentDrafted(OUT, AGENCY, UNIT, confidential, null, SHA, DRAFTER, NOW));
        }

        @Test
        void aDraftWithAFileIsNotRevisedToALevelKeptOffline() {
            violates(fixture().given(new DocumentDrafted(OUT, AGENCY, UNIT, METADATA, null, SHA, DRAFTER, EARLIER))
                            .when(new ReviseDraft(OUT, secret(Secrecy.SECRET, null), DRAFTER)),
                    DocumentRule.CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE);
        }

        @Test
        void topSecretIncomingDocumentIsRefusedWithAFileAndRegisteredWithoutOne() {
            ReceivedMetadata metadataOnly = received(Secrecy.SECRET, null);
            violates(fixture().givenNoPriorActivity()
                            .when(new ReceiveDocument(IN, AGENCY, metadataOnly, VALID, SHA, CLERK)),
                    DocumentRule.CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE);
            violates(fixture().givenNoPriorActivity().when(new ReceiveDocument(IN, AGENCY,
                            received(Secrecy.SECRET, "Về việc bảo vệ mục tiêu"), INVALID, null, CLERK)),
                    DocumentRule.CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE);
            fixture().givenNoPriorActivity()
                    .when(new ReceiveDocument(IN, AGENCY, metadataOnly, INVALID, null, CLERK))
                    .expectEvents(new DocumentReceived(IN, AGENCY, received(Secrecy.SECRET,
                            Secrecy.SECRET.offlineNote()), INVALID, null, CLERK, NOW));
            fixture().given(new DocumentReceived(IN, AGENCY, received(Secrecy.SECRET, Secrecy.SECRET.offlineNote()),
                            INVALID, null, CLERK, EARLIER))
                    .when(new RegisterArrival(IN, CLERK))
                    .expectEvents(new ArrivalRegistered(IN, 7, "07", TODAY, CLERK, NOW));
            assertThat(seriesAskedFor).containsExactly(Series.SECRET);
        }

        @Test
        void instructionsOnASecretDocumentNameItsHandlers() {
            List<Object> confidential = List.of(
                    new DocumentReceived(IN, AGENCY, received(Secrecy.CONFIDENTIAL, RECEIVED.subject()), VALID, SHA,
                            CLERK, EARLIER),
                    new ArrivalRegistered(IN, 7, "07", TODAY, CLERK, EARLIER),
                    new PresentedToLeader(IN, DIRECTOR, CLERK, EARLIER));
            violates(fixture().given(confidential).when(instruct(OTHER_UNIT, List.of(), TODAY.plusDays(5))),
                    DocumentRule.SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS);
            violates(fixture().given(confidential).when(new GiveInstructions(IN, OTHER_UNIT, List.of(),
                            TODAY.plusDays(5), null, List.of(HANDLER.id(), HANDLER.id()), DIRECTOR)),
                    DocumentRule.SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS);
            fixture().given(confidential)
                    .when(new GiveInstructions(IN, OTHER_UNIT, List.of(), TODAY.plusDays(5), null,
                            List.of(HANDLER.id()), DIRECTOR))
                    .expectEvents(new InstructionsGiven(IN, OTHER_UNIT, List.of(), TODAY.plusDays(5), null,
                            List.of(HANDLER.id()), DIRECTOR, NOW));
        }

        private DraftMetadata secret(Secrecy level, String subject) {
            return new DraftMetadata(subject, METADATA.type(), METADATA.urgency(), level, METADATA.pageCount(),
                    METADATA.signerPosition(), METADATA.signerName(), METADATA.issuerAbbreviation(),
                    METADATA.recipients());
        }

        private ReceivedMetadata received(Secrecy level, String subject) {
            return new ReceivedMetadata(RECEIVED.senderAgencyId(), RECEIVED.senderName(), RECEIVED.numberSymbol(),
                    RECEIVED.issuedOn(), subject, RECEIVED.type(), RECEIVED.urgency(), level, RECEIVED.pageCount());
        }
    }

    // ---------------------------------------------------------------- histories

    private static void violatesSigning(ResultValidator<OfficialDocument> result) {
        result.expectException(SigningRuleViolation.class)
                .expectExceptionMessage(containsString(SigningRule.SIGNER_HAS_AUTHORITY.messageEn()))
                .expectNoEvents();
    }

    private static void violates(ResultValidator<OfficialDocument> result, DocumentRule rule) {
        result.expectException(DocumentRuleViolation.class)
                .expectExceptionMessage(containsString(rule.messageEn()))
                .expectNoEvents();
    }

    private static DraftMetadata withSubject(String subject) {
        return new DraftMetadata(subject, METADATA.type(), METADATA.urgency(), METADATA.secrecy(),
                METADATA.pageCount(), METADATA.signerPosition(), METADATA.signerName(), METADATA.issuerAbbreviation(),
                METADATA.recipients());
    }

    private static DocumentDrafted drafted() {
        return new DocumentDrafted(OUT, AGENCY, UNIT, METADATA, null, DRAFTER, EARLIER);
    }

    private static SubmittedForReview submitted() {
        return new SubmittedForReview(OUT, null, DRAFTER, EARLIER);
    }

    private static DraftReturned returned() {
        return new DraftReturned(OUT, "Sửa trích yếu", UNIT_HEAD, EARLIER);
    }

    private static ReviewApproved reviewed() {
        return new ReviewApproved(OUT, null, UNIT_HEAD, EARLIER);
    }

    private static DocumentSigned signed() {
        return new DocumentSigned(OUT, null, DIRECTOR, EARLIER);
    }

    private static NumberAssigned numbered() {
        return new NumberAssigned(OUT, 5, "05", "05/QĐ-SYT", AGENCY + ".2026.05/QĐ-SYT", TODAY,
                "OUTGOING:" + UNIT + ":QD", CLERK, NOW);
    }

    private static DeliveryConfirmed delivered(Recipient recipient) {
        return new DeliveryConfirmed(OUT, recipient.id(), EXCHANGE, EARLIER);
    }

    private static DocumentRecalled recalled() {
        return new DocumentRecalled(OUT, "Sai căn cứ pháp lý", DIRECTOR, EARLIER);
    }

    private static DocumentArchived archived(String id) {
        return new DocumentArchived(id, CLERK, EARLIER);
    }

    private static List<Object> signedHistory() {
        return List.of(drafted(), submitted(), reviewed(), signed());
    }

    private static List<Object> numberedHistory() {
        return concat(signedHistory(), numbered());
    }

    private static List<Object> sealedHistory() {
        return concat(numberedHistory(), new AgencySealed(OUT, CLERK, EARLIER));
    }

    private static List<Object> issuedHistory() {
        return concat(sealedHistory(), new DocumentIssued(OUT, List.of(BOARD, MINISTRY), CLERK, EARLIER));
    }

    private static DocumentReceived received(SignatureCheck check) {
        return new DocumentReceived(IN, AGENCY, RECEIVED, check, SHA, CLERK, EARLIER);
    }

    private static DocumentSentBack sentBack() {
        return new DocumentSentBack(IN, "Văn bản đã bị thay đổi sau khi ký", CLERK, EARLIER);
    }

    private static List<Object> registeredHistory() {
        return List.of(received(VALID), new ArrivalRegistered(IN, 7, "07", TODAY, CLERK, EARLIER));
    }

    private static List<Object> presentedHistory() {
        return concat(registeredHistory(), new PresentedToLeader(IN, DIRECTOR, CLERK, EARLIER));
    }

    private static GiveInstructions instruct(String leadUnit, List<String> supporting, LocalDate deadline) {
        return new GiveInstructions(IN, leadUnit, supporting, deadline, "Giao Phòng Nghiệp vụ Dược chủ trì", DIRECTOR);
    }

    private static InstructionsGiven instructed() {
        return new InstructionsGiven(IN, OTHER_UNIT, List.of(THIRD_UNIT), TODAY.plusDays(10),
                "Giao Phòng Nghiệp vụ Dược chủ trì", DIRECTOR, NOW);
    }

    private static List<Object> instructedHistory() {
        return concat(presentedHistory(), new InstructionsGiven(IN, OTHER_UNIT, List.of(THIRD_UNIT),
                TODAY.plusDays(10), null, DIRECTOR, EARLIER));
    }

    private static HandlerAssigned assigned() {
        return new HandlerAssigned(IN, HANDLER, TODAY.plusDays(7), "Giao đồng chí Hà", LEAD_UNIT_HEAD, EARLIER);
    }

    private static ProcessingRecorded processed() {
        return new ProcessingRecorded(IN, null, HANDLER, EARLIER);
    }

    private static DocumentClosed closed() {
        return new DocumentClosed(IN, null, HANDLER, EARLIER);
    }

    private static ReplyLinked replyLinked() {
        return new ReplyLinked(IN, OUT, HANDLER, EARLIER);
    }

    private static ReplyIssued replyIssued() {
        return new ReplyIssued(IN, OUT, "05/QĐ-SYT", CLERK, EARLIER);
    }

    private static List<Object> concat(List<Object> history, Object... events) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(events));
        return all;
    }

    /** The register as the aggregate sees it: number 05 / arrival 07, remembering the series asked for. */
    private static final class FakeRegisters extends DocumentRegisters {

        private final List<Series> asked;

        FakeRegisters(List<Series> asked) {
            super(null);
            this.asked = asked;
        }

        @Override
        public RegisteredNumber next(String agencyId, String issuerAbbreviation, DocumentType type, Series series,
                                     LocalDate issuedOn) {
            asked.add(series);
            String symbol = "05/" + type.abbreviation() + "-" + issuerAbbreviation
                    + (series == Series.SECRET ? "/M" : "");
            return new RegisteredNumber(5, "05", symbol, agencyId + "." + issuedOn.getYear() + "." + symbol);
        }

        @Override
        public RegisteredNumber nextOutgoing(String agencyId, String issuingUnitId, String issuerAbbreviation,
                                             DocumentType type, Series series, LocalDate issuedOn) {
            RegisteredNumber number = next(agencyId, issuerAbbreviation, type, series, issuedOn);
            return new RegisteredNumber(number.number(), number.formatted(), number.symbol(), number.identifier(),
                    RegisterKinds.defaults().outgoing(agencyId, issuingUnitId, type));
        }

        @Override
        public ArrivalNumber nextArrival(String agencyId, Series series, LocalDate arrivedOn) {
            asked.add(series);
            return new ArrivalNumber(7, "07", arrivedOn);
        }
    }
}
