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
 * <p>A secret document (Mật, Tối mật, Tuyệt mật; Law on Protection of State Secrets 29/2018/QH14) narrows that circle
 * to the officials it is <em>assigned</em> to: "lộ bí mật nhà nước" is any person without responsibility for it coming
 * to know it (Art. 2(3)), and a secret is used only by those whose task it is (Art. 3(3)). Assigned means:
 * <ul>
 * <li>named on it by the workflow ({@link View#assignees()}): whoever took one of its steps — the drafter, the unit
 * head who reviewed it, the leader who signed it, the clerk (văn thư) who received, registered, numbered, sealed or
 * issued it — the leader it was presented to, and the handlers the leader's instructions name
 * ({@link DocumentRule#SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS});</li>
 * <li>or holding, in its unit, the role its open step is routed to when the BPMN routes that step to a role rather
 * than to a named person ({@link #routedRole}): the unit head while it awaits review, the head of the lead unit while
 * an incoming one awaits the assignment of its handler, the leaders while it awaits
 * signature, the clerks while it awaits numbering, seal, issue, delivery, presentation or archiving.</li>
 * </ul>
 * Everyone else of the unit gets the same 404 as for an unknown id, in reads, lists, the inbox and searches.
 *
 * <p>Inspectors keep read access to secret documents (as the issue asks), without a clearance claim of their own: an
 * inspection of an agency is a task directly concerning its secrets, to which the Law (Art. 15) lets the competent
 * head of the agency provide them, and the INSPECTOR role is granted only under an inspection decision — the grant
 * is that provision, to be recorded as such in the production checklist (docs/security.md). What an inspector finds
 * of a Tối mật or Tuyệt mật document here is its metadata only: the system holds no more ({@link Secrecy}).
 */
@Component
public class DocumentPolicy implements AccessPolicy<View> {

    @Override
    public AggregateType<?> type() {
        return DocumentPlatform.DOCUMENTS;
    }

    @Override
    public boolean maySee(Identity who, View document) {
        if (who.has(Role.INSPECTOR)) {
            return true;
        }
        boolean unitSees = actsByUnit(who, document)
                || (who.isOfficial() && who.unitId() != null && document.supportingUnitIds().contains(who.unitId()));
        return unitSees && assigned(who, document);
    }

    @Override
    public boolean mayAct(Identity who, View document) {
        return actsByUnit(who, document) && assigned(who, document);
    }

    /**
     * Whether a list or search of {@code who} covers every secret document of its scope (inspectors) rather than only
     * those named on them ({@link View#assignees()}): what a search index, which keeps the names but not the open
     * step, can filter on.
     */
    public boolean readsEverySecretDocument(Identity who) {
        return who.has(Role.INSPECTOR);
    }

    private static boolean actsByUnit(Identity who, View document) {
        if (who.has(Role.INSPECTOR) || !who.isOfficial() || who.unitId() == null) {
            return false;
        }
        return who.unitId().equals(document.unitId()) || who.unitId().equals(document.leadUnitId());
    }

    /** An unclassified document is open to its units; a secret one only to those it is assigned to. */
    private static boolean assigned(Identity who, View document) {
        if (document.secrecy() == null || !document.secrecy().isSecret()) {
            return true;
        }
        if (document.assignees().contains(who.id())) {
            return true;
        }
        Role routed = routedRole(document.status());
        String routedUnit = document.status() == DocumentStatus.INSTRUCTED ? document.leadUnitId() : document.unitId();
        return routed != null && who.has(routed) && who.unitId() != null && who.unitId().equals(routedUnit);
    }

    /**
     * The role of the open step that the BPMN routes to every holder of a role in the document's unit
     * ({@link DocumentStep}, candidate groups {@code ROLE@unitId}); null where the step is a named person's — the
     * drafter's draft, the clerk's received document, the leader it was presented to, the handler assigned — or
     * where nothing is open.
     */
    static Role routedRole(DocumentStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            // the head of the drafting unit reviews; the head of the lead unit assigns the handler (Decree 30 Art. 24)
            case IN_REVIEW, INSTRUCTED -> Role.UNIT_HEAD;
            case AWAITING_SIGNATURE -> Role.LEADER;
            case SIGNED, NUMBERED, SEALED, ISSUED, REGISTERED, CLOSED -> Role.CLERK;
            default -> null;
        };
    }
}
