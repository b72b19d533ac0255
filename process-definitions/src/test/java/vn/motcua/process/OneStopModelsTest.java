package vn.motcua.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The module directory: Maven runs tests in it, an IDE may run them from the repository root. */
    private static Path module() {
        return Files.exists(Path.of(OneStopModels.TEMPLATE)) ? Path.of("") : Path.of("process-definitions");
    }
}
