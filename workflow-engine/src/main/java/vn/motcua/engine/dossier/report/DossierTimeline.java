package vn.motcua.engine.dossier.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import vn.motcua.engine.calendar.ClockStop;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.DelayApologised;
import vn.motcua.engine.dossier.DossierEvent.DossierAccepted;
import vn.motcua.engine.dossier.DossierEvent.DossierSubmitted;
import vn.motcua.engine.dossier.DossierEvent.PaymentReceived;
import vn.motcua.engine.dossier.DossierEvent.SupplementProvided;
import vn.motcua.engine.dossier.DossierStatus;

/**
 * The dates of one dossier as its history tells them, folded from the events in order: the one place that
 * reads receipt, appointment, waiting for the applicant and the end of processing out of the events, for the
 * reports, the national-portal payload and the notifications.
 *
 * <ul>
 * <li><b>received</b>: the receipt with an appointment (Giấy tiếp nhận và hẹn trả kết quả);</li>
 * <li><b>appointed</b>: the return date the applicant was last told — set on receipt, set again when the
 * time limit restarts (supplement during appraisal, Decree 61/2018/ND-CP Art. 17; payment received),
 * moved by an apology (Mẫu 04);</li>
 * <li><b>due</b>: the appointment that timeliness is measured against: the same, except that an apology does
 * not move it (the apology is sent because the dossier is late);</li>
 * <li><b>waits</b>: the periods in status 5 (supplement requested) or 6 (payment requested) after receipt and
 * after the last (re)appointment — the applicant's time, which does not count (the clock stops while the applicant
 * supplements, and has not started before the fee is paid: Decree 61/2018/ND-CP as amended);
 * <b>supplement requests</b> count status 5 only;</li>
 * <li><b>finished</b>: processing ended — the first time the status is 9 (processed) or 10 (result returned),
 * or a refusal after receipt; <b>closed</b>: the first time the status is a closed one (refused, returned,
 * withdrawn, stopped).</li>
 * </ul>
 * Events this fold does not know leave the dates alone and change the status as {@link DossierStatus#after}
 * says.
 */
public record DossierTimeline(String code, String procedureCode, String unitId, String ownerId, Applicant applicant,
                              Instant submittedAt, Instant receivedAt, LocalDate appointedDate, LocalDate dueDate,
                              List<ClockStop> waits, Instant waitingSince, int supplementRequests,
                              Instant apologisedAt, Instant finishedAt, Instant returnedAt, Instant closedAt,
                              DossierStatus status, List<Entry> entries) {

    /** One event with the status right after it and the appointment in force then. */
    public record Entry(long sequence, String eventId, DossierEvent event, DossierStatus status,
                        LocalDate appointedDate) {
    }

    /** One stored event of the dossier, as read from the event store. */
    public record Stored(long sequence, String eventId, DossierEvent event) {
    }

    public DossierTimeline {
        waits = List.copyOf(waits);
        entries = List.copyOf(entries);
    }

    /** The status before the last event, or {@code null} when there is only one event. */
    public DossierStatus previousStatus() {
        return entries.size() < 2 ? null : entries.get(entries.size() - 2).status();
    }

    /** True when the last event moved the national-portal status code (or was the first event). */
    public boolean portalStatusChanged() {
        DossierStatus previous = previousStatus();
        return previous == null || previous.portalCode() != status.portalCode();
    }

    /** The fee last requested of the applicant (the catalogue's, less a reduction claimed with evidence), if any. */
    public java.util.Optional<DossierEvent.PaymentRequested> feeRequested() {
        return entries.reversed().stream().map(Entry::event).filter(DossierEvent.PaymentRequested.class::isInstance)
                .map(DossierEvent.PaymentRequested.class::cast).findFirst();
    }

    public DossierEvent lastEvent() {
        return entries.get(entries.size() - 1).event();
    }

    /** The events of {@code code} from the event store, up to and including {@code lastSequence}, in order. */
    public static List<Stored> read(EventStore eventStore, String code, long lastSequence) {
        List<Stored> events = new ArrayList<>();
        // from sequence 0, never from a snapshot: the fold needs every event
        eventStore.readEvents(code, 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= lastSequence)
                .forEach(message -> events.add(stored(message)));
        return events;
    }

    private static Stored stored(DomainEventMessage<?> message) {
        return new Stored(message.getSequenceNumber(), message.getIdentifier(), (DossierEvent) message.getPayload());
    }

    /** Folds a dossier's events, in order, the first being its submission. */
    public static DossierTimeline of(List<Stored> events) {
        if (events.isEmpty() || !(events.get(0).event() instanceof DossierSubmitted submitted)) {
            throw new IllegalArgumentException("a dossier's history starts with its submission");
        }
        Fold fold = new Fold(submitted);
        events.forEach(fold::apply);
        return fold.result();
    }

    /** {@link #of(List)} for events without identifiers, numbered from 0 (tests, previews). */
    public static DossierTimeline ofEvents(List<? extends DossierEvent> events) {
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            stored.add(new Stored(i, null, events.get(i)));
        }
        return of(stored);
    }

    private static final class Fold {
        private final DossierSubmitted submitted;
        private final List<ClockStop> waits = new ArrayList<>();
        private final List<Entry> entries = new ArrayList<>();
        private DossierStatus status;
        private Instant receivedAt;
        private LocalDate appointedDate;
        private LocalDate dueDate;
        private Instant waitingSince;
        private int supplementRequests;
        private Instant apologisedAt;
        private Instant finishedAt;
        private Instant returnedAt;
        private Instant closedAt;

        Fold(DossierSubmitted submitted) {
            this.submitted = submitted;
        }

        void apply(Stored stored) {
            DossierEvent event = stored.event();
            Objects.requireNonNull(event, "event");
            DossierStatus previous = status;
            status = previous == null ? DossierStatus.after(DossierStatus.SUBMITTED, event)
                    : DossierStatus.after(previous, event);
            trackWaiting(previous, event);
            trackAppointment(event);
            trackEnd(event);
            entries.add(new Entry(stored.sequence(), stored.eventId(), event, status, appointedDate));
        }

        private void trackWaiting(DossierStatus previous, DossierEvent event) {
            boolean waiting = waitsForApplicant(status);
            boolean wasWaiting = waitsForApplicant(previous);
            if (waiting && !wasWaiting) {
                if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
                    supplementRequests++;
                }
                waitingSince = event.at();
            } else if (!waiting && wasWaiting && waitingSince != null) {
                if (receivedAt != null && !waitingSince.isBefore(receivedAt)) {
                    waits.add(new ClockStop(waitingSince, event.at()));
                }
                waitingSince = null;
            }
        }

        private static boolean waitsForApplicant(DossierStatus status) {
            return status == DossierStatus.SUPPLEMENT_REQUESTED || status == DossierStatus.PAYMENT_REQUESTED;
        }

        private void trackAppointment(DossierEvent event) {
            switch (event) {
                case DossierAccepted e -> {
                    if (receivedAt == null) {
                        receivedAt = e.at();
                    }
                    appoint(e.appointedReturnDate());
                }
                // the time limit restarts from zero once a supplement asked for during appraisal arrives
                case SupplementProvided e -> appoint(e.appointedReturnDate());
                // and counts from the payment when a fee is due first
                case PaymentReceived e -> appoint(e.appointedReturnDate());
                case DelayApologised e -> {
                    apologisedAt = e.at();
                    if (e.appointedReturnDate() != null) {
                        appointedDate = e.appointedReturnDate();
                    }
                }
                default -> {
                }
            }
        }

        /** A new appointment counts afresh: the waits before it are already inside it. */
        private void appoint(LocalDate date) {
            if (date != null) {
                appointedDate = date;
                dueDate = date;
                waits.clear();
            }
        }

        private void trackEnd(DossierEvent event) {
            int code = status.portalCode();
            boolean refusedAfterReceipt = status == DossierStatus.REFUSED && receivedAt != null;
            if (finishedAt == null && (code == 9 || code == 10 || refusedAfterReceipt)) {
                finishedAt = event.at();
            }
            if (returnedAt == null && code == 10) {
                returnedAt = event.at();
            }
            if (closedAt == null && status.isClosed()) {
                closedAt = event.at();
            }
        }

        DossierTimeline result() {
            return new DossierTimeline(submitted.code(), submitted.procedureCode(), submitted.unitId(),
                    submitted.actor().id(), submitted.applicant(), submitted.at(), receivedAt, appointedDate, dueDate,
                    waits, waitingSince, supplementRequests, apologisedAt, finishedAt, returnedAt, closedAt, status,
                    entries);
        }
    }
}
