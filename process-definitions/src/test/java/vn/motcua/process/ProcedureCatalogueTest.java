package vn.motcua.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcedureCatalogueTest {

    /** A national code of the procedure database: one digit, a dot, six digits. */
    private static final String NATIONAL_CODE = "\\d\\.\\d{6}";

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
        assertThat(procedure.formSchema()).isEqualTo("forms/1.002600.schema.json");
    }

    @Test
    void theSixHealthProceduresCountTheirTimeLimitAsTheLawSays() {
        assertThat(catalogue.all()).extracting(Procedure::code).containsExactly(
                "1.002600", "BYT.KCB.01", "BYT.DUOC.01", "BYT.DUOC.02", "BYT.DUOC.03", "BYT.DUOC.04");

        // "N ngày" in the legal text is calendar days; only "ngày làm việc" is working days
        assertThat(limit("BYT.KCB.01")).isEqualTo(new TimeLimit(30, DayCount.CALENDAR_DAYS));
        assertThat(limit("BYT.DUOC.01")).isEqualTo(new TimeLimit(20, DayCount.CALENDAR_DAYS));
        assertThat(limit("BYT.DUOC.02")).isEqualTo(new TimeLimit(5, DayCount.WORKING_DAYS));
        assertThat(limit("BYT.DUOC.03")).isEqualTo(new TimeLimit(30, DayCount.CALENDAR_DAYS));
        assertThat(limit("BYT.DUOC.04")).isEqualTo(new TimeLimit(20, DayCount.CALENDAR_DAYS));
    }

    @Test
    void feesAreThoseOfThePublishedProcedurePages() {
        assertThat(fee("BYT.KCB.01")).isEqualTo(430_000L);
        assertThat(fee("BYT.DUOC.02")).isEqualTo(500_000L);
        assertThat(fee("BYT.DUOC.03")).isEqualTo(1_000_000L);
        // not published: chosen, and marked so
        assertThat(catalogue.find("BYT.DUOC.01").orElseThrow().isVerified("feeVnd")).isFalse();
        assertThat(catalogue.find("BYT.DUOC.04").orElseThrow().isVerified("feeVnd")).isFalse();
    }

    @Test
    void cosmeticNotificationProcessKeyIsTheProcessIdOfItsBpmnFile() throws IOException {
        Procedure procedure = catalogue.find("1.002600").orElseThrow();

        assertThat(procedure.processKey()).isEqualTo(processIdOf("bpmn/cosmetic-notification.bpmn"));
    }

    @Test
    void everyCatalogueProcedureHasADeployableBpmnProcessOfTheSameName() throws IOException {
        Map<String, String> namesById = new HashMap<>();
        for (String resource : PostgresProcessEngine.shippedModels()) {
            try (InputStream in = open(resource)) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                Bpmn.validateModel(model);
                model.getModelElementsByType(Process.class).stream()
                        .filter(Process::isExecutable)
                        .forEach(p -> assertThat(namesById.put(p.getId(), p.getName())).as(p.getId()).isNull());
            }
        }
        RepositoryService repository = PostgresProcessEngine.get().getRepositoryService();

        assertThat(catalogue.all()).isNotEmpty();
        for (Procedure procedure : catalogue.all()) {
            assertThat(namesById).as(procedure.code()).containsEntry(procedure.processKey(), procedure.name());
            ProcessDefinition deployed = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(procedure.processKey()).latestVersion().singleResult();
            assertThat(deployed).as("deployed " + procedure.processKey()).isNotNull();
        }
        assertThat(namesById.keySet()).as("every shipped model runs a catalogue procedure")
                .containsExactlyInAnyOrderElementsOf(catalogue.all().stream().map(Procedure::processKey).toList());
    }

    @Test
    void processKeysFollowTheCodeTheProcedureWasShippedWith() {
        assertThat(catalogue.all()).allSatisfy(procedure -> assertThat(procedure.processKey())
                .isEqualTo("procedure_" + procedure.code().replace('.', '_')));
    }

    @Test
    void localCodesAreMarkedUnverifiedUntilTheNationalCodeIsKnown() {
        assertThat(catalogue.all()).filteredOn(p -> !p.code().matches(NATIONAL_CODE))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.isVerified("code")).as(p.code()).isFalse());
        assertThat(catalogue.find("1.002600").orElseThrow().isVerified("code")).isTrue();
    }

    /**
     * No made-up code: a procedure whose national code is not known says so ({@code unverified} holds "code"); a
     * code in the national form that is not so marked is one of those the public procedure pages gave
     * (../shared/domain/health-procedures.md), so a guessed national code cannot pass as checked.
     */
    @Test
    void everyCodeNotMarkedUnverifiedIsAKnownNationalCode() {
        Set<String> known = Set.of("1.002600", "1.002483");
        assertThat(catalogue.all()).filteredOn(p -> p.isVerified("code"))
                .allSatisfy(p -> assertThat(known).as(p.code()).contains(p.code()));
        assertThat(catalogue.all()).filteredOn(p -> !known.contains(p.code()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.unverified()).as(p.code()).contains("code"));
    }

    @Test
    void unverifiedNamesRealFields() {
        Set<String> fields = Arrays.stream(Procedure.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());

        assertThat(catalogue.all()).flatExtracting(Procedure::unverified).allMatch(fields::contains);
    }

    @Test
    void everyProcedureListsItsDocumentsWithOriginalsOrCopies() {
        assertThat(catalogue.all()).allSatisfy(procedure -> {
            assertThat(procedure.requiredDocuments()).as(procedure.code()).isNotEmpty();
            assertThat(procedure.requiredDocuments()).as(procedure.code())
                    .allMatch(document -> document.originals() + document.copies() > 0);
            assertThat(procedure.agencyLevel()).isNotBlank();
            assertThat(procedure.legalBasis()).isNotBlank();
        });
    }

    @Test
    void everyFormSchemaExistsAndIsAValidDraft2020Schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        ObjectMapper mapper = new ObjectMapper();

        for (Procedure procedure : catalogue.all()) {
            assertThat(procedure.formSchema()).as(procedure.code()).isNotNull();
            JsonNode schema;
            try (InputStream in = open(procedure.formSchema())) {
                schema = mapper.readTree(in);
            }
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(metaSchema.validate(schema)).as(procedure.formSchema()).isEmpty();
            assertThat(schema.path("title").asText()).as("Vietnamese title of the form").isNotBlank();
            assertRequiredFieldsAreDefinedAndLabelled(procedure.formSchema(), schema);
        }
    }

    @Test
    void uncheckedFiguresAreMarkedUnverified() {
        Procedure procedure = catalogue.find("1.002600").orElseThrow();

        assertThat(procedure.isVerified("legalBasis")).isFalse();
        assertThat(procedure.isVerified("feeVnd")).isTrue();
    }

    @Test
    void aFeeReductionAppliesOnlyWithItsEvidence() {
        Procedure gpp = catalogue.find("BYT.DUOC.03").orElseThrow();
        assertThat(gpp.isVerified("feeReductions")).isFalse();

        Procedure.Fee reduced = gpp.feeFor(java.util.Map.of("disadvantagedArea", true,
                "disadvantagedAreaEvidence", "Quyết định 861/QĐ-TTg, xã Tân Lập"));
        assertThat(reduced.baseFeeVnd()).isEqualTo(1_000_000);
        assertThat(reduced.amountVnd()).isEqualTo(500_000);
        assertThat(reduced.reductionReason()).contains("đặc biệt khó khăn").contains("Quyết định 861/QĐ-TTg");

        assertThat(gpp.feeFor(java.util.Map.of("disadvantagedArea", true)).amountVnd()).isEqualTo(1_000_000);
        assertThat(gpp.feeFor(java.util.Map.of("disadvantagedArea", false, "disadvantagedAreaEvidence", "x"))
                .amountVnd()).isEqualTo(1_000_000);
        assertThat(gpp.feeFor(null).reductionVnd()).isZero();
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
        assertThat(custom.find("1.000001").orElseThrow().formSchema()).isNull();
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
        assertThat(PostgresProcessEngine.shippedModels()).hasSize(catalogue.all().size())
                .contains("bpmn/cosmetic-notification.bpmn", "bpmn/gpp-assessment.bpmn");
    }

    /**
     * Each procedure issues a document of its own kind (Decree 30/2020 Appendix I: title, number/symbol, content from
     * the form): kinds are distinct, so each has its own register; every line and the holder name a field the
     * applicant's form defines, and every code printed in words is one the form allows.
     */
    @Test
    void everyProcedureIssuesItsOwnKindFilledFromItsForm() throws IOException {
        Set<String> kinds = new java.util.HashSet<>();
        for (Procedure procedure : catalogue.all()) {
            ResultKind result = procedure.result();
            assertThat(result).as(procedure.code()).isNotNull();
            assertThat(kinds.add(result.kind())).as("kind " + result.kind() + " used once").isTrue();
            assertThat(result.kind()).isNotEqualTo(ResultKind.REFUSAL);
            assertThat(result.symbolOf(7, 2026, "SYT")).as(result.kind()).startsWith("07/").contains("SYT")
                    .doesNotContain("{");
            JsonNode schema;
            try (InputStream in = open(procedure.formSchema())) {
                schema = new ObjectMapper().readTree(in);
            }
            List<String> fields = new java.util.ArrayList<>(result.lines().stream().map(ResultKind.Line::field).toList());
            fields.add(result.holder());
            for (String field : fields) {
                JsonNode node = schema;
                for (String part : field.split("\\.")) {
                    node = node.path("properties").path(part);
                }
                assertThat(node.isMissingNode()).as(procedure.code() + " form defines " + field).isFalse();
            }
            for (ResultKind.Line line : result.lines()) {
                JsonNode node = schema;
                for (String part : line.field().split("\\.")) {
                    node = node.path("properties").path(part);
                }
                for (String code : line.values().keySet()) {
                    assertThat(node.path("enum").toString()).as(line.field()).contains("\"" + code + "\"");
                }
            }
        }
        assertThat(catalogue.find("BYT.DUOC.01").orElseThrow().result().symbolOf(12, 2026, "SYT"))
                .isEqualTo("12/CCHND-SYT");
        assertThat(catalogue.find("1.002600").orElseThrow().result().symbolOf(3, 2026, "SYT"))
                .isEqualTo("03/26/CBMP-SYT");
        assertThat(catalogue.find("BYT.KCB.01").orElseThrow().result().symbolOf(4, 2026, null))
                .as("a unit without abbreviation leaves no stray dash").isEqualTo("04/GPHN");
    }

    /** A required name that is not a property is a typo no applicant could ever satisfy. */
    private static void assertRequiredFieldsAreDefinedAndLabelled(String resource, JsonNode schema) {
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(name ->
                assertThat(properties.has(name.asText())).as(resource + " defines " + name).isTrue());
        properties.properties().forEach(property -> {
            assertThat(property.getValue().path("title").asText()).as(resource + " labels " + property.getKey()).isNotBlank();
            JsonNode nested = property.getValue().has("items") ? property.getValue().path("items") : property.getValue();
            if (nested.has("properties")) {
                assertRequiredFieldsAreDefinedAndLabelled(resource + "/" + property.getKey(), nested);
            }
        });
    }

    private TimeLimit limit(String code) {
        return catalogue.find(code).orElseThrow().timeLimit();
    }

    private long fee(String code) {
        return catalogue.find(code).orElseThrow().feeVnd();
    }

    private static String processIdOf(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            List<Process> processes = List.copyOf(Bpmn.readModelFromStream(in).getModelElementsByType(Process.class));
            assertThat(processes).hasSize(1);
            return processes.getFirst().getId();
        }
    }

    private static InputStream open(String resource) {
        return Objects.requireNonNull(ProcedureCatalogueTest.class.getClassLoader().getResourceAsStream(resource), resource);
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
