package vn.motcua.engine.dossier.process;

import java.util.List;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.identity.Actor;

/**
 * Makes the electronic result that is returned with the last step (level 4: the result is returned
 * online, signed): the e-office module renders it, has it signed by the leader who decided and sealed by
 * the agency, and stores it; the ResultReturned event then carries its hash.
 */
public interface ResultDocuments {

    IssuedResult issue(String dossierCode, Actor issuingOfficer);

    /** What was issued: the signed, numbered, sealed PDF, and the facts of its register entry. */
    record IssuedResult(List<AttachedDocument> documents, String kind, String title, int number, String symbol,
                        java.time.LocalDate issuedOn, String holder) {
    }
}
