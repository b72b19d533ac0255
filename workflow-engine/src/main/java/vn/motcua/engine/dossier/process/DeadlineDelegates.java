package vn.motcua.engine.dossier.process;

import java.util.Date;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.engine.dossier.DossierCommand;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * What the BPMN deadline timers do, each one thing: record that 75% of the time has passed (the handler
 * is warned), or that the dossier is overdue (the unit head gets the overdue review task), or that the applicant
 * did not supplement in the allowed period (the dossier ends). The step is
 * the system's, in the dossier's unit, and is recorded in the same transaction as the timer job.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineDelegates {

    @Bean
    JavaDelegate deadlineWarning(CommandGateway commands) {
        return execution -> commands.sendAndWait(new DossierCommand.WarnDeadline(execution.getProcessBusinessKey(),
                dueAt(execution).toInstant(), system(execution)));
    }

    @Bean
    JavaDelegate overdueEscalation(CommandGateway commands) {
        return execution -> commands.sendAndWait(new DossierCommand.MarkOverdue(execution.getProcessBusinessKey(),
                dueAt(execution).toInstant(), system(execution)));
    }

    /** The applicant did not supplement by {@code lapseAt}: the dossier ends (status 8) and the applicant is told. */
    @Bean
    JavaDelegate supplementLapse(CommandGateway commands) {
        return execution -> commands.sendAndWait(new DossierCommand.LapseDossier(execution.getProcessBusinessKey(),
                ((Date) execution.getVariable("supplementRequestedAt")).toInstant(),
                ((Number) execution.getVariable("supplementLapseDays")).intValue(), system(execution)));
    }

    private static Date dueAt(DelegateExecution execution) {
        return (Date) execution.getVariable("dueAt");
    }

    static Actor system(DelegateExecution execution) {
        return new Actor("system", "Hệ thống motcua", Role.SYSTEM, (String) execution.getVariable("unitId"));
    }
}
