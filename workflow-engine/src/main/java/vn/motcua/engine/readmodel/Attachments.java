package vn.motcua.engine.readmodel;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.MongoException;

import vn.motcua.engine.document.DocumentStore;

/**
 * Where an attachment is read from: GridFS, where the read models keep every attachment once by its
 * SHA-256; or, until it has been copied there or while MongoDB is unreachable, the bytes accepted with
 * the step in PostgreSQL. Either way the content is the one the event's hash names.
 */
@Component
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final GridFsAttachments gridFs;
    private final DocumentStore documents;

    public Attachments(GridFsAttachments gridFs, DocumentStore documents) {
        this.gridFs = gridFs;
        this.documents = documents;
    }

    public Optional<byte[]> content(String sha256) {
        try {
            Optional<byte[]> stored = gridFs.content(sha256);
            if (stored.isPresent()) {
                return stored;
            }
        } catch (MongoException e) {
            log.warn("GridFS unavailable, serving attachment {} from PostgreSQL: {}", sha256, e.getMessage());
        }
        return documents.content(sha256);
    }
}
