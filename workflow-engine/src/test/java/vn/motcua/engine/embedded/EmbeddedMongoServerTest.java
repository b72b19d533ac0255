package vn.motcua.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * What a kill -9 leaves of the embedded MongoDB is the file {@code mongo.mv} as it is on disk at that moment: a copy
 * of it taken while the server runs is opened by a second server, as a restart would open the original.
 */
class EmbeddedMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void writesAreInTheFileOnceWrittenToDisk() throws Exception {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir.resolve("live"));
             MongoClient client = started(server)) {
            MongoCollection<Document> views = client.getDatabase("motcua").getCollection("views");
            for (int i = 0; i < 50; i++) {
                views.insertOne(new Document("_id", "v" + i).append("version", 0L));
            }
            server.writeToDisk();

            Path crashed = dir.resolve("crashed");
            Files.createDirectories(crashed);
            Files.copy(dir.resolve("live/mongo.mv"), crashed.resolve("mongo.mv"));
            try (EmbeddedMongoServer restarted = new EmbeddedMongoServer(crashed);
                 MongoClient reader = started(restarted)) {
                assertThat(reader.getDatabase("motcua").getCollection("views").countDocuments()).isEqualTo(50);
            }
        }
    }

    @Test
    void writingToDiskWhileStoppedDoesNothing() {
        EmbeddedMongoServer server = new EmbeddedMongoServer(dir);
        server.writeToDisk();
        assertThat(server.isRunning()).isFalse();
    }

    private static MongoClient started(EmbeddedMongoServer server) {
        server.start();
        return MongoClients.create(server.connectionString());
    }
}
