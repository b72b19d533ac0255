package vn.motcua.engine.dossier.process;

import java.time.LocalDate;
import java.util.List;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.identity.Actor;

/**
 * Makes the acts that refer to an issued result (Decree 30/2020/ND-CP: a document is corrected or revoked only by
 * another document): the e-office module drafts the correction or the revocation decision naming the original's
 * number, symbol and date, has it signed by the leader (with their authority for the result's kind), numbers it in
 * its own register ({@code RESULT:CORRECTION}, {@code RESULT:REVOCATION}), seals and stores it.
 */
public interface ResultActs {

    IssuedAct correction(String dossierCode, Actor leader, String reason, String corrections);

    IssuedAct revocation(String dossierCode, Actor leader, String reason, String decisionReference);

    /** The act issued: its PDF, number, number and symbol as printed, and date. */
    record IssuedAct(List<AttachedDocument> documents, int number, String symbol, LocalDate issuedOn) {
    }
}
