package vn.motcua.engine.dossier.process;

import java.util.List;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.identity.Actor;

/**
 * Makes the electronic result along the path of an administrative document (Decree 30/2020/ND-CP Art. 13, 15; level
 * 4: the result is returned online, signed): at the leader's decision the e-office module renders the draft and the
 * leader signs it ({@link #draftAndSign}); the DossierApproved/DossierRejected event carries its hash. At the clerk's
 * step it is numbered in the register of its kind, dated, sealed and archived ({@link #numberAndSeal}); the
 * ResultIssued and then the ResultReturned events carry the issued PDF's hash.
 */
public interface ResultDocuments {

    /**
     * Renders the draft result of the decision ({@code approved}, with the leader's {@code comment}: the reasons of a
     * rejection) and has it signed by {@code leader}; stores it and answers the stored document.
     */
    List<AttachedDocument> draftAndSign(String dossierCode, Actor leader, boolean approved, String comment);

    /**
     * Numbers, dates, seals and archives the draft the leader signed at the decision, read back by its hash. A dossier
     * decided before the leader signed at the decision has no signed draft: then the result is drafted, signed by the
     * leader who decided, numbered and sealed all at once, as it was then.
     */
    IssuedResult numberAndSeal(String dossierCode, Actor clerk);

    /** The documents of the result issued for the dossier, empty when none was issued yet. */
    List<AttachedDocument> issued(String dossierCode);

    /** What was issued: the signed, numbered, sealed PDF, and the facts of its register entry. */
    record IssuedResult(List<AttachedDocument> documents, String kind, String title, int number, String symbol,
                        java.time.LocalDate issuedOn, String holder) {
    }
}
