package vn.motcua.engine.dossier.process;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.dossier.DossierCommand;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.Steps;

/**
 * Correction (đính chính) and revocation (thu hồi) of a dossier's issued result by the leader of its unit: each a
 * new numbered, signed and sealed act ({@link ResultActs}) recorded by the dossier as its own event; the original
 * result is never touched (Decree 30/2020/ND-CP). The act is made and the event appended in one transaction, so a
 * refused step (the dossier's rules: {@code RESULT_ACT_*}, {@code NOTHING_AFTER_REVOCATION}) uses no number of the
 * register. The process is not involved: the dossier's handling has ended when its result was issued.
 */
@Service
public class ResultCorrections {

    private final org.axonframework.commandhandling.gateway.CommandGateway commands;
    private final TransactionTemplate transaction;
    private final DossierPolicy policy;
    private final DossierRegistry registry;
    private final ResultActs acts;

    public ResultCorrections(org.axonframework.commandhandling.gateway.CommandGateway commands,
                             TransactionTemplate transaction, DossierPolicy policy, DossierRegistry registry,
                             ResultActs acts) {
        this.commands = commands;
        this.transaction = transaction;
        this.policy = policy;
        this.registry = registry;
        this.acts = acts;
    }

    /** The leader corrects the result: a numbered act stating the reason and the corrected content. */
    public ResultActs.IssuedAct correct(String code, String reason, String corrections, Identity who) {
        Actor leader = Steps.actorAs(who, Role.LEADER);
        AccessCheck.toAct(policy, who, code, registry.find(code));
        return Steps.inOneTransaction(transaction, () -> {
            ResultActs.IssuedAct act = acts.correction(code, leader, reason, corrections);
            commands.sendAndWait(new DossierCommand.CorrectResult(code, corrections, reason, act.number(),
                    act.symbol(), act.issuedOn(), act.documents(), leader));
            return act;
        });
    }

    /** The leader revokes the result: a numbered decision stating the reason; nothing follows it. */
    public ResultActs.IssuedAct revoke(String code, String reason, String decisionReference, Identity who) {
        Actor leader = Steps.actorAs(who, Role.LEADER);
        AccessCheck.toAct(policy, who, code, registry.find(code));
        return Steps.inOneTransaction(transaction, () -> {
            ResultActs.IssuedAct act = acts.revocation(code, leader, reason, decisionReference);
            commands.sendAndWait(new DossierCommand.RevokeResult(code, reason, decisionReference, act.number(),
                    act.symbol(), act.issuedOn(), act.documents(), leader));
            return act;
        });
    }
}
