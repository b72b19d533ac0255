package vn.motcua.eoffice.document;

import org.springframework.stereotype.Component;

import vn.motcua.engine.access.AccessPolicy;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.eoffice.document.DocumentWorkflow.View;

/**
 * Who may see and change an official document (Decree 30/2020/ND-CP): the officials of the unit that drafted or
 * received it, and of the unit instructed to lead its handling, read and act on it; the officials of a supporting
 * unit read it (they give their opinions to the lead unit, Art. 24) and change nothing; inspectors read every
 * document and change nothing. Applicants never see documents. For everyone else a document does not exist.
 *
 * <p>Độ mật (Law on Protection of State Secrets 2018) narrows nothing yet: a document marked Mật, Tối mật or
 * Tuyệt mật is open to the same people as any other of its unit, and what its level changes is its numbering in
 * the secret series ({@link Secrecy#series()}). A rule of who is cleared for which level belongs in
 * {@link #cleared}, and only there; searches would then need the level in the index.
 */
@Component
public class DocumentPolicy implements AccessPolicy<View> {

    @Override
    public AggregateType<?> type() {
        return DocumentPlatform.DOCUMENTS;
    }

    @Override
    public boolean maySee(Identity who, View document) {
        if (!cleared(who, document.secrecy())) {
            return false;
        }
        return who.has(Role.INSPECTOR) || mayAct(who, document)
                || (who.isOfficial() && who.unitId() != null && document.supportingUnitIds().contains(who.unitId()));
    }

    @Override
    public boolean mayAct(Identity who, View document) {
        if (who.has(Role.INSPECTOR) || !who.isOfficial() || who.unitId() == null
                || !cleared(who, document.secrecy())) {
            return false;
        }
        return who.unitId().equals(document.unitId()) || who.unitId().equals(document.leadUnitId());
    }

    /**
     * Whether the secrecy level lets {@code who} in at all. Every level does today: who may see a secret document
     * is decided by the unit rule alone (see the class comment); a clearance rule would replace this line.
     */
    private static boolean cleared(Identity who, Secrecy secrecy) {
        return true;
    }
}
