package vn.motcua.engine.readmodel;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import vn.motcua.engine.problem.Problem;

/**
 * The administrator's rebuild: replays the whole event store into fresh generations of every
 * {@link RebuildTarget} (MongoDB read models, search indices), or of the ones named, switches them in at
 * the end, then replays once more from where it stopped, so events the live processors handled meanwhile
 * are not missed. Each target gets the events of its own aggregate type. The event store is never
 * touched; the old generations serve readers until the switch. Runs are kept in PostgreSQL ({@code rebuild_run}),
 * so that any node answers where one stands and one runs at a time across all nodes; a run whose node died (no
 * heartbeat for {@link #STALE}) is marked FAILED, and may be started again.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final int BATCH = 500;
    static final Duration STALE = Duration.ofMinutes(2);
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    public enum State { RUNNING, DONE, FAILED }

    /**
     * Where a rebuild stands: {@code total} is the number of stored events of the targets' aggregate types
     * when it started, {@code replayed} how many of them (and of those appended since) it has applied.
     */
    public record Progress(String id, State state, long total, long replayed, Instant startedAt, Instant finishedAt,
                           List<String> targets, String error) {
    }

    private final EventStorageEngine storage;
    private final List<RebuildTarget> targets;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "motcua-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public Rebuilds(EventStorageEngine storage, List<RebuildTarget> targets, JdbcTemplate jdbc, Clock clock) {
        this.storage = storage;
        this.targets = targets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts a rebuild of the targets named (all when none is named) in the background; only one runs at a
     * time. An unknown name is refused before anything starts.
     */
    public Progress start(Collection<String> names) {
        List<RebuildTarget> chosen = choose(names);
        markAbandoned();
        String id = UUID.randomUUID().toString();
        List<String> types = chosen.stream().flatMap(target -> target.aggregateTypes().stream()).distinct().toList();
        long total = jdbc.queryForObject("select count(*) from domain_event_entry where type in ("
                + String.join(",", Collections.nCopies(types.size(), "?")) + ")", Long.class,
                types.toArray());
        Progress progress = new Progress(id, State.RUNNING, total, 0, clock.instant(), null,
                chosen.stream().map(RebuildTarget::name).toList(), null);
        try {
            jdbc.update("""
                    insert into rebuild_run (id, state, total, replayed, started_at, targets, node, heartbeat_at)
                    values (?, 'RUNNING', ?, 0, ?, ?, ?, ?)""", id, total, Timestamp.from(progress.startedAt()),
                    String.join(",", progress.targets()), NODE, Timestamp.from(progress.startedAt()));
        } catch (DuplicateKeyException running) {
            throw new Problem(Problem.Kind.CONFLICT, "rebuild-running", "Đang có một lượt dựng lại chạy",
                    "A rebuild is already running", "Chờ lượt hiện tại kết thúc / Wait for it to finish", null);
        }
        executor.submit(() -> run(progress, chosen));
        return progress;
    }

    /** Runs left RUNNING by a node that stopped beating (killed, or its machine lost) failed. */
    private void markAbandoned() {
        Instant now = clock.instant();
        jdbc.update("""
                update rebuild_run set state = 'FAILED', finished_at = ?,
                       error = 'Máy chạy lượt này đã dừng / The node running it stopped: ' || node
                where state = 'RUNNING' and heartbeat_at < ?""", Timestamp.from(now), Timestamp.from(now.minus(STALE)));
    }

    /** The names an administrator may pick, in the order the targets run. */
    public List<String> targetNames() {
        return targets.stream().map(RebuildTarget::name).toList();
    }

    private List<RebuildTarget> choose(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return targets;
        }
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(targetNames());
        if (!unknown.isEmpty()) {
            throw Problem.invalid("target", "Không có đối tượng dựng lại " + unknown + "; chọn trong "
                    + targetNames() + " / No rebuild target " + unknown + "; choose from " + targetNames());
        }
        return targets.stream().filter(target -> names.contains(target.name())).toList();
    }

    public Progress progress(String id) {
        markAbandoned();
        return jdbc.query("select * from rebuild_run where id = ?", (rs, row) -> new Progress(rs.getString("id"),
                        State.valueOf(rs.getString("state")), rs.getLong("total"), rs.getLong("replayed"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at") == null ? null
                        : rs.getTimestamp("finished_at").toInstant(), List.of(rs.getString("targets").split(",")),
                        rs.getString("error")), id).stream().findFirst()
                .orElseThrow(() -> Problem.notFound("rebuild", "Không có lượt dựng lại " + id + " / No rebuild " + id));
    }

    private void record(String id, State state, long replayed, String error) {
        Instant now = clock.instant();
        jdbc.update("update rebuild_run set state = ?, replayed = ?, error = ?, heartbeat_at = ?, finished_at = ?"
                + " where id = ?", state.name(), replayed, error, Timestamp.from(now),
                state == State.RUNNING ? null : Timestamp.from(now), id);
    }

    private void run(Progress started, List<RebuildTarget> chosen) {
        AtomicLong replayed = new AtomicLong();
        try {
            Map<RebuildTarget, String> generations = new LinkedHashMap<>();
            for (RebuildTarget target : chosen) {
                generations.put(target, target.prepare());
            }
            TrackingToken position = replay(null, generations, replayed, started);
            generations.forEach(RebuildTarget::activate);
            replay(position, generations, replayed, started);
            record(started.id(), State.DONE, replayed.get(), null);
            log.info("Rebuild {} done: {} events replayed into {}", started.id(), replayed.get(), generations.values());
        } catch (RuntimeException e) {
            log.error("Rebuild {} failed", started.id(), e);
            record(started.id(), State.FAILED, replayed.get(), e.getMessage());
        }
    }

    private TrackingToken replay(TrackingToken from, Map<RebuildTarget, String> generations, AtomicLong replayed,
                                 Progress started) {
        TrackingToken position = from;
        Set<String> types = new HashSet<>();
        generations.keySet().forEach(target -> types.addAll(target.aggregateTypes()));
        List<Stored> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> message = iterator.next();
                position = message.trackingToken();
                if (message instanceof DomainEventMessage<?> domain && types.contains(domain.getType())) {
                    batch.add(new Stored(domain.getType(), new RebuildTarget.Replayed(domain.getIdentifier(),
                            domain.getSequenceNumber(), domain.getPayload())));
                }
                if (batch.size() == BATCH) {
                    flush(batch, generations, replayed, started);
                }
            }
        }
        flush(batch, generations, replayed, started);
        return position;
    }

    private void flush(List<Stored> batch, Map<RebuildTarget, String> generations, AtomicLong replayed,
                       Progress started) {
        if (batch.isEmpty()) {
            return;
        }
        generations.forEach((target, generation) -> {
            List<RebuildTarget.Replayed> events = batch.stream()
                    .filter(stored -> target.aggregateTypes().contains(stored.aggregateType()))
                    .map(Stored::replayed).toList();
            if (!events.isEmpty()) {
                target.apply(generation, events);
            }
        });
        long done = replayed.addAndGet(batch.size());
        record(started.id(), State.RUNNING, done, null);
        batch.clear();
    }

    /** A replayed event with the aggregate type it was stored under. */
    private record Stored(String aggregateType, RebuildTarget.Replayed replayed) {
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
