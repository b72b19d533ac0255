package vn.motcua.engine.administration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.identity.Actor;

/**
 * What changed in the system's administration, each change with who made it, when, and the state before and
 * after: the announced days of the working-day calendar, the versions of the procedures (BPMN model and catalogue
 * entry), the configured org units and users. No event names an owning {@code unitId}: administration belongs to
 * no agency, so its events carry the system seal (docs/audit.md, "Administrative changes").
 */
public sealed interface AdministrationEvent {

    /** The administration record the event belongs to: {@code calendar-2026}, {@code procedure-1.002600}, … */
    String recordId();

    /** A short summary for people and the inspector's search. */
    String comment();

    Actor actor();

    Instant at();

    /** How the change is named to people (Vietnamese first). */
    String labelVi();

    /** One announced day as the override table held it (who set it, when); {@code null} where there was none. */
    record CalendarDay(boolean working, String reason, String setBy, Instant setAt) {
    }

    /** An administrator made {@code day} a working day or a day off ({@code before}: its earlier override, if any). */
    record CalendarOverrideSet(String recordId, LocalDate day, CalendarDay before, CalendarDay after, String comment,
                               Actor actor, Instant at) implements AdministrationEvent {
        public String labelVi() {
            return "Điều chỉnh lịch làm việc";
        }
    }

    /** An administrator removed the override of {@code day}: the computed calendar applies to it again. */
    record CalendarOverrideRemoved(String recordId, LocalDate day, CalendarDay before, String comment, Actor actor,
                                   Instant at) implements AdministrationEvent {
        public String labelVi() {
            return "Bỏ điều chỉnh lịch làm việc";
        }
    }

    /**
     * A procedure as deployed: its BPMN process definition (Camunda's id and version, the deployment) and its
     * catalogue entry with the SHA-256 of that entry's RFC 8785 canonical form.
     */
    record ProcedureVersion(String processKey, String processDefinitionId, Integer processVersion, String deploymentId,
                            Instant deployedAt, String catalogueSha256, JsonNode catalogueEntry) {

        /** Whether this is another version than {@code other}: another process definition or catalogue entry. */
        public boolean differsFrom(ProcedureVersion other) {
            return other == null || !java.util.Objects.equals(processDefinitionId, other.processDefinitionId)
                    || !java.util.Objects.equals(catalogueSha256, other.catalogueSha256);
        }
    }

    /** A new version of a procedure is in service: a new BPMN deployment of its model, or a changed catalogue entry. */
    record ProcedureVersionDeployed(String recordId, String procedureCode, ProcedureVersion before,
                                    ProcedureVersion after, String comment, Actor actor, Instant at)
            implements AdministrationEvent {
        public String labelVi() {
            return "Triển khai phiên bản thủ tục";
        }
    }

    /** One configured unit or user, by id, with what the configuration says of it (name, roles, unit, hours…). */
    record Entry(String id, Map<String, String> facts) {
    }

    /** One unit or user whose configured facts changed. */
    record Change(String id, Map<String, String> before, Map<String, String> after) {
    }

    /** The configured org units differ from the last recorded: the difference, as one event. */
    record UnitsChanged(String recordId, List<Entry> added, List<Entry> removed, List<Change> changed, String comment,
                        Actor actor, Instant at) implements AdministrationEvent {
        public String labelVi() {
            return "Thay đổi danh mục đơn vị";
        }
    }

    /** The configured users differ from the last recorded: the difference, as one event. */
    record UsersChanged(String recordId, List<Entry> added, List<Entry> removed, List<Change> changed, String comment,
                        Actor actor, Instant at) implements AdministrationEvent {
        public String labelVi() {
            return "Thay đổi danh sách người dùng";
        }
    }
}
