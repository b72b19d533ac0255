package vn.motcua.engine.readmodel;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

import vn.motcua.engine.document.DocumentStore;

/** Attachments in GridFS, each content once under its SHA-256 as the file name, copied there by projections. */
@Component
public class GridFsAttachments {

    private final MongoClient client;
    private final DocumentStore documents;
    private final String databaseName;

    public GridFsAttachments(MongoClient client, DocumentStore documents,
                             @Value("${motcua.mongodb.database:motcua}") String databaseName) {
        this.client = client;
        this.documents = documents;
        this.databaseName = databaseName;
    }

    /** The bytes of an attachment, if it has been copied to GridFS yet. */
    public Optional<byte[]> content(String sha256) {
        GridFSBucket bucket = bucket();
        if (bucket.find(eq("filename", sha256)).first() == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bucket.downloadToStream(sha256, out);
        return Optional.of(out.toByteArray());
    }

    /** Copies an attachment an event names from the content store, once. */
    public void store(String sha256, String mediaType, long size) {
        GridFSBucket bucket = bucket();
        if (bucket.find(eq("filename", sha256)).first() != null) {
            return;
        }
        byte[] content = documents.content(sha256).orElseThrow(() -> new IllegalStateException(
                "Attachment " + sha256 + " is referenced by an event but not stored"));
        bucket.uploadFromStream(sha256, new ByteArrayInputStream(content),
                new GridFSUploadOptions().metadata(new Document("mediaType", mediaType).append("size", size)));
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(client.getDatabase(databaseName), "attachments");
    }
}
