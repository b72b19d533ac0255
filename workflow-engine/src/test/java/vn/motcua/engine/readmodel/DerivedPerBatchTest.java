package vn.motcua.engine.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.ReplaceOptions;

import vn.motcua.engine.embedded.EmbeddedMongoServer;
import vn.motcua.engine.platform.AggregateType;

/**
 * Derived collections (the officials' inbox counters are one) are recomputed from the views once per key at the end
 * of a batch of events — the processor's batch before its position moves, a rebuild's chunk — not after every event,
 * which made a catch-up of n events over n views cost n² full scans on mongo-java-server. What a reader sees when a
 * batch has committed must not change: counters that count the views.
 */
class DerivedPerBatchTest {

    /** A file that moved to a status, in a unit. */
    record Moved(String fileId, String unit, String status) {
    }

    static final AggregateType<Moved> FILES = new AggregateType<>("file", "files", "File", Moved.class,
            Moved::fileId, "tệp");

    /** Views of files and, derived from them, how many files of each unit are in each status. */
    static class FileProjection implements Projection<Moved> {

        final AtomicInteger recomputed = new AtomicInteger();

        @Override
        public AggregateType<Moved> type() {
            return FILES;
        }

        @Override
        public String views() {
            return "file_views";
        }

        @Override
        public Document apply(Document current, Moved event, long sequence) {
            return new Document("unit", event.unit()).append("status", event.status());
        }

        @Override
        public List<String> derived() {
            return List.of("file_counters");
        }

        @Override
        public String derivedKey(Document view) {
            return view.getString("unit");
        }

        @Override
        public void recompute(Generation generation, String unit) {
            recomputed.incrementAndGet();
            Map<String, Object> counts = new HashMap<>();
            generation.collection(views()).aggregate(List.of(Aggregates.match(eq("unit", unit)),
                            Aggregates.group("$status", Accumulators.sum("count", 1))))
                    .forEach(group -> counts.put(group.getString("_id"), group.getInteger("count")));
            generation.collection("file_counters").replaceOne(eq("_id", unit),
                    new Document("_id", unit).append("counts", new Document(counts)), new ReplaceOptions().upsert(true));
        }
    }

    @TempDir
    Path dir;

    EmbeddedMongoServer server;
    MongoClient client;
    FileProjection projection;
    AtomicInteger writesToDisk;
    MongoReadModels readModels;

    @BeforeEach
    void start() {
        server = new EmbeddedMongoServer(dir);
        server.start();
        // fails fast while the server is away, as the application's client does (DownstreamConfiguration)
        client = MongoClients.create(server.connectionString() + "?serverSelectionTimeoutMS=1000&connectTimeoutMS=500");
        projection = new FileProjection();
        writesToDisk = new AtomicInteger();
        readModels = new MongoReadModels(client, null, null, List.of(projection), () -> {
            writesToDisk.incrementAndGet();
            server.writeToDisk();
        }, "motcua", Duration.ZERO, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aProcessorBatchRecomputesEachTouchedKeyOnceAndTheCountersAreRightWhenItCommits() {
        batch(() -> {
            for (int i = 0; i < 100; i++) {
                readModels.on(new Moved("f" + i, i % 2 == 0 ? "hn" : "hcm", "RECEIVED"), 0);
            }
            assertThat(projection.recomputed).as("nothing recomputed before the batch ends").hasValue(0);
        });

        assertThat(projection.recomputed).as("once per unit touched, not once per event").hasValue(2);
        assertThat(writesToDisk).hasValue(1);
        assertThat(counts("hn")).containsEntry("RECEIVED", 50);
        assertThat(counts("hcm")).containsEntry("RECEIVED", 50);

        batch(() -> readModels.on(new Moved("f0", "hn", "ACCEPTED"), 1));
        assertThat(counts("hn")).containsEntry("RECEIVED", 49).containsEntry("ACCEPTED", 1);
        assertThat(projection.recomputed).hasValue(3);
    }

    @Test
    void aBatchRetriedAfterAFailureRecomputesTheKeysOfViewsItHadAlreadyWritten() {
        assertThatThrownBy(() -> batch(() -> {
            for (int i = 0; i < 10; i++) {
                readModels.on(new Moved("f" + i, "hn", "RECEIVED"), 0);
            }
            throw new IllegalStateException("MongoDB went away in the middle of the batch");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(projection.recomputed).as("a rolled-back batch recomputes nothing").hasValue(0);
        assertThat(counter("hn")).isNull();

        // the retry finds the ten views written (version-checked, nothing written again) and still counts them
        batch(() -> {
            for (int i = 0; i < 10; i++) {
                readModels.on(new Moved("f" + i, "hn", "RECEIVED"), 0);
            }
        });
        assertThat(counts("hn")).containsEntry("RECEIVED", 10);
    }

    @Test
    void aRebuildChunkGivesTheSameCountersAsTheLiveProcessor() {
        List<RebuildTarget.Replayed> events = new ArrayList<>();
        batch(() -> {
            for (int i = 0; i < 30; i++) {
                Moved moved = new Moved("f" + i, "hn", i % 3 == 0 ? "ACCEPTED" : "RECEIVED");
                readModels.on(moved, 0);
                events.add(new RebuildTarget.Replayed("e" + i, 0, moved));
            }
        });
        Document live = counter("hn");

        String generation = readModels.prepare();
        projection.recomputed.set(0);
        readModels.apply(generation, events);
        assertThat(projection.recomputed).as("once per unit of the chunk").hasValue(1);
        readModels.activate(generation);
        assertThat(counter("hn")).isEqualTo(live);
    }

    @Test
    void anEventAppliedOutsideABatchUpdatesTheCountersAtOnce() {
        readModels.apply(readModels.activeGeneration(), new Moved("f1", "hn", "RECEIVED"), 0);
        assertThat(counts("hn")).containsEntry("RECEIVED", 1);
    }

    @Test
    void aBatchMeetingAnOutageWaitsForMongoDbAndGoesOnWithinAMomentOfItsReturn() throws Exception {
        batch(() -> readModels.on(new Moved("f0", "hn", "RECEIVED"), 0));
        AtomicLong returned = new AtomicLong();
        Thread operator = Thread.ofVirtual().start(() -> {
            sleep(3_000);
            returned.set(System.nanoTime());
            server.start();
        });
        server.stop();

        batch(() -> {
            for (int i = 1; i < 20; i++) {
                readModels.on(new Moved("f" + i, "hn", "RECEIVED"), 0);
            }
        });
        long resumedAfterMillis = (System.nanoTime() - returned.get()) / 1_000_000;
        operator.join();

        assertThat(counts("hn")).containsEntry("RECEIVED", 20);
        // Axon's own retry would have waited 1 + 2 s after the first two failures and then looked every 4 s or more
        assertThat(resumedAfterMillis).as("ms from MongoDB's return to the batch's commit").isLessThan(2_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void batch(Runnable events) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        unitOfWork.execute(events);
    }

    private Document counter(String unit) {
        return readModels.derived("file_counters", unit).orElse(null);
    }

    private Map<String, Object> counts(String unit) {
        Document counter = counter(unit);
        assertThat(counter).as("counters of " + unit).isNotNull();
        return counter.get("counts", Document.class);
    }
}
