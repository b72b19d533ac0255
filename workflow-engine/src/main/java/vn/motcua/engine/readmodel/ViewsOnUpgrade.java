package vn.motcua.engine.readmodel;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the views a new projection brings for aggregates that existed before it (official documents got theirs
 * after they had events): the live processor {@value MongoReadModels#PROCESSING_GROUP} keeps its token, so it
 * projects only later events. At start-up, when the active generation has no views of a type that has events,
 * a rebuild of the {@value MongoReadModels#TARGET} target replays the event store into a new generation. Nothing
 * happens on a new installation (no events) or once the views exist; MongoDB being down only skips the check
 * (an administrator can start the same rebuild).
 */
@Component
public class ViewsOnUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ViewsOnUpgrade.class);

    private final MongoReadModels readModels;
    private final Rebuilds rebuilds;
    private final JdbcTemplate jdbc;

    public ViewsOnUpgrade(MongoReadModels readModels, Rebuilds rebuilds, JdbcTemplate jdbc) {
        this.readModels = readModels;
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
    }

    /** The rebuild started, if views were missing. */
    @EventListener(ApplicationReadyEvent.class)
    public Optional<Rebuilds.Progress> buildMissingViews() {
        try {
            List<String> missing = readModels.typesWithoutViews().stream().filter(this::hasEvents).toList();
            if (missing.isEmpty()) {
                return Optional.empty();
            }
            Rebuilds.Progress started = rebuilds.start(List.of(MongoReadModels.TARGET));
            log.info("No MongoDB views of {} yet: rebuild {} of {} started", missing, started.id(),
                    MongoReadModels.TARGET);
            return Optional.of(started);
        } catch (RuntimeException e) {
            log.warn("Could not check the MongoDB views at start-up: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private boolean hasEvents(String storedType) {
        return !jdbc.queryForList("select 1 from domain_event_entry where type = ? limit 1", Integer.class,
                storedType).equals(Collections.emptyList());
    }
}
