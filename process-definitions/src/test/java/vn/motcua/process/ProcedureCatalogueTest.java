package vn.motcua.process;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcedureCatalogueTest {

    private final ProcedureCatalogue catalogue = new ProcedureCatalogue();

    @Test
    void cosmeticNotificationTakesThreeWorkingDaysAndCostsFiveHundredThousandDong() {
        Procedure procedure = catalogue.find("1.002600").orElseThrow();

        assertThat(procedure.name()).isEqualTo("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước");
        assertThat(procedure.timeLimit()).isEqualTo(new TimeLimit(3, DayCount.WORKING_DAYS));
        assertThat(procedure.feeVnd()).isEqualTo(500_000L);
        assertThat(procedure.agencyLevel()).isEqualTo("Sở Y tế");
        assertThat(procedure.requiredDocuments()).isNotEmpty();
        assertThat(procedure.requiredDocuments().getFirst().name()).startsWith("Phiếu công bố sản phẩm mỹ phẩm");
        assertThat(procedure.requiredDocuments().getFirst().originals()).isEqualTo(2);
    }

    @Test
    void cosmeticNotificationProcessKeyIsTheProcessIdOfItsBpmnFile() throws IOException {
        Procedure procedure = catalogue.find("1.002600").orElseThrow();

        assertThat(procedure.processKey()).isEqualTo(processIdOf("bpmn/cosmetic-notification.bpmn"));
    }

    @Test
    void everyCatalogueProcedureHasADeployableBpmnProcess() throws IOException, URISyntaxException {
        Set<String> processIds = new HashSet<>();
        Path bpmnDirectory = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("bpmn")).toURI());
        try (Stream<Path> files = Files.list(bpmnDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    BpmnModelInstance model = Bpmn.readModelFromStream(in);
                    model.getModelElementsByType(Process.class).stream()
                            .filter(Process::isExecutable)
                            .forEach(p -> processIds.add(p.getId()));
                }
            }
        }

        assertThat(catalogue.all()).isNotEmpty();
        assertThat(catalogue.all()).extracting(Procedure::processKey).allMatch(processIds::contains);
    }

    @Test
    void uncheckedFiguresAreMarkedUnverified() {
        Procedure procedure = catalogue.find("1.002600").orElseThrow();

        assertThat(procedure.isVerified("legalBasis")).isFalse();
        assertThat(procedure.isVerified("feeVnd")).isTrue();
    }

    @Test
    void unknownCodeGivesEmpty() {
        assertThat(catalogue.find("9.999999")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }

    @Test
    void catalogueCanBeReadFromAnyStream() {
        String json = """
                {"procedures":[{"code":"1.000001","name":"Thử","processKey":"procedure_1_000001",
                  "agencyLevel":"UBND cấp xã","legalBasis":"—","timeLimit":{"days":20,"count":"CALENDAR_DAYS"},
                  "feeVnd":0,"requiredDocuments":[],"unverified":[]}]}
                """;

        ProcedureCatalogue custom = new ProcedureCatalogue(stream(json));

        assertThat(custom.all()).extracting(Procedure::code).containsExactly("1.000001");
        assertThat(custom.find("1.000001").orElseThrow().timeLimit().count()).isEqualTo(DayCount.CALENDAR_DAYS);
    }

    @Test
    void procedureListedTwiceIsRejected() {
        String entry = """
                {"code":"1.000001","name":"Thử","processKey":"p","timeLimit":{"days":1,"count":"WORKING_DAYS"},"feeVnd":0}""";
        String json = "{\"procedures\":[" + entry + "," + entry + "]}";

        assertThatThrownBy(() -> new ProcedureCatalogue(stream(json)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1.000001");
    }

    @Test
    void bpmnLocationPatternCoversTheShippedModels() {
        assertThat(ProcessDefinitions.BPMN_LOCATION_PATTERN).isEqualTo("classpath*:bpmn/*.bpmn");
        assertThat(getClass().getClassLoader().getResource("bpmn/cosmetic-notification.bpmn")).isNotNull();
    }

    private static String processIdOf(String resource) throws IOException {
        try (InputStream in = ProcedureCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<Process> processes = List.copyOf(
                    Bpmn.readModelFromStream(Objects.requireNonNull(in, resource)).getModelElementsByType(Process.class));
            assertThat(processes).hasSize(1);
            return processes.getFirst().getId();
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
