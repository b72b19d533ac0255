package vn.motcua.engine.dossier.portalsync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.ApplicantType;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequested;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequestedInAppraisal;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.dossier.portalsync.PortalSyncPayload.Document;
import vn.motcua.engine.dossier.portalsync.PortalSyncPayload.Fee;
import vn.motcua.engine.dossier.portalsync.PortalSyncPayload.Officer;
import vn.motcua.engine.dossier.portalsync.PortalSyncPayload.Owner;
import vn.motcua.engine.dossier.portalsync.PortalSyncPayload.Step;
import vn.motcua.engine.dossier.portalsync.PortalSyncPayload.Supplement;
import vn.motcua.engine.dossier.portalsync.PortalSyncPayload.Unit;
import vn.motcua.engine.dossier.report.DossierTimeline;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Builds the national-portal payload of a dossier from its whole history as of one event. Everything comes
 * from the events, the catalogue (name, fee) and the configured units, so the same history always gives the
 * same payload.
 */
@Component
public class PortalSyncPayloads {

    private static final String FEE_NAME = "Phí, lệ phí giải quyết thủ tục hành chính";

    /** Dates as the national portal writes them. */
    public static final String DATE_PATTERN = "yyyyMMddHHmmss";
    /** Kênh: 1 at the counter, 2 online (3, the public postal service, has no path into this system yet). */
    static final int CHANNEL_COUNTER = 1;
    static final int CHANNEL_ONLINE = 2;

    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final WorkingCalendar calendar;
    private final DateTimeFormatter dates;

    public PortalSyncPayloads(ProcedureCatalogue catalogue, MotcuaProperties properties, WorkingCalendar calendar) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.calendar = calendar;
        this.dates = DateTimeFormatter.ofPattern(DATE_PATTERN).withZone(properties.zone());
    }

    public PortalSyncPayload build(DossierTimeline timeline) {
        Optional<Procedure> procedure = catalogue.find(timeline.procedureCode());
        DossierStatus status = timeline.status();
        DossierTimeline.Entry last = timeline.entries().get(timeline.entries().size() - 1);
        return new PortalSyncPayload(PortalSyncPayload.SCHEMA_VERSION, timeline.code(), last.sequence(),
                timeline.procedureCode(), procedure.map(Procedure::name).orElse(timeline.procedureCode()), null,
                channel(timeline), owner(timeline), applicantType(timeline), format(timeline.submittedAt()),
                format(timeline.receivedAt()), appointed(timeline.appointedDate(), timeline.unitId()),
                format(timeline.finishedAt()), format(timeline.returnedAt()), status.portalCode(), status.labelVi(),
                unit(timeline.unitId()), documents(timeline.entries().get(0).event()), fees(timeline, procedure),
                supplements(timeline), resultDocuments(timeline), steps(timeline));
    }

    private static Owner owner(DossierTimeline timeline) {
        Applicant applicant = timeline.applicant();
        return applicant == null ? new Owner(timeline.ownerId(), null, null, null, null, null, null)
                : new Owner(timeline.ownerId(), applicant.fullName(), applicant.idNumber(), applicant.phone(),
                applicant.email(), applicant.address(), blankToNull(applicant.taxCode()));
    }

    /** Loại đối tượng as the applicant declared it; a dossier from before the question is a citizen's. */
    private static int applicantType(DossierTimeline timeline) {
        Applicant applicant = timeline.applicant();
        return (applicant == null ? ApplicantType.CITIZEN : applicant.kind()).portalCode();
    }

    /**
     * How the dossier came in: submitted by the applicant's own account, online; by a one-stop officer on the
     * applicant's behalf, at the counter.
     */
    static int channel(DossierTimeline timeline) {
        Actor submitter = timeline.entries().get(0).event().actor();
        return submitter != null && submitter.role() == Role.RECEPTION ? CHANNEL_COUNTER : CHANNEL_ONLINE;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The fee requested of this applicant (with its reduction, if any), else the catalogue's. */
    private List<Fee> fees(DossierTimeline timeline, Optional<Procedure> procedure) {
        Optional<DossierEvent.PaymentRequested> requested = timeline.feeRequested();
        if (requested.isPresent()) {
            DossierEvent.PaymentRequested fee = requested.get();
            return List.of(new Fee(fee.reductionVnd() > 0 && fee.reductionReason() != null
                    ? FEE_NAME + " (giảm: " + fee.reductionReason() + ")" : FEE_NAME, fee.amountVnd()));
        }
        return procedure.filter(p -> p.feeVnd() > 0).map(p -> List.of(new Fee(FEE_NAME, p.feeVnd())))
                .orElse(List.of());
    }

    private List<Supplement> supplements(DossierTimeline timeline) {
        List<Supplement> supplements = new ArrayList<>();
        DossierTimeline.Entry request = null;
        DossierStatus previous = null;
        for (DossierTimeline.Entry entry : timeline.entries()) {
            boolean waiting = entry.status() == DossierStatus.SUPPLEMENT_REQUESTED;
            boolean wasWaiting = previous == DossierStatus.SUPPLEMENT_REQUESTED;
            if (waiting && !wasWaiting) {
                request = entry;
            } else if (!waiting && wasWaiting && request != null) {
                supplements.add(supplement(request, entry));
                request = null;
            }
            previous = entry.status();
        }
        if (request != null) {
            supplements.add(supplement(request, null));
        }
        return supplements;
    }

    private Supplement supplement(DossierTimeline.Entry request, DossierTimeline.Entry answer) {
        DossierEvent asked = request.event();
        List<String> items = switch (asked) {
            case SupplementRequested e -> e.items();
            case SupplementRequestedInAppraisal e -> e.items();
            default -> List.of();
        };
        return new Supplement(format(asked.at()), officer(asked.actor()), items == null ? List.of() : items,
                asked.comment(), answer == null ? null : format(answer.event().at()),
                answer == null ? List.of() : documents(answer.event()));
    }

    /** The documents officials attached once the dossier was processed (decision, certificate, result). */
    private List<Document> resultDocuments(DossierTimeline timeline) {
        List<Document> result = new ArrayList<>();
        for (DossierTimeline.Entry entry : timeline.entries()) {
            int code = entry.status().portalCode();
            if ((code == 9 || code == 10) && entry.event().actor().role() != Role.CITIZEN) {
                result.addAll(documents(entry.event()));
            }
        }
        return result;
    }

    private List<Step> steps(DossierTimeline timeline) {
        return timeline.entries().stream().map(entry -> {
            DossierEvent event = entry.event();
            Actor actor = event.actor();
            String content = event.comment() == null || event.comment().isBlank() ? event.labelVi()
                    : event.labelVi() + ": " + event.comment();
            return new Step(entry.sequence(), event.getClass().getSimpleName(), officer(actor),
                    actor.role().labelVi(), format(event.at()), actor.unitId() == null ? null : unit(actor.unitId()),
                    content, entry.status().portalCode(), appointed(entry.appointedDate(), timeline.unitId()));
        }).toList();
    }

    private List<Document> documents(DossierEvent event) {
        List<Document> documents = new ArrayList<>();
        for (AttachedDocument document : event.documents() == null ? List.<AttachedDocument>of() : event.documents()) {
            documents.add(new Document(document.fileName(), document.mediaType(), document.size(),
                    document.sha256(), format(event.at())));
        }
        return documents;
    }

    private static Officer officer(Actor actor) {
        return new Officer(actor.id(), actor.name());
    }

    private Unit unit(String id) {
        return new Unit(id, properties.unit(id).map(MotcuaProperties.OrgUnit::name).orElse(null));
    }

    /** An appointed day is due at the closing time of the handling unit, as the working-day calendar counts. */
    private String appointed(LocalDate day, String unitId) {
        if (day == null) {
            return null;
        }
        ZoneId zone = properties.zone();
        return format(day.atTime(calendar.hoursOf(unitId).closing()).atZone(zone).toInstant());
    }

    String format(Instant instant) {
        return instant == null ? null : dates.format(instant);
    }
}
