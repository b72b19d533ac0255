package vn.motcua.engine.dossier.portalsync;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.dossier.report.Histories.submitted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.ApplicantType;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.Stage;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.dossier.report.DossierTimeline;
import vn.motcua.engine.dossier.report.Histories;
import vn.motcua.process.ProcedureCatalogue;

/** The national-portal payload built from a dossier's history, checked against its JSON Schema. */
class PortalSyncPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MotcuaProperties properties = new MotcuaProperties(Path.of("target"), Histories.ZONE,
            List.of(new MotcuaProperties.OrgUnit(Histories.UNIT, "Sở Y tế Hà Nội", null)),
            new MotcuaProperties.Calendar(new MotcuaProperties.Hours(null, null, null, null), null));
    private final PortalSyncPayloads payloads = new PortalSyncPayloads(new ProcedureCatalogue(),
            properties, Histories.calendar());
    private final PortalSyncSchema schema = new PortalSyncSchema();

    private static Histories wholeDossier() {
        return submitted("2026-11-23T08:00").supplementRequested("2026-11-23T08:30", "Giấy ủy quyền (bản sao)")
                .supplementProvided("2026-11-23T14:05", Stage.RECEPTION, null)
                .accepted("2026-11-23T15:00", "2026-11-26").appraised("2026-11-24T10:00")
                .approved("2026-11-25T16:00").returned("2026-11-26T09:30");
    }

    private JsonNode json(DossierTimeline timeline) {
        return JSON.valueToTree(payloads.build(timeline));
    }

    /** The fee synchronised is the one requested of this applicant: the catalogue's, less a reduction with its reason. */
    @Test
    void theFeeSentIsTheOneRequestedWithItsReduction() {
        Histories reduced = submitted("2026-11-23T08:00").accepted("2026-11-23T09:00", "2026-11-26")
                .add(new DossierEvent.PaymentRequested(Histories.CODE, 250_000, null, List.of(), Histories.RECEPTION,
                        Histories.at("2026-11-23T09:00"), 500_000, 250_000, "Cơ sở tại địa bàn đặc biệt khó khăn"));
        JsonNode payload = json(reduced.timeline());
        assertThat(schema.violations(payload)).isEmpty();
        assertThat(payload.at("/fees/0/amountVnd").asLong()).isEqualTo(250_000);
        assertThat(payload.at("/fees/0/name").asText()).contains("giảm: Cơ sở tại địa bàn đặc biệt khó khăn");
        assertThat(json(wholeDossier().timeline()).at("/fees/0/amountVnd").asLong())
                .as("no fee requested yet: the catalogue's").isEqualTo(500_000);
    }

    @Test
    void aWholeDossierGivesAPayloadTheSchemaAccepts() {
        JsonNode payload = json(wholeDossier().timeline());
        assertThat(schema.violations(payload)).isEmpty();

        assertThat(payload.get("dossierCode").asText()).isEqualTo(Histories.CODE);
        assertThat(payload.get("procedureCode").asText()).isEqualTo("1.002600");
        assertThat(payload.get("procedureName").asText()).startsWith("Cấp số tiếp nhận Phiếu công bố");
        assertThat(payload.get("channel").asInt()).isEqualTo(2);
        assertThat(payload.get("applicantType").asInt()).isEqualTo(1);
        assertThat(payload.at("/owner/fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(payload.at("/owner/accountId").asText()).isEqualTo("citizen-a");
        assertThat(payload.get("status").asInt()).isEqualTo(10);
        assertThat(payload.at("/handlingUnit/name").asText()).isEqualTo("Sở Y tế Hà Nội");
        assertThat(payload.get("version").asLong()).isEqualTo(7);
    }

    private static DossierTimeline submittedBy(Applicant applicant, Actor submitter) {
        return DossierTimeline.ofEvents(List.of(new DossierEvent.DossierSubmitted(Histories.CODE, Histories.PROCEDURE,
                Histories.UNIT, applicant, Map.of(), null, List.of(Histories.pdf("phieu-cong-bo.pdf", 'a')), submitter,
                Histories.at("2026-11-23T08:00"))));
    }

    /** The national portal's loại đối tượng and the organisation's tax code, as the applicant declared them. */
    @Test
    void anEnterpriseIsSyncedAsApplicantType2WithItsTaxCode() {
        Applicant company = new Applicant("Công ty TNHH Mỹ phẩm Sen Việt", "001099012345", "0912345678", null,
                "Hà Nội", ApplicantType.ENTERPRISE, "0101234567-001");
        JsonNode payload = json(submittedBy(company, Histories.CITIZEN));

        assertThat(schema.violations(payload)).isEmpty();
        assertThat(payload.get("applicantType").asInt()).isEqualTo(2);
        assertThat(payload.at("/owner/taxCode").asText()).isEqualTo("0101234567-001");
        assertThat(json(submittedBy(new Applicant("Sở Tài chính", "001099012345", "0912345678", null, null,
                ApplicantType.STATE_AGENCY, "0100000001"), Histories.CITIZEN)).get("applicantType").asInt())
                .isEqualTo(3);
    }

    /** An event stored before the applicant's type existed still reads, as a citizen's, with no tax code. */
    @Test
    void anApplicantStoredBeforeTheTypeIsACitizen() throws IOException {
        Applicant old = JSON.readValue("""
                {"fullName":"Nguyễn Văn An","idNumber":"001099012345","phone":"0912345678",
                 "email":"an@example.vn","address":"Hà Nội"}""", Applicant.class);

        assertThat(old.type()).isNull();
        assertThat(old.kind()).isEqualTo(ApplicantType.CITIZEN);
        JsonNode payload = json(submittedBy(old, Histories.CITIZEN));
        assertThat(payload.get("applicantType").asInt()).isEqualTo(1);
        assertThat(payload.at("/owner").has("taxCode")).isFalse();
        assertThat(schema.violations(payload)).isEmpty();
    }

    /** Kênh: online when the applicant submitted from their account, at the counter when an officer entered it. */
    @Test
    void theChannelIsHowTheDossierCameIn() {
        assertThat(json(submittedBy(Histories.APPLICANT, Histories.CITIZEN)).get("channel").asInt()).isEqualTo(2);
        assertThat(json(submittedBy(Histories.APPLICANT, Histories.RECEPTION)).get("channel").asInt()).isEqualTo(1);
    }

    @Test
    void theSchemaRefusesATaxCodeThatIsNot10Or10Dash3Digits() {
        ObjectNode payload = (ObjectNode) json(submittedBy(new Applicant("Công ty A", "001099012345", "0912345678",
                null, null, ApplicantType.ENTERPRISE, "0101234567"), Histories.CITIZEN));
        assertThat(schema.violations(payload)).isEmpty();
        ((ObjectNode) payload.get("owner")).put("taxCode", "01012345");
        assertThat(schema.violations(payload)).isNotEmpty();
        ((ObjectNode) payload.get("owner")).put("taxCode", "0101234567-1");
        assertThat(schema.violations(payload)).isNotEmpty();
    }

    @Test
    void datesAreWrittenYyyyMMddHHmmssInVietnamTime() {
        JsonNode payload = json(wholeDossier().timeline());
        assertThat(payload.get("submittedAt").asText()).isEqualTo("20261123080000");
        assertThat(payload.get("receivedAt").asText()).isEqualTo("20261123150000");
        assertThat(payload.get("appointedAt").asText()).as("closing time of the appointed day")
                .isEqualTo("20261126170000");
        assertThat(payload.get("finishedAt").asText()).isEqualTo("20261125160000");
        assertThat(payload.get("returnedAt").asText()).isEqualTo("20261126093000");
    }

    @Test
    void documentsFeesSupplementsAndResultsComeFromTheHistoryAndTheCatalogue() {
        JsonNode payload = json(wholeDossier().timeline());
        assertThat(payload.at("/documents/0/fileName").asText()).isEqualTo("phieu-cong-bo.pdf");
        assertThat(payload.at("/documents/0/sha256").asText()).hasSize(64);
        assertThat(payload.at("/fees/0/amountVnd").asLong()).isEqualTo(500_000);
        assertThat(payload.get("supplements")).hasSize(1);
        assertThat(payload.at("/supplements/0/items/0").asText()).isEqualTo("Giấy ủy quyền (bản sao)");
        assertThat(payload.at("/supplements/0/requestedBy/id").asText()).isEqualTo("reception-hn");
        assertThat(payload.at("/supplements/0/providedAt").asText()).isEqualTo("20261123140500");
        assertThat(payload.at("/supplements/0/documents/0/fileName").asText()).isEqualTo("bo-sung.pdf");
        assertThat(payload.at("/resultDocuments/0/fileName").asText()).isEqualTo("so-tiep-nhan.pdf");
    }

    @Test
    void everyStepHasItsOfficerTitleTimeUnitContentStatusAndDueDate() {
        JsonNode steps = json(wholeDossier().timeline()).get("steps");
        assertThat(steps.findValuesAsText("type")).containsExactly("DossierSubmitted", "SupplementRequested",
                "SupplementProvided", "DossierAccepted", "HandlerAssigned", "AppraisalRecorded", "DossierApproved",
                "ResultReturned");
        assertThat(steps.findValues("status").stream().map(JsonNode::asInt).toList())
                .containsExactly(1, 5, 1, 2, 4, 4, 9, 10);
        JsonNode approval = steps.get(6);
        assertThat(approval.at("/officer/id").asText()).isEqualTo("leader-hn");
        assertThat(approval.at("/officer/name").asText()).isEqualTo("Đặng Quốc Việt");
        assertThat(approval.get("title").asText()).isEqualTo("Lãnh đạo phê duyệt");
        assertThat(approval.get("at").asText()).isEqualTo("20261125160000");
        assertThat(approval.at("/unit/id").asText()).isEqualTo(Histories.UNIT);
        assertThat(approval.get("content").asText()).isEqualTo("Phê duyệt kết quả: Đồng ý");
        assertThat(approval.get("dueAt").asText()).isEqualTo("20261126170000");
        assertThat(steps.get(0).has("dueAt")).as("no appointment before receipt").isFalse();
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PortalSyncSchema.RESOURCE)) {
            assertThat(metaSchema.validate(JSON.readTree(in))).isEmpty();
        }
    }

    @Test
    void aPayloadThatBreaksTheSchemaIsRefused() {
        ObjectNode payload = (ObjectNode) json(wholeDossier().timeline());
        payload.put("receivedAt", "2026-11-23T15:00:00");
        payload.put("status", 11);
        payload.remove("steps");
        assertThat(schema.violations(payload)).hasSize(3);
    }

    @Test
    void aNewDossierHasOnlyWhatIsKnown() {
        JsonNode payload = json(submitted("2026-11-23T08:00").timeline());
        assertThat(schema.violations(payload)).isEmpty();
        assertThat(payload.get("status").asInt()).isEqualTo(1);
        assertThat(payload.has("receivedAt")).isFalse();
        assertThat(payload.has("appointedAt")).isFalse();
        assertThat(payload.get("steps")).hasSize(1);
        assertThat(payload.at("/steps/0/unit").isMissingNode()).as("the applicant acts for no unit").isTrue();
    }
}
