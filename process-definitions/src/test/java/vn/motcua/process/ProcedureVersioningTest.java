package vn.motcua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A new version of a procedure's model deploys without breaking the dossiers already running: they
 * finish on the version they started on, while new dossiers start on the new one.
 */
class ProcedureVersioningTest {

    private static final String KEY = "procedure_1_002600";

    @Test
    void runningDossiersKeepTheirVersionWhileNewOnesStartOnTheNewModel() throws IOException {
        ProcessEngine engine = PostgresProcessEngine.get();
        RepositoryService repository = engine.getRepositoryService();
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();

        ProcessInstance running = runtime.startProcessInstanceByKey(KEY, "VERSION-OLD", variables());
        int oldVersion = repository.getProcessDefinition(running.getProcessDefinitionId()).getVersion();

        String changed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/cosmetic-notification.bpmn")) {
            changed = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("name=\"Tiếp nhận hồ sơ\"", "name=\"Tiếp nhận và kiểm tra hồ sơ\"");
        }
        Deployment next = repository.createDeployment().name("cosmetic v-next")
                .addString("cosmetic-notification.bpmn", changed).deploy();
        try {
            ProcessInstance fresh = runtime.startProcessInstanceByKey(KEY, "VERSION-NEW", variables());
            assertThat(repository.getProcessDefinition(fresh.getProcessDefinitionId()).getVersion())
                    .isEqualTo(oldVersion + 1);
            assertThat(repository.getProcessDefinition(running.getProcessDefinitionId()).getVersion())
                    .isEqualTo(oldVersion);
            assertThat(task(tasks, fresh).getName()).isEqualTo("Tiếp nhận và kiểm tra hồ sơ");

            Task oldReception = task(tasks, running);
            assertThat(oldReception.getName()).isEqualTo("Tiếp nhận hồ sơ");
            tasks.complete(oldReception.getId(), Map.of("receptionDecision", "REFUSE"));
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).count())
                    .as("the old dossier finished on its own version").isZero();
            runtime.deleteProcessInstance(fresh.getId(), "test over");
        } finally {
            repository.deleteDeployment(next.getId(), true);
        }
    }

    private static Task task(TaskService tasks, ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static Map<String, Object> variables() {
        Date later = new Date(System.currentTimeMillis() + 86_400_000L * 30);
        return Map.of("dossierCode", "VERSION", "unitId", "000.00.16.H26", "procedureCode", "1.002600",
                "feeVnd", 0L, "warnAt", later, "dueAt", later);
    }
}
