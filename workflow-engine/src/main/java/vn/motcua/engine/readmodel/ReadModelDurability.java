package vn.motcua.engine.readmodel;

/**
 * Makes the read models' writes acknowledged so far survive a crash, before the position of the processor that made
 * them is stored: a view is never behind a position that says it is current. The embedded default's MongoDB
 * (mongo-java-server on H2's MVStore) writes its file about once a second by itself, so it is told to write at the
 * end of each batch ({@code EmbeddedMongoServer.writeToDisk}); a real MongoDB has written, journalled, what it
 * acknowledged under the write concern of the connection string ({@code w=majority&journal=true}), so nothing is
 * left to do ({@link #BY_WRITE_CONCERN}).
 */
@FunctionalInterface
public interface ReadModelDurability {

    /** A server whose acknowledgement already means durable: nothing to do. */
    ReadModelDurability BY_WRITE_CONCERN = () -> {
    };

    /** Returns once every write acknowledged before the call is on disk; throws if it cannot be. */
    void writeToDisk();
}
