package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.process.NewDossier;
import vn.motcua.engine.dossier.registry.DossierRegistry;

/**
 * The embedded default keeps everything under its data directory: stopping and starting the
 * application again loses no dossier, no process and no code number.
 */
class RestartTest {

    private static final Identity CITIZEN = new Identity("citizen-a", "Nguyễn Văn An", Set.of(Role.CITIZEN), null);

    @Test
    void restartKeepsEveryDossierItsProcessAndTheCodeSequence() {
        Path data = Path.of("target", "restart-data", Long.toString(System.nanoTime())).toAbsolutePath();
        String first;
        String second;
        try (ConfigurableApplicationContext app = start(data)) {
            first = submit(app);
            second = submit(app);
        }
        try (ConfigurableApplicationContext app = start(data)) {
            assertThat(app.getBean(DossierRegistry.class).find(first)).isPresent();
            assertThat(app.getBean(DossierHistory.class).of(second)).hasSize(1);
            assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(first)
                    .taskDefinitionKey("reception").count()).isOne();
            String third = submit(app);
            // the sequence restarts daily (Vietnam time): across midnight the third code starts a new day at 0001
            boolean sameDay = day(third).equals(day(second));
            assertThat(sequence(third)).isEqualTo(sameDay ? sequence(second) + 1 : 1);
        }
    }

    /**
     * A data directory made before Camunda's history was turned off (history full, migrations up to V71) starts with
     * history none: V72 moves the level Camunda stored, which it checks at start, and its dossiers go on.
     */
    @Test
    void aDataDirectoryMadeWithCamundasFullHistoryStartsWithoutHistory() {
        Path data = Path.of("target", "restart-data", Long.toString(System.nanoTime())).toAbsolutePath();
        String before;
        try (ConfigurableApplicationContext app = start(data, "--camunda.bpm.history-level=full",
                "--spring.flyway.target=71")) {
            before = submit(app);
            assertThat(historyLevel(app)).isEqualTo("3");
        }
        try (ConfigurableApplicationContext app = start(data)) {
            assertThat(historyLevel(app)).isEqualTo("0");
            assertThat(app.getBean(ProcessEngine.class).getProcessEngineConfiguration().getHistory()).isEqualTo("none");
            assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(before)
                    .taskDefinitionKey("reception").count()).isOne();
            String after = submit(app);
            assertThat(app.getBean(DossierRegistry.class).find(after)).isPresent();
        }
    }

    private static String historyLevel(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject(
                "select value_ from act_ge_property where name_ = 'historyLevel'", String.class);
    }

    private static ConfigurableApplicationContext start(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("--motcua.data-dir=" + data, "--server.port=0"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(MotcuaApplication.class).run(args.toArray(String[]::new));
    }

    private static String submit(ConfigurableApplicationContext app) {
        return app.getBean(DossierWorkflow.class).submit(
                new NewDossier("1.002600", "000.00.16.H26", new Applicant("Nguyễn Văn An", "001099012345",
                        "0912345678", null, "Hà Nội"), Map.of("productName", "Kem chống nắng", "brand", "Sen Việt"), null),
                List.of(new Upload("files[0]", "a.pdf", "application/pdf", PdfSamples.pdf("restart"))), CITIZEN)
                .code();
    }

    private static String day(String code) {
        String[] parts = code.split("-");
        return parts[parts.length - 2];
    }

    private static int sequence(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }
}
