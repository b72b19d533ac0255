package vn.motcua.engine.dossier.report;

import java.sql.Timestamp;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.motcua.engine.dossier.DossierEvent;

/**
 * Keeps {@code report_dossier}: for each event, the dossier's history up to that event is folded again
 * ({@link DossierTimeline}) and its row replaced if the row is older. A tracking processor with its token in
 * PostgreSQL, so a failure here never touches a step; replaying the event store rebuilds the same rows.
 * {@code on_time} is {@link OnTimeRule}'s final verdict, the same rule the forms (Mẫu 05, Mẫu 06) judge with, and
 * {@code early} whether it was finished before the due date (trước hạn).
 */
@Component
@ProcessingGroup(ReportProjection.PROCESSING_GROUP)
public class ReportProjection {

    public static final String PROCESSING_GROUP = "reports";

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final OnTimeRule onTime;

    public ReportProjection(EventStore eventStore, JdbcTemplate jdbc, OnTimeRule onTime) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.onTime = onTime;
    }

    @EventHandler
    void on(DossierEvent event, @SequenceNumber long sequence) {
        DossierTimeline timeline = DossierTimeline.of(DossierTimeline.read(eventStore, event.code(), sequence));
        OnTimeRule.Result verdict = onTime.judge(timeline).orElse(null);
        jdbc.update("""
                        insert into report_dossier (code, procedure_code, unit_id, status, submitted_at, received_at,
                            due_date, effective_due_date, finished_at, closed_at, supplement_requests, on_time,
                            early, last_sequence)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set status = excluded.status,
                            received_at = excluded.received_at, due_date = excluded.due_date,
                            effective_due_date = excluded.effective_due_date, finished_at = excluded.finished_at,
                            closed_at = excluded.closed_at, supplement_requests = excluded.supplement_requests,
                            on_time = excluded.on_time, early = excluded.early,
                            last_sequence = excluded.last_sequence
                        where report_dossier.last_sequence < excluded.last_sequence""",
                timeline.code(), timeline.procedureCode(), timeline.unitId(), timeline.status().name(),
                timestamp(timeline.submittedAt()), timestamp(timeline.receivedAt()), timeline.dueDate(),
                onTime.effectiveDueDate(timeline), timestamp(timeline.finishedAt()), timestamp(timeline.closedAt()),
                timeline.supplementRequests(), verdict == null ? null : verdict.onTime(),
                verdict == null ? null : verdict.early(), sequence);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
