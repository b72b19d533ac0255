package vn.motcua.eoffice.document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;
import vn.motcua.eoffice.forms.HandlingSheet;
import vn.motcua.eoffice.forms.HandlingSheet.Opinion;
import vn.motcua.eoffice.forms.HandlingSheets;

/**
 * Phiếu giải quyết văn bản đến (Decree 30/2020/ND-CP Art. 24: the handling sheet keeps the opinions of the leader,
 * the head of the lead unit and the handler), built from the incoming document's events in the event store — never
 * from a view that could lag or be edited — and rendered by {@link HandlingSheets}. Those who may see the document
 * ({@link DocumentPolicy}) may print its sheet; for anyone else it does not exist.
 */
@Service
public class IncomingHandlingSheet {

    private final DocumentWorkflow workflow;
    private final EventStore eventStore;
    private final MotcuaProperties properties;
    private final Clock clock;
    private final Officials officials;

    public IncomingHandlingSheet(DocumentWorkflow workflow, EventStore eventStore, MotcuaProperties properties,
                                 Clock clock, Officials officials) {
        this.officials = officials;
        this.workflow = workflow;
        this.eventStore = eventStore;
        this.properties = properties;
        this.clock = clock;
    }

    /** The sheet of the incoming document {@code documentId} as a PDF. */
    public byte[] pdf(String documentId, Identity who) {
        DocumentWorkflow.View view = workflow.find(documentId, who);
        if (view.direction() != Direction.INCOMING) {
            throw Problem.notFound("handling-sheet", "Chỉ văn bản đến có phiếu giải quyết / Only incoming documents"
                    + " have a handling sheet");
        }
        return new HandlingSheets(properties.zone()).render(sheet(documentId));
    }

    /** The sheet's content, folded from the document's events. */
    HandlingSheet sheet(String documentId) {
        DocumentEvent.DocumentReceived received = null;
        DocumentEvent.ArrivalRegistered arrival = null;
        List<Opinion> leader = new ArrayList<>();
        List<Opinion> head = new ArrayList<>();
        List<Opinion> handler = new ArrayList<>();
        for (DomainEventMessage<?> message : eventStore.readEvents(documentId).asStream().toList()) {
            switch ((DocumentEvent) message.getPayload()) {
                case DocumentEvent.DocumentReceived e -> received = e;
                case DocumentEvent.ArrivalRegistered e -> arrival = e;
                case DocumentEvent.InstructionsGiven e -> {
                    List<String> details = new ArrayList<>();
                    details.add("Đơn vị chủ trì: " + unitName(e.leadUnitId()));
                    if (!e.supportingUnitIds().isEmpty()) {
                        details.add("Đơn vị phối hợp: " + String.join(", ",
                                e.supportingUnitIds().stream().map(this::unitName).toList()));
                    }
                    details.add("Thời hạn giải quyết: " + shortDate(e.deadline()));
                    if (!e.handlerIds().isEmpty()) {
                        details.add("Cán bộ được giao: " + String.join(", ", e.handlerIds().stream()
                                .map(id -> officials.official(id).map(Actor::name).orElse(id)).toList()));
                    }
                    leader.add(opinion(e.comment(), details, e.actor(), e));
                }
                case DocumentEvent.HandlerAssigned e -> head.add(opinion(e.comment(), List.of(
                        "Giao đồng chí " + e.handler().name() + " xử lý",
                        "Hạn xử lý: " + shortDate(e.dueOn())), e.actor(), e));
                case DocumentEvent.ProcessingRecorded e -> (e.actor().role() == vn.motcua.engine.identity.Role.UNIT_HEAD
                        ? head : handler).add(opinion(e.comment(), List.of(), e.actor(), e));
                case DocumentEvent.ReplyLinked e -> handler.add(opinion(null,
                        List.of("Dự thảo văn bản trả lời (mã " + e.outgoingDocumentId() + ")"), e.actor(), e));
                case DocumentEvent.ReplyIssued e -> handler.add(opinion(null, List.of("Văn bản trả lời đã phát hành: "
                        + (e.numberSymbol() == null ? e.outgoingDocumentId() : e.numberSymbol())), e.actor(), e));
                case DocumentEvent.DocumentClosed e -> handler.add(opinion(e.comment(),
                        List.of("Kết quả: hoàn thành xử lý văn bản đến"), e.actor(), e));
                default -> {
                    // the clerk's steps are the register's, not the sheet's
                }
            }
        }
        if (received == null) {
            throw Problem.notFound("handling-sheet", "Không có văn bản đến " + documentId + " / No incoming document "
                    + documentId);
        }
        ReceivedMetadata metadata = received.metadata();
        return new HandlingSheet(unitName(received.agencyId()), arrival == null ? null : arrival.formattedNumber(),
                arrival == null ? null : arrival.arrivedOn(), metadata.senderName(), metadata.numberSymbol(),
                metadata.issuedOn(), metadata.subject(), metadata.urgency() == null ? null
                : metadata.urgency().labelVi(), metadata.secrecy() == null || !metadata.secrecy().isSecret() ? null
                : metadata.secrecy().labelVi(), leader, head, handler, clock.instant());
    }

    private static Opinion opinion(String text, List<String> details, Actor actor, DocumentEvent event) {
        return new Opinion(text, details, actor.name(), actor.role().labelVi(), event.at());
    }

    private String unitName(String unitId) {
        return properties.unit(unitId).map(MotcuaProperties.OrgUnit::name).orElse(unitId);
    }

    private static String shortDate(java.time.LocalDate date) {
        return date == null ? "—" : "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(),
                date.getYear());
    }
}
