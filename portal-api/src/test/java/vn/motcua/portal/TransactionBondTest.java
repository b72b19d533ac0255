package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.process.NewDossier;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The bond between the event store and the BPMN engine: one step is one transaction, so a failure
 * after the event was appended leaves neither the event nor the moved process behind.
 */
class TransactionBondTest extends IntegrationTest {

    private static final Identity CITIZEN = new Identity("citizen-a", "Nguyễn Văn An", Set.of(Role.CITIZEN), null);

    @Autowired
    DossierWorkflow workflow;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void crashAfterSubmissionLeavesNoEventNoProcessNoCode() {
        AtomicReference<String> code = new AtomicReference<>();
        Map<String, Integer> before = footprint();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            code.set(workflow.submit(newDossier(), List.of(upload()), CITIZEN).code());
            assertThat(events(code.get())).isEqualTo(1);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code.get()).count()).isOne();
            throw new IllegalStateException("the machine dies before commit");
        })).hasMessageContaining("machine dies");

        assertThat(events(code.get())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code.get()).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ?", Integer.class,
                code.get())).isZero();
        assertThat(footprint()).isEqualTo(before);
        String next = workflow.submit(newDossier(), List.of(upload()), CITIZEN).code();
        assertThat(next).as("the rolled-back code is given back, leaving no gap").isEqualTo(code.get());
    }

    @Test
    void failureOfTheProcessAfterTheEventWasAppendedRollsBackTheEvent() {
        String code = submitted("citizen-a");
        String reception = task("reception-hn", code, "reception");
        assertThat(as("reception-hn").post("/api/v1/tasks/" + reception + "/claim").status()).isEqualTo(200);
        String processInstance = tasks.createTaskQuery().taskId(reception).singleResult().getProcessInstanceId();
        runtime.suspendProcessInstanceById(processInstance);

        // The aggregate accepts the step and its event is appended; then Camunda refuses to complete the task.
        Api.Response refused = decide("reception-hn", reception, """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:motcua:problem:process-suspended");
        assertThat(events(code)).as("no DossierAccepted without the process moving").isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(reception).count()).isOne();
        assertThat(as("citizen-a").get("/api/v1/dossiers/" + code).json().get("status").asText()).isEqualTo("SUBMITTED");

        runtime.activateProcessInstanceById(processInstance);
        assertThat(decide("reception-hn", reception, """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""").status()).isEqualTo(200);
        assertThat(events(code)).as("accepted, and the fee requested").isEqualTo(3);
        pay(code, "citizen-a");
        assertThat(task("specialist-hn", code, "appraisal")).isNotBlank();
    }

    @Test
    void eventStoreAndProcessEngineShareOneConnectionInAStep() {
        Integer[] backends = new Integer[2];
        transaction.executeWithoutResult(status -> {
            backends[0] = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
            workflow.submit(newDossier(), List.of(upload()), CITIZEN);
            backends[1] = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
            status.setRollbackOnly();
        });
        assertThat(backends[1]).isEqualTo(backends[0]);
    }

    private static NewDossier newDossier() {
        return new NewDossier(COSMETICS, HANOI, new Applicant("Nguyễn Văn An", "001099012345", "0912345678",
                "an@example.vn", "Hà Nội"), Map.of("productName", "Sữa rửa mặt", "brand", "Sen Việt"), null);
    }

    private static Upload upload() {
        return new Upload("files[0]", "phieu-cong-bo.pdf", "application/pdf", pdf("Phieu cong bo"));
    }
}
