package vn.motcua.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Walks every path of procedure 1.002600 (domestic cosmetic product notification) with the
 * exact variable and message names the workflow engine uses.
 */
@Deployment(resources = "bpmn/cosmetic-notification.bpmn")
class CosmeticNotificationProcessTest {

    private static final String PROCESS_KEY = "procedure_1_002600";
    private static final String UNIT = "000.00.16.H26";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(PostgresProcessEngine.get())
            .build();

    private RuntimeService runtimeService;
    private TaskService taskService;
    private String dossierCode;
    private ProcessInstance dossierProcess;

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        // a fresh business key per test, in the real dossier code shape
        dossierCode = "%s-250101-%04d".formatted(UNIT, SEQUENCE.incrementAndGet());
    }

    @Test
    void submittedDossierWaitsForReceptionByTheUnitsOneStopOfficers() {
        ProcessInstance pi = submit();

        assertThat(pi).isStarted().isWaitingAt("reception");
        assertThat(pi.getBusinessKey()).isEqualTo(dossierCode);
        assertThat(task(dossierProcess)).hasName("Tiếp nhận hồ sơ");
        assertCandidateGroup("RECEPTION@" + UNIT);
    }

    @Test
    void acceptedDossierGoesToAppraisalThenApprovalThenReturn() {
        ProcessInstance pi = submit();

        complete(Map.of("receptionDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt("appraisal");
        assertThat(task(dossierProcess)).hasName("Thẩm định hồ sơ");
        assertCandidateGroup("SPECIALIST@" + UNIT);

        complete(Map.of());
        assertThat(pi).isWaitingAt("approval");
        assertThat(task(dossierProcess)).hasName("Phê duyệt kết quả");
        assertCandidateGroup("LEADER@" + UNIT);

        complete(Map.of("approvalDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("returnResult");
        assertThat(task(dossierProcess)).hasName("Trả kết quả");
        assertCandidateGroup("RECEPTION@" + UNIT);

        complete(Map.of());
        assertThat(pi).isEnded().hasPassedInOrder("reception", "appraisal", "approval", "returnResult", "resultReturned");
        assertThat(pi).hasNotPassed("refused", "withdrawn");
    }

    @Test
    void rejectedApprovalIsStillReturnedToTheApplicantAsTheResult() {
        ProcessInstance pi = submit();
        complete(Map.of("receptionDecision", "ACCEPT"));
        complete(Map.of());

        complete(Map.of("approvalDecision", "REJECT"));
        assertThat(pi).isWaitingAt("returnResult");

        complete(Map.of());
        assertThat(pi).isEnded().hasPassed("resultReturned");
    }

    @Test
    void supplementRequestWaitsForTheApplicantThenReturnsToReception() {
        ProcessInstance pi = submit();

        complete(Map.of("receptionDecision", "REQUEST_SUPPLEMENT"));
        assertThat(pi).isWaitingAt("waitForSupplement").isNotWaitingAt("reception");

        runtimeService.createMessageCorrelation("SupplementProvided")
                .processInstanceBusinessKey(dossierCode)
                .correlate();
        assertThat(pi).isWaitingAt("reception");
        assertCandidateGroup("RECEPTION@" + UNIT);

        complete(Map.of("receptionDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt("appraisal");
    }

    @Test
    void refusedDossierEndsAtRefused() {
        ProcessInstance pi = submit();

        complete(Map.of("receptionDecision", "REFUSE"));

        assertThat(pi).isEnded().hasPassed("refused").hasNotPassed("appraisal");
    }

    @Test
    void unknownReceptionDecisionIsRejectedRatherThanGuessed() {
        ProcessInstance pi = submit();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("receptionDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(pi).isWaitingAt("reception");
    }

    @Test
    void applicantCanWithdrawWhileWaitingAtReception() {
        ProcessInstance pi = submit();
        assertThat(pi).isWaitingAt("reception");

        withdraw();

        assertWithdrawn(pi);
    }

    @Test
    void applicantCanWithdrawDuringAppraisal() {
        ProcessInstance pi = submit();
        complete(Map.of("receptionDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt("appraisal");

        withdraw();

        assertWithdrawn(pi);
        assertThat(pi).hasNotPassed("approval");
    }

    @Test
    void applicantCanWithdrawWhileSupplementIsAwaited() {
        ProcessInstance pi = submit();
        complete(Map.of("receptionDecision", "REQUEST_SUPPLEMENT"));
        assertThat(pi).isWaitingAt("waitForSupplement");

        withdraw();

        assertWithdrawn(pi);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    private ProcessInstance submit() {
        dossierProcess = runtimeService.startProcessInstanceByKey(PROCESS_KEY, dossierCode, Map.of(
                "dossierCode", dossierCode,
                "unitId", UNIT,
                "procedureCode", "1.002600"));
        return dossierProcess;
    }

    private void complete(Map<String, Object> variables) {
        taskService.complete(task(dossierProcess).getId(), variables);
    }

    private void withdraw() {
        runtimeService.createMessageCorrelation("DossierWithdrawn")
                .processInstanceBusinessKey(dossierCode)
                .correlate();
    }

    private void assertWithdrawn(ProcessInstance pi) {
        assertThat(pi).isEnded().hasPassed("withdrawn").hasNotPassed("resultReturned", "refused");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /** The task is offered to exactly this group of the dossier's unit, and to nobody else. */
    private void assertCandidateGroup(String group) {
        assertThat(task(dossierProcess)).hasCandidateGroup(group);
        assertThat(taskService.getIdentityLinksForTask(task(dossierProcess).getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly(group);
    }
}
