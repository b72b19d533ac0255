package vn.motcua.engine.readmodel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.problem.Problem;

/**
 * The administrator's rebuild: replays the whole event store into fresh generations of every
 * {@link RebuildTarget} (MongoDB read models, search indices), switches them in at the end, then replays
 * once more from where it stopped, so events the live processors handled meanwhile are not missed.
 * The event store is never touched; the old generations serve readers until the switch.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final int BATCH = 500;

    public enum State { RUNNING, DONE, FAILED }

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
    private final Map<String, Progress> runs = new ConcurrentHashMap<>();

    public Rebuilds(EventStorageEngine storage, List<RebuildTarget> targets, JdbcTemplate jdbc, Clock clock) {
        this.storage = storage;
        this.targets = targets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a rebuild in the background; only one runs at a time. */
    public synchronized Progress start() {
        if (runs.values().stream().anyMatch(run -> run.state() == State.RUNNING)) {
            throw new Problem(Problem.Kind.CONFLICT, "rebuild-running", "Đang có một lượt dựng lại chạy",
                    "A rebuild is already running", "Chờ lượt hiện tại kết thúc / Wait for it to finish", null);
        }
        String id = UUID.randomUUID().toString();
        long total = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Progress progress = new Progress(id, State.RUNNING, total, 0, clock.instant(), null,
                targets.stream().map(RebuildTarget::name).toList(), null);
        runs.put(id, progress);
        executor.submit(() -> run(progress));
        return progress;
    }

    public Progress progress(String id) {
        Progress progress = runs.get(id);
        if (progress == null) {
            throw Problem.notFound("rebuild", "Không có lượt dựng lại " + id + " / No rebuild " + id);
        }
        return progress;
    }

    private void run(Progress started) {
        AtomicLong replayed = new AtomicLong();
        try {
            Map<RebuildTarget, String> generations = new java.util.LinkedHashMap<>();
            for (RebuildTarget target : targets) {
                generations.put(target, target.prepare());
            }
            TrackingToken position = replay(null, generations, replayed, started);
            generations.forEach(RebuildTarget::activate);
            replay(position, generations, replayed, started);
            runs.put(started.id(), new Progress(started.id(), State.DONE, started.total(), replayed.get(),
                    started.startedAt(), clock.instant(), started.targets(), null));
            log.info("Rebuild {} done: {} events replayed into {}", started.id(), replayed.get(), generations.values());
        } catch (RuntimeException e) {
            log.error("Rebuild {} failed", started.id(), e);
            runs.put(started.id(), new Progress(started.id(), State.FAILED, started.total(), replayed.get(),
                    started.startedAt(), clock.instant(), started.targets(), e.getMessage()));
        }
    }

    private TrackingToken replay(TrackingToken from, Map<RebuildTarget, String> generations, AtomicLong replayed,
                                 Progress started) {
        TrackingToken position = from;
        List<RebuildTarget.Replayed> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> message = iterator.next();
                position = message.trackingToken();
                if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof DossierEvent event) {
                    batch.add(new RebuildTarget.Replayed(domain.getIdentifier(), domain.getSequenceNumber(), event));
                }
                if (batch.size() == BATCH) {
                    flush(batch, generations, replayed, started);
                }
            }
        }
        flush(batch, generations, replayed, started);
        return position;
    }

    private void flush(List<RebuildTarget.Replayed> batch, Map<RebuildTarget, String> generations, AtomicLong replayed,
                       Progress started) {
        if (batch.isEmpty()) {
            return;
        }
        generations.forEach((target, generation) -> target.apply(generation, List.copyOf(batch)));
        long done = replayed.addAndGet(batch.size());
        runs.put(started.id(), new Progress(started.id(), State.RUNNING, started.total(), done, started.startedAt(),
                null, started.targets(), null));
        batch.clear();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
