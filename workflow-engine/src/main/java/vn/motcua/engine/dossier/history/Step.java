package vn.motcua.engine.dossier.history;

import java.time.Instant;
import java.util.List;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.identity.Actor;

/**
 * One row of the process control form (Mẫu 05, Circular 01/2018/TT-VPCP): one stored event, as it is
 * in the event store, with its sequence number and its Vietnamese label.
 */
public record Step(long sequence, String eventId, String type, String labelVi, Instant at, Actor actor,
                   String comment, List<AttachedDocument> documents, Object details) {
}
