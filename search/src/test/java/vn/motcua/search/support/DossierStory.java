package vn.motcua.search.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.search.EventEnvelope;

/**
 * Writes the events of one dossier as the engine's Kafka publisher does — CloudEvents 1.0 JSON with the
 * event record as {@code data} — and reads them back through {@link EventEnvelope#fromCloudEvent},
 * so tests exercise the same parsing as production. Each step takes the next sequence number and
 * happens one hour after the previous one.
 */
public final class DossierStory {

    public static final String PROCEDURE = "1.002600";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String code;
    private final String unitId;
    private long sequence;
    private Instant at;
    private final List<EventEnvelope> events = new ArrayList<>();

    public DossierStory(String code, String unitId, Instant submittedAt) {
        this.code = code;
        this.unitId = unitId;
        this.at = submittedAt;
    }

    public String code() {
        return code;
    }

    /** Every event told so far, in order. */
    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    public EventEnvelope last() {
        return events.get(events.size() - 1);
    }

    public DossierStory submitted(String applicantName, String phone, String idNumber, String productName) {
        ObjectNode data = common(actor("citizen-" + idNumber, applicantName, "CITIZEN", null), "Nộp trực tuyến");
        data.put("procedureCode", PROCEDURE);
        data.put("unitId", unitId);
        ObjectNode applicant = data.putObject("applicant");
        applicant.put("fullName", applicantName);
        applicant.put("idNumber", idNumber);
        applicant.put("phone", phone);
        applicant.put("email", "applicant@example.vn");
        applicant.put("address", "Hà Nội");
        ObjectNode form = data.putObject("form");
        form.put("productName", productName);
        form.put("brand", "Sen Việt");
        ArrayNode documents = data.withArray("documents");
        ObjectNode document = documents.addObject();
        document.put("fileName", "phieu-cong-bo.pdf");
        document.put("mediaType", "application/pdf");
        document.put("size", 1234);
        document.put("sha256", "a".repeat(64));
        return add("DossierSubmitted", data);
    }

    public DossierStory accepted(LocalDate appointedReturnDate) {
        ObjectNode data = common(reception(), "Hồ sơ đầy đủ");
        data.put("appointedReturnDate", appointedReturnDate.toString());
        return add("DossierAccepted", data);
    }

    public DossierStory supplementRequested(String... items) {
        ObjectNode data = common(reception(), "Cần bổ sung giấy tờ");
        ArrayNode list = data.putArray("items");
        for (String item : items) {
            list.add(item);
        }
        return add("SupplementRequested", data);
    }

    public DossierStory refused(String comment) {
        return add("DossierRefused", common(reception(), comment));
    }

    public DossierStory handlerAssigned(String handlerId, String handlerName) {
        ObjectNode data = common(actor("leader-" + unitId, "Lãnh đạo phòng", "LEADER", unitId), null);
        data.set("handler", actor(handlerId, handlerName, "SPECIALIST", unitId));
        return add("HandlerAssigned", data);
    }

    public DossierStory appraised(String specialistId, String specialistName, String comment) {
        ObjectNode data = common(actor(specialistId, specialistName, "SPECIALIST", unitId), comment);
        data.put("outcome", "FAVOURABLE");
        return add("AppraisalRecorded", data);
    }

    /** The unit head's check of the draft result: agreed (on to the leader) or returned to the handler. */
    public DossierStory resultReviewed(boolean agreed, String comment) {
        ObjectNode data = common(actor("unit-head-" + unitId, "Trưởng phòng", "UNIT_HEAD", unitId), comment);
        data.put("agreed", agreed);
        return add("ResultReviewed", data);
    }

    public DossierStory approved() {
        return add("DossierApproved", common(actor("leader-" + unitId, "Lãnh đạo phòng", "LEADER", unitId), "Đồng ý"));
    }

    public DossierStory resultReturned() {
        return add("ResultReturned", common(reception(), null));
    }

    public DossierStory withdrawn() {
        return add("DossierWithdrawn", common(actor("citizen", "Người nộp", "CITIZEN", null), "Rút hồ sơ"));
    }

    private ObjectNode reception() {
        return actor("reception-" + unitId, "Trần Thị Tiếp Nhận", "RECEPTION", unitId);
    }

    private ObjectNode common(ObjectNode actor, String comment) {
        ObjectNode data = JSON.createObjectNode();
        data.put("code", code);
        if (comment != null) {
            data.put("comment", comment);
        }
        data.putArray("documents");
        data.set("actor", actor);
        data.put("at", at.toString());
        return data;
    }

    private static ObjectNode actor(String id, String name, String role, String unitId) {
        ObjectNode actor = JSON.createObjectNode();
        actor.put("id", id);
        actor.put("name", name);
        actor.put("role", role);
        if (unitId != null) {
            actor.put("unitId", unitId);
        }
        return actor;
    }

    private DossierStory add(String type, ObjectNode data) {
        ObjectNode cloudEvent = JSON.createObjectNode();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", UUID.randomUUID().toString());
        cloudEvent.put("source", "urn:motcua:unit:" + unitId);
        cloudEvent.put("type", EventEnvelope.typePrefix("dossier") + type);
        cloudEvent.put("subject", code);
        cloudEvent.put("time", at.toString());
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("sequence", Long.toString(sequence++));
        cloudEvent.set("data", data);
        events.add(EventEnvelope.fromCloudEvent(cloudEvent, "dossier"));
        at = at.plus(Duration.ofHours(1));
        return this;
    }
}
