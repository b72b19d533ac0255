package vn.motcua.engine.platform;

import java.util.function.Supplier;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;

/**
 * What every BPMN bridge (dossiers, official documents) does around a step: run it in one transaction,
 * joining the caller's if any, and turn the engines' conflict signals into problems a person can act on;
 * any failure rolls back the event and the process move together.
 */
public final class Steps {

    private Steps() {
    }

    public static <T> T inOneTransaction(TransactionTemplate transaction, Supplier<T> body) {
        try {
            return transaction.execute(status -> body.get());
        } catch (ConcurrencyException | AggregateStreamCreationException | OptimisticLockingException e) {
            // AggregateStreamCreationException: another transaction created the same aggregate first
            throw new Problem(Problem.Kind.CONFLICT, "concurrent-update", "Hồ sơ, văn bản vừa được người khác cập nhật",
                    "Concurrent update", "Vui lòng tải lại và thử lại / Reload and try again", null);
        } catch (SuspendedEntityInteractionException e) {
            throw new Problem(Problem.Kind.CONFLICT, "process-suspended", "Quy trình đang tạm dừng",
                    "The process is suspended", e.getMessage(), null);
        } catch (MismatchingMessageCorrelationException e) {
            throw new Problem(Problem.Kind.CONFLICT, "process-not-waiting", "Quy trình không ở bước chờ thao tác này",
                    "The process is not waiting for this", e.getMessage(), null);
        }
    }

    /** The caller acting in {@code role}, or a 403 problem if they do not hold it. */
    public static Actor actorAs(Identity who, Role role) {
        if (!who.has(role)) {
            throw Problem.forbidden("Thao tác này dành cho vai trò " + role.labelVi() + " / This is for role " + role);
        }
        return who.as(role);
    }
}
