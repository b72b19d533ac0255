package vn.motcua.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Walks every path of Decree 61/2018/ND-CP and Circular 01/2018/TT-VPCP through the model of
 * every procedure in the catalogue, with the exact task ids, messages and variables the
 * workflow engine uses: reception (accept, supplement, refuse), the fee, appraisal (supplement,
 * parallel consultation), on-site inspection where the procedure has one, the leader's
 * decision, the return of the result, withdrawal, stopping, and the deadline timers.
 */
class OneStopProcessTest {

    private static final String UNIT = "000.00.16.H26";
    private static final String OTHER_UNIT_X = "000.00.17.H26";
    private static final String OTHER_UNIT_Y = "000.00.18.H26";
    /** Procedures whose legal steps include inspecting the establishment (Thông tư 02/2018/TT-BYT for GPP). */
    private static final Set<String> WITH_SITE_INSPECTION = Set.of("BYT.DUOC.03");
    private static final long SAMPLE_FEE = 200_000L;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static ProcessEngine engine;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private ManagementService managementService;

    private String dossierCode;
    private ProcessInstance dossier;
    private Date warnAt;
    private Date dueAt;
    private Date lapseAt;

    @BeforeAll
    static void startEngine() {
        engine = PostgresProcessEngine.get();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        // a fresh business key per test, in the real dossier code shape
        dossierCode = "%s-250101-%04d".formatted(UNIT, SEQUENCE.incrementAndGet());
        // the engine computes these from the working-day calendar; here: well in the future
        warnAt = inDays(3);
        dueAt = inDays(4);
        lapseAt = inDays(30);
    }

    // ----- reception -------------------------------------------------------------------------

    @EveryProcedure
    void submittedDossierWaitsAtReceptionForTheUnitsOneStopOfficers(Procedure procedure) {
        submit(procedure, 0L);

        assertThat(dossier).isStarted().isWaitingAtExactly("reception");
        assertThat(dossier.getBusinessKey()).isEqualTo(dossierCode);
        assertThat(taskAt("reception").getName()).isEqualTo("Tiếp nhận hồ sơ");
        assertOfferedOnlyTo("reception", "RECEPTION@" + UNIT);
        assertThat(runtimeService.getVariables(dossier.getId()))
                .containsEntry("dossierCode", dossierCode)
                .containsEntry("procedureCode", procedure.code())
                .containsEntry("unitId", UNIT);
    }

    @EveryProcedure
    void receptionSupplementWaitsForTheApplicantThenReturnsToReception(Procedure procedure) {
        submit(procedure, 0L);

        requestSupplement("reception", "receptionDecision");
        assertThat(dossier).isWaitingAtExactly("waitForSupplement");
        assertThat(taskService.createTaskQuery().processInstanceId(dossier.getId()).count()).isZero();

        correlate("SupplementProvided", Map.of());
        assertThat(dossier).isWaitingAtExactly("reception");
        assertOfferedOnlyTo("reception", "RECEPTION@" + UNIT);

        accept();
        assertThat(dossier).isWaitingAtExactly("processing", "appraisal");
        assertThat(dossier).hasPassedInOrder("reception", "waitForSupplement", "reception");
    }

    @EveryProcedure
    void refusedDossierEndsAtRefusedWithoutAppraisal(Procedure procedure) {
        submit(procedure, procedure.feeVnd());

        complete("reception", Map.of("receptionDecision", "REFUSE"));

        assertThat(dossier).isEnded().hasPassed("refused").hasNotPassed("appraisal", "waitForPayment", "resultReturned");
    }

    @EveryProcedure
    void unknownReceptionDecisionIsRejectedRatherThanGuessed(Procedure procedure) {
        submit(procedure, 0L);
        String taskId = taskAt("reception").getId();

        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("receptionDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(dossier).isWaitingAtExactly("reception");
    }

    // ----- fee -------------------------------------------------------------------------------

    @EveryProcedure
    void feeFreeDossierGoesFromReceptionStraightToAppraisal(Procedure procedure) {
        submit(procedure, 0L);

        accept();

        assertThat(dossier).isWaitingAtExactly("processing", "appraisal").hasNotPassed("waitForPayment");
        assertOfferedOnlyTo("appraisal", "SPECIALIST@" + UNIT);
        assertThat(taskAt("appraisal").getName()).isEqualTo("Thẩm định hồ sơ");
        assertTimersDue(warnAt, dueAt);
    }

    @EveryProcedure
    void dossierWithAFeeWaitsForPaymentAndItsDeadlinesCountFromThePayment(Procedure procedure) {
        long fee = procedure.feeVnd() > 0 ? procedure.feeVnd() : SAMPLE_FEE;
        submit(procedure, fee);

        accept();
        assertThat(dossier).isWaitingAtExactly("waitForPayment");
        assertThat(taskService.createTaskQuery().processInstanceId(dossier.getId()).count()).isZero();
        assertThat(jobs()).as("the time limit runs only once the fee is paid").isEmpty();

        Date warnAfterPayment = inDays(5);
        Date dueAfterPayment = inDays(6);
        correlate("PaymentReceived", Map.of("warnAt", warnAfterPayment, "dueAt", dueAfterPayment));

        assertThat(dossier).isWaitingAtExactly("processing", "appraisal").hasPassedInOrder("reception", "waitForPayment");
        assertOfferedOnlyTo("appraisal", "SPECIALIST@" + UNIT);
        assertTimersDue(warnAfterPayment, dueAfterPayment);
    }

    // ----- appraisal, inspection, decision and result ----------------------------------------

    @EveryProcedure
    void favourableAppraisalApprovedIsReturnedToTheApplicant(Procedure procedure) {
        submit(procedure, 0L);
        accept();

        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);
        assertThat(dossier).isWaitingAtExactly("processing", "resultReview");
        assertThat(taskAt("resultReview").getName()).isEqualTo("Kiểm tra dự thảo kết quả");
        assertOfferedOnlyTo("resultReview", "UNIT_HEAD@" + UNIT);

        complete("resultReview", Map.of("resultReviewed", "AGREE"));
        assertThat(dossier).isWaitingAtExactly("processing", "approval");
        assertOfferedOnlyTo("approval", "LEADER@" + UNIT);

        complete("approval", Map.of("approvalDecision", "APPROVE"));
        assertThat(dossier).isWaitingAtExactly("processing", "resultIssue");
        assertThat(taskAt("resultIssue").getName()).isEqualTo("Cấp số, đóng dấu, phát hành kết quả");
        assertOfferedOnlyTo("resultIssue", "CLERK@" + UNIT);

        complete("resultIssue", Map.of());
        assertThat(dossier).isWaitingAtExactly("processing", "returnResult");
        assertOfferedOnlyTo("returnResult", "RECEPTION@" + UNIT);

        complete("returnResult", Map.of());
        assertThat(dossier).isEnded()
                .hasPassedInOrder("reception", "appraisal", "resultReview", "approval", "resultIssue", "returnResult",
                        "resultReturned")
                .hasNotPassed("refused", "withdrawn", "stopped", "warnHandler", "escalateOverdue");
        assertThat(jobs()).as("deadline timers end with the processing").isEmpty();
    }

    @EveryProcedure
    void unfavourableAppraisalRejectedIsStillReturnedAsTheResult(Procedure procedure) {
        submit(procedure, 0L);
        accept();

        complete("appraisal", Map.of("appraisalOutcome", "UNFAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);
        complete("resultReview", Map.of("resultReviewed", "AGREE"));
        complete("approval", Map.of("approvalDecision", "REJECT"));
        assertThat(dossier).as("a written refusal is numbered and sealed like any result")
                .isWaitingAtExactly("processing", "resultIssue");
        complete("resultIssue", Map.of());
        assertThat(dossier).isWaitingAtExactly("processing", "returnResult");

        complete("returnResult", Map.of());
        assertThat(dossier).isEnded().hasPassed("resultReview", "approval", "resultIssue", "returnResult",
                "resultReturned").hasNotPassed("refused");
    }

    @EveryProcedure
    void unitHeadReturnsTheDraftToTheHandlerWhoAppraisesAgainBeforeTheCheck(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);

        complete("resultReview", Map.of("resultReviewed", "RETURN_TO_HANDLER"));
        assertThat(dossier).as("back to the handler, not on to the leader")
                .isWaitingAtExactly("processing", "appraisal").hasNotPassed("approval");
        assertOfferedOnlyTo("appraisal", "SPECIALIST@" + UNIT);

        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);
        assertThat(dossier).as("the revised draft is checked again").isWaitingAtExactly("processing", "resultReview");
        complete("resultReview", Map.of("resultReviewed", "AGREE"));
        assertThat(dossier).isWaitingAtExactly("processing", "approval");
    }

    @EveryProcedure
    void unknownReviewOutcomeIsRejectedRatherThanGuessed(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);
        String taskId = taskAt("resultReview").getId();

        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("resultReviewed", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(dossier).isWaitingAtExactly("processing", "resultReview");
    }

    @EveryProcedure
    void onSiteInspectionComesBetweenAppraisalAndApprovalOnlyWhereTheProcedureRequiresIt(Procedure procedure) {
        submit(procedure, 0L);
        accept();

        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));

        if (WITH_SITE_INSPECTION.contains(procedure.code())) {
            assertThat(dossier).isWaitingAtExactly("processing", "onSiteInspection");
            assertThat(taskAt("onSiteInspection").getName()).isEqualTo("Thẩm định thực tế tại cơ sở");
            assertOfferedOnlyTo("onSiteInspection", "SPECIALIST@" + UNIT);
            complete("onSiteInspection", Map.of());
            assertThat(dossier).as("the unit head checks the draft with the inspection's findings")
                    .isWaitingAtExactly("processing", "resultReview").hasPassedInOrder("appraisal", "onSiteInspection");
        } else {
            assertThat(dossier).isWaitingAtExactly("processing", "resultReview").hasNotPassed("onSiteInspection");
        }
    }

    @EveryProcedure
    void unknownAppraisalOutcomeIsRejectedRatherThanGuessed(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        String taskId = taskAt("appraisal").getId();

        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("appraisalOutcome", "PERHAPS")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(dossier).isWaitingAtExactly("processing", "appraisal");
    }

    @EveryProcedure
    void appraisalSupplementWaitsForTheApplicantThenReturnsToAppraisal(Procedure procedure) {
        submit(procedure, 0L);
        accept();

        requestSupplement("appraisal", "appraisalOutcome");
        assertThat(dossier).isWaitingAtExactly("processing", "waitForAppraisalSupplement");
        assertThat(taskService.createTaskQuery().processInstanceId(dossier.getId()).count()).isZero();

        assertThat(timer("appraisalSupplementLapseTimer").getDuedate().getTime()).isEqualTo(lapseAt.getTime());

        correlate("SupplementProvided", Map.of());
        assertThat(dossier).isWaitingAtExactly("processing", "appraisal")
                .hasPassedInOrder("appraisal", "waitForAppraisalSupplement")
                .hasNotPassed("waitForSupplement", "lapseInAppraisal");
        assertOfferedOnlyTo("appraisal", "SPECIALIST@" + UNIT);
        assertThat(managementService.createJobQuery().processInstanceId(dossier.getId())
                .activityId("appraisalSupplementLapseTimer").count()).as("the supplement arrived in time").isZero();
    }

    // ----- a supplement never provided (practice: the procedure's supplementLapseDays) ---------

    @EveryProcedure
    void dossierNotSupplementedAtReceptionInTheAllowedPeriodLapsesAndEnds(Procedure procedure) {
        submit(procedure, 0L);
        requestSupplement("reception", "receptionDecision");
        assertThat(timer("supplementLapseTimer").getDuedate().getTime()).isEqualTo(lapseAt.getTime());

        managementService.executeJob(timer("supplementLapseTimer").getId());

        assertThat(PostgresProcessEngine.SUPPLEMENT_LAPSE.callsFor(dossierCode)).isEqualTo(1);
        assertEndedAt("lapsed");
        assertThat(dossier).hasPassedInOrder("waitForSupplement", "lapseAtReception", "lapsed")
                .hasNotPassed("appraisal", "withdrawn", "stopped");
    }

    @EveryProcedure
    void dossierNotSupplementedInAppraisalLapsesAndEndsWithItsDeadlineTimers(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        requestSupplement("appraisal", "appraisalOutcome");
        managementService.executeJob(timer("overdueTimer").getId());
        assertThat(dossier).isWaitingAt("overdueReview");

        managementService.executeJob(timer("appraisalSupplementLapseTimer").getId());

        assertThat(PostgresProcessEngine.SUPPLEMENT_LAPSE.callsFor(dossierCode)).isEqualTo(1);
        assertEndedAt("lapsed");
        assertThat(dossier).hasPassedInOrder("waitForAppraisalSupplement", "lapseInAppraisal", "processingLapsed",
                "lapsed").hasNotPassed("approval", "overdueReviewed");
    }

    @EveryProcedure
    void timersCanBeMovedToTheRestartedTimeLimitAfterAnAppraisalSupplement(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        requestSupplement("appraisal", "appraisalOutcome");

        // the time limit restarts from the supplement: the engine sets the new dates and asks
        // Camunda to evaluate the timers' expressions again
        Date restartedWarnAt = inDays(10);
        Date restartedDueAt = inDays(12);
        correlate("SupplementProvided", Map.of("warnAt", restartedWarnAt, "dueAt", restartedDueAt));
        jobs().forEach(job -> managementService.recalculateJobDuedate(job.getId(), false));

        assertTimersDue(restartedWarnAt, restartedDueAt);
    }

    @EveryProcedure
    void consultationAsksEveryConsultedUnitInParallelThenReturnsToAppraisal(Procedure procedure) {
        submit(procedure, 0L);
        accept();

        complete("appraisal", Map.of("appraisalOutcome", "CONSULT", "consultedUnits", List.of(OTHER_UNIT_X, OTHER_UNIT_Y)));

        List<Task> consultations = tasksAt("consultation");
        assertThat(consultations).hasSize(2).allSatisfy(task -> assertThat(task.getName()).isEqualTo("Cho ý kiến phối hợp"));
        assertThat(consultations).extracting(task -> candidateGroups(task.getId()))
                .containsExactlyInAnyOrder(List.of("SPECIALIST@" + OTHER_UNIT_X), List.of("SPECIALIST@" + OTHER_UNIT_Y));
        assertThat(tasksAt("appraisal")).isEmpty();

        taskService.complete(consultations.get(0).getId());
        assertThat(dossier).as("appraisal waits for every consulted unit").isWaitingAt("consultation").isNotWaitingAt("appraisal");
        assertThat(tasksAt("consultation")).hasSize(1);

        taskService.complete(consultations.get(1).getId());
        assertThat(dossier).isWaitingAtExactly("processing", "appraisal");
        assertOfferedOnlyTo("appraisal", "SPECIALIST@" + UNIT);

        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);
        assertThat(dossier).isWaitingAtExactly("processing", "resultReview");
    }

    // ----- withdrawal and stopping -----------------------------------------------------------

    @EveryProcedure
    void applicantCanWithdrawWhileWaitingAtReception(Procedure procedure) {
        submit(procedure, 0L);

        correlate("DossierWithdrawn", Map.of());

        assertEndedAt("withdrawn");
        assertThat(dossier).hasNotPassed("appraisal");
    }

    @EveryProcedure
    void applicantCanWithdrawWhileSupplementIsAwaited(Procedure procedure) {
        submit(procedure, 0L);
        requestSupplement("reception", "receptionDecision");
        assertThat(dossier).isWaitingAt("waitForSupplement");

        correlate("DossierWithdrawn", Map.of());

        assertEndedAt("withdrawn");
    }

    @EveryProcedure
    void applicantCanWithdrawWhilePaymentIsAwaited(Procedure procedure) {
        submit(procedure, procedure.feeVnd() > 0 ? procedure.feeVnd() : SAMPLE_FEE);
        accept();
        assertThat(dossier).isWaitingAt("waitForPayment");

        correlate("DossierWithdrawn", Map.of());

        assertEndedAt("withdrawn");
        assertThat(dossier).hasNotPassed("appraisal");
    }

    @EveryProcedure
    void applicantCanWithdrawDuringAppraisal(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        assertThat(dossier).isWaitingAt("appraisal");

        correlate("DossierWithdrawn", Map.of());

        assertEndedAt("withdrawn");
        assertThat(dossier).hasNotPassed("approval");
    }

    @EveryProcedure
    void applicantCanWithdrawWhileAppraisalSupplementIsAwaited(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        requestSupplement("appraisal", "appraisalOutcome");

        correlate("DossierWithdrawn", Map.of());

        assertEndedAt("withdrawn");
    }

    @EveryProcedure
    void processingCanBeStoppedDuringAppraisal(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        assertThat(dossier).isWaitingAt("appraisal");

        correlate("ProcessingStopped", Map.of());

        assertEndedAt("stopped");
        assertThat(dossier).hasNotPassed("approval");
    }

    @EveryProcedure
    void processingCanBeStoppedAwaitingApproval(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);
        complete("resultReview", Map.of("resultReviewed", "AGREE"));
        assertThat(dossier).isWaitingAt("approval");

        correlate("ProcessingStopped", Map.of());

        assertEndedAt("stopped");
        assertThat(dossier).hasNotPassed("returnResult");
    }

    // ----- deadline timers -------------------------------------------------------------------

    @EveryProcedure
    void handlerIsWarnedOnceWhenSeventyFivePercentOfTheTimeHasPassed(Procedure procedure) {
        submit(procedure, 0L);
        accept();

        managementService.executeJob(timer("deadlineWarningTimer").getId());

        assertThat(PostgresProcessEngine.DEADLINE_WARNING.callsFor(dossierCode)).isEqualTo(1);
        assertThat(PostgresProcessEngine.OVERDUE_ESCALATION.callsFor(dossierCode)).isZero();
        assertThat(dossier).as("the warning does not interrupt the processing")
                .isWaitingAtExactly("processing", "appraisal").hasPassed("warnHandler", "warned");
        assertThat(jobs()).extracting(Job::getId)
                .containsExactly(timer("overdueTimer").getId());
    }

    @EveryProcedure
    void overdueDossierIsEscalatedToTheUnitHeadWhileAppraisalGoesOn(Procedure procedure) {
        submit(procedure, 0L);
        accept();

        managementService.executeJob(timer("overdueTimer").getId());

        assertThat(PostgresProcessEngine.OVERDUE_ESCALATION.callsFor(dossierCode)).isEqualTo(1);
        assertThat(dossier).isWaitingAtExactly("processing", "appraisal", "overdueReview");
        assertThat(taskAt("overdueReview").getName()).isEqualTo("Chỉ đạo xử lý hồ sơ quá hạn");
        assertOfferedOnlyTo("overdueReview", "LEADER@" + UNIT);
        assertOfferedOnlyTo("appraisal", "SPECIALIST@" + UNIT);

        complete("overdueReview", Map.of());
        assertThat(dossier).isWaitingAtExactly("processing", "appraisal").hasPassed("overdueReviewed");
        assertThat(PostgresProcessEngine.OVERDUE_ESCALATION.callsFor(dossierCode)).isEqualTo(1);
    }

    @EveryProcedure
    void returningTheResultEndsAnOverdueReviewStillOpen(Procedure procedure) {
        submit(procedure, 0L);
        accept();
        managementService.executeJob(timer("overdueTimer").getId());
        assertThat(dossier).isWaitingAt("overdueReview");

        complete("appraisal", Map.of("appraisalOutcome", "FAVOURABLE"));
        inspectOnSiteWhereRequired(procedure);
        complete("resultReview", Map.of("resultReviewed", "AGREE"));
        complete("approval", Map.of("approvalDecision", "APPROVE"));
        complete("resultIssue", Map.of());
        complete("returnResult", Map.of());

        assertThat(dossier).isEnded().hasPassed("resultReturned").hasNotPassed("overdueReviewed");
        assertThat(taskService.createTaskQuery().processInstanceId(dossier.getId()).count()).isZero();
    }

    // ----- helpers ---------------------------------------------------------------------------

    private void submit(Procedure procedure, long feeVnd) {
        Map<String, Object> variables = Map.of(
                "dossierCode", dossierCode,
                "unitId", UNIT,
                "procedureCode", procedure.code(),
                "feeVnd", feeVnd);
        dossier = runtimeService.startProcessInstanceByKey(procedure.processKey(), dossierCode, variables);
    }

    /** Reception accepts; the engine sets the deadline dates at the same time. */
    private void accept() {
        complete("reception", Map.of("receptionDecision", "ACCEPT", "warnAt", warnAt, "dueAt", dueAt));
    }

    /** A supplement is requested; the engine sets when the wait lapses (the procedure's period) at the same time. */
    private void requestSupplement(String activityId, String decisionVariable) {
        complete(activityId, Map.of(decisionVariable, "REQUEST_SUPPLEMENT", "lapseAt", lapseAt,
                "supplementRequestedAt", new Date(), "supplementLapseDays", 30));
    }

    private void inspectOnSiteWhereRequired(Procedure procedure) {
        if (WITH_SITE_INSPECTION.contains(procedure.code())) {
            complete("onSiteInspection", Map.of());
        }
    }

    private void complete(String activityId, Map<String, Object> variables) {
        taskService.complete(taskAt(activityId).getId(), new HashMap<>(variables));
    }

    private void correlate(String message, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(message)
                .processInstanceBusinessKey(dossierCode)
                .setVariables(variables)
                .correlate();
    }

    private Task taskAt(String activityId) {
        Task task = taskService.createTaskQuery().processInstanceId(dossier.getId())
                .taskDefinitionKey(activityId).singleResult();
        assertThat(task).as("open task at " + activityId).isNotNull();
        return task;
    }

    private List<Task> tasksAt(String activityId) {
        return taskService.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(activityId).list();
    }

    private List<Job> jobs() {
        return managementService.createJobQuery().processInstanceId(dossier.getId()).list();
    }

    private Job timer(String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(dossier.getId())
                .activityId(activityId).timers().singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private void assertTimersDue(Date warning, Date overdue) {
        assertThat(timer("deadlineWarningTimer").getDuedate().getTime()).isEqualTo(warning.getTime());
        assertThat(timer("overdueTimer").getDuedate().getTime()).isEqualTo(overdue.getTime());
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /** The task is offered to exactly this group, and to nobody else. */
    private void assertOfferedOnlyTo(String activityId, String group) {
        assertThat(candidateGroups(taskAt(activityId).getId())).as("candidate groups of " + activityId)
                .containsExactly(group);
    }

    /** Ended through the given event sub-process, leaving nothing behind. */
    private void assertEndedAt(String endEvent) {
        assertThat(dossier).isEnded().hasPassed(endEvent).hasNotPassed("resultReturned", "refused");
        assertThat(taskService.createTaskQuery().processInstanceId(dossier.getId()).count()).isZero();
        assertThat(jobs()).isEmpty();
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(dossier.getId()).count()).isZero();
    }

    private static Date inDays(int days) {
        return Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days)));
    }
}
