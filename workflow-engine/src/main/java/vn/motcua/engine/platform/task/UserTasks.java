package vn.motcua.engine.platform.task;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.platform.AggregateType;

/**
 * What a tenant contributes to the one inbox ({@link TaskInbox}): the user tasks of its processes and how a
 * decision on one becomes its commands. Everything else — which tasks an official sees, the role and unit check,
 * claiming, the transaction binding the event to the process move, the conflict problems — is the platform's.
 * A tenant registers one bean of this type.
 *
 * @param <D> the tenant's decision type, read from the request body of {@code POST /api/v1/tasks/{id}/complete}
 */
public abstract class UserTasks<D extends TaskDecision> {

    private final AggregateType<?> aggregateType;
    private final List<TaskKind> kinds;
    private final Class<D> decisionType;

    /**
     * @param aggregateType the aggregate type whose id is the business key of these tasks' processes
     * @param kinds         its user tasks
     * @param decisionType  what a decision on one of them is read into
     */
    protected UserTasks(AggregateType<?> aggregateType, Collection<? extends TaskKind> kinds, Class<D> decisionType) {
        this.aggregateType = aggregateType;
        this.kinds = List.copyOf(kinds);
        this.decisionType = decisionType;
    }

    public final AggregateType<?> aggregateType() {
        return aggregateType;
    }

    public final List<TaskKind> kinds() {
        return kinds;
    }

    public final Class<D> decisionType() {
        return decisionType;
    }

    /**
     * What an item of this type shows besides the common fields, under the names its clients know: a dossier's
     * {@code dossierCode} and {@code procedureCode}, a document's {@code documentId} and {@code direction}.
     *
     * @param variables the process variables named by {@link #listedVariables()}, fetched once for a whole inbox
     */
    public abstract Map<String, Object> details(OpenTask task, Map<String, Object> variables);

    /** The process variables {@link #details} shows; none unless the tenant names them. */
    public Set<String> listedVariables() {
        return Set.of();
    }

    /**
     * The aggregates among {@code aggregateIds} whose tasks {@code who} may not see although the tasks are of their
     * role and unit (e.g. a secret document not assigned to them): they are left out of the inbox, and claiming or
     * completing one answers 404 like an unknown task. None by default.
     */
    public Set<String> hiddenFrom(Identity who, Set<String> aggregateIds) {
        return Set.of();
    }

    /**
     * When {@code actor} takes the task: in the claim's transaction, before Camunda records them as its assignee, or
     * in the transaction of their decision on a task they had not claimed, before {@link #decide}.
     */
    public void takingOver(OpenTask task, Actor actor) {
    }

    /**
     * Records the decision on the aggregate (its commands, which check the rules and append the events), adding the
     * process variables the BPMN's gateways read besides the outcome; runs inside the step's transaction, before the
     * task completes. Returns what the official sees next (the aggregate's view).
     */
    public abstract Object decide(OpenTask task, D decision, Actor actor, Identity who, Map<String, Object> variables);
}
