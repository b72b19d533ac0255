package vn.motcua.eoffice.document;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.platform.task.OpenTask;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.platform.task.UserTasks;
import vn.motcua.engine.dossier.process.Deadlines;
import vn.motcua.eoffice.document.DocumentWorkflow.Decision;

/**
 * The steps of the {@code outgoing_document} and {@code incoming_document} processes as tasks of the one inbox
 * ({@link TaskInbox}): the {@link DocumentStep}s (Decree 30/2020 roles), each item naming its {@code documentId}
 * and {@code direction}, and each decision recorded by {@link DocumentWorkflow#decide}. The leader's instructions
 * with a deadline (Decree 30/2020 Art. 23) give the lead unit's tasks their due time and deadline colour; the due date
 * the head of the lead unit assigns with the handler (Art. 24) then gives the handler's tasks theirs. The tasks
 * of a secret document are only for the officials it is assigned to (Law 29/2018/QH14 on State Secrets,
 * {@link DocumentPolicy}): to any other holder of the role they do not exist.
 */
@Component
class DocumentTasks extends UserTasks<Decision> {

    private final DocumentWorkflow workflow;
    private final Deadlines deadlines;

    DocumentTasks(DocumentWorkflow workflow, Deadlines deadlines) {
        super(DocumentPlatform.DOCUMENTS, Arrays.asList(DocumentStep.values()), Decision.class);
        this.workflow = workflow;
        this.deadlines = deadlines;
    }

    @Override
    public Map<String, Object> details(OpenTask task, Map<String, Object> variables) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentId", task.aggregateId());
        details.put("direction", (task.processDefinitionId().startsWith(DocumentWorkflow.OUTGOING_PROCESS + ":")
                ? Direction.OUTGOING : Direction.INCOMING).name());
        return details;
    }

    /** Secret documents not assigned to {@code who} ({@link DocumentPolicy}): their tasks are not theirs to see. */
    @Override
    public Set<String> hiddenFrom(Identity who, Set<String> aggregateIds) {
        return workflow.hiddenFrom(who, aggregateIds);
    }

    @Override
    public Object decide(OpenTask task, Decision decision, Actor actor, Identity who, Map<String, Object> variables) {
        DocumentWorkflow.View view = workflow.decide(task.aggregateId(), (DocumentStep) task.kind(), decision, actor,
                who, variables);
        if (decision.outcome() == DocumentStep.Outcome.INSTRUCT && decision.deadline() != null) {
            variables.putAll(deadlines.forUnit(decision.leadUnitId(), decision.deadline()));
        }
        if (decision.outcome() == DocumentStep.Outcome.ASSIGN && view.dueOn() != null) {
            // the handler's tasks are due on the date the head of the lead unit set, within the leader's deadline
            variables.putAll(deadlines.forUnit(view.leadUnitId(), view.dueOn()));
        }
        return view;
    }
}
