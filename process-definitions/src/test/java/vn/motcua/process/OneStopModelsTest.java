package vn.motcua.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in procedure models are exactly what {@link OneStopModels} writes from the
 * one-stop template, so the common path cannot drift apart between procedures by a hand edit.
 * {@code ./mvnw -pl process-definitions test -Dtest=OneStopModelsTest -Dbpmn.regenerate=true}
 * rewrites them after a change to the template or to {@link OneStopModels#MODELS}.
 */
class OneStopModelsTest {

    @Test
    void shippedModelsAreGeneratedFromTheOneStopTemplate() throws IOException {
        Path module = module();
        if (Boolean.getBoolean("bpmn.regenerate")) {
            OneStopModels.writeAll(module);
        }
        ProcedureCatalogue catalogue = new ProcedureCatalogue();
        for (OneStopModels.Model model : OneStopModels.MODELS) {
            assertThat(Files.readString(model.path(module)))
                    .as("%s differs from what OneStopModels generates from %s; change the template or the generator"
                            + " and regenerate with -Dbpmn.regenerate=true", model.path(module), OneStopModels.TEMPLATE)
                    .isEqualTo(OneStopModels.generate(module, model, catalogue));
        }
    }

    @Test
    void everyShippedModelIsOneTheGeneratorWrites() {
        assertThat(PostgresProcessEngine.shippedModels()).containsExactlyInAnyOrderElementsOf(
                OneStopModels.MODELS.stream().map(m -> "bpmn/" + m.file() + ".bpmn").toList());
    }

    /**
     * Every model puts the result on the path of an administrative document (Decree 30/2020/ND-CP Art. 12, 13, 15):
     * the procedure's own steps, then the unit head's check, the leader's approval, the clerk's numbering and seal,
     * reception's return — each offered to its role in the dossier's unit.
     */
    @Test
    void everyModelChecksSignsNumbersAndSealsTheResultBeforeItIsReturned() {
        Path module = module();
        for (OneStopModels.Model model : OneStopModels.MODELS) {
            BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.path(module).toFile());
            List<String> path = new ArrayList<>();
            FlowNode node = bpmn.getModelElementById("appraisal");
            node = next(node);  // the appraisal's gateway
            node = node.getOutgoing().stream().filter(flow -> flow.getId().equals("flow_appraised")).findFirst()
                    .orElseThrow().getTarget();
            while (node instanceof UserTask || node instanceof ExclusiveGateway) {
                if (node instanceof UserTask task) {
                    path.add(task.getId() + " " + task.getCamundaCandidateGroups());
                    node = next(node);
                } else {
                    node = node.getOutgoing().stream().filter(flow -> !flow.getTarget().getId().equals("appraisal"))
                            .findFirst().orElseThrow().getTarget();
                }
            }
            List<String> expected = new ArrayList<>();
            model.steps().forEach(step -> expected.add(step.id() + " " + step.candidateGroups()));
            expected.addAll(List.of("resultReview UNIT_HEAD@${unitId}", "approval LEADER@${unitId}",
                    "resultIssue CLERK@${unitId}", "returnResult RECEPTION@${unitId}"));
            assertThat(path).as(model.file()).containsExactlyElementsOf(expected);
            ExclusiveGateway review = (ExclusiveGateway) next(bpmn.getModelElementById("resultReview"));
            assertThat(review.getOutgoing()).as(model.file() + ": the unit head agrees or returns to the handler")
                    .extracting(flow -> flow.getTarget().getId()).containsExactlyInAnyOrder("approval", "appraisal");
        }
    }

    private static FlowNode next(FlowNode node) {
        assertThat(node.getOutgoing()).as(node.getId()).hasSize(1);
        return node.getOutgoing().iterator().next().getTarget();
    }

    /** The module directory: Maven runs tests in it, an IDE may run them from the repository root. */
    private static Path module() {
        return Files.exists(Path.of(OneStopModels.TEMPLATE)) ? Path.of("") : Path.of("process-definitions");
    }
}
