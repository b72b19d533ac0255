package vn.motcua.engine.readmodel;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.dossier.AttachedDocument;

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

    /** Copies the attachments an event names from the content store, each once. */
    public void store(List<AttachedDocument> attached) {
        GridFSBucket bucket = bucket();
        for (AttachedDocument document : attached) {
            if (bucket.find(eq("filename", document.sha256())).first() != null) {
                continue;
            }
            byte[] content = documents.content(document.sha256()).orElseThrow(() -> new IllegalStateException(
                    "Attachment " + document.sha256() + " is referenced by an event but not stored"));
            bucket.uploadFromStream(document.sha256(), new ByteArrayInputStream(content),
                    new GridFSUploadOptions().metadata(new Document("mediaType", document.mediaType())
                            .append("size", document.size())));
        }
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(client.getDatabase(databaseName), "attachments");
    }
}
