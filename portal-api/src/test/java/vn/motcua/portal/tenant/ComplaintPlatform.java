package vn.motcua.portal.tenant;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.access.AccessPolicy;
import vn.motcua.engine.access.Scope;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.Steps;
import vn.motcua.engine.platform.task.OpenTask;
import vn.motcua.engine.platform.task.TaskDecision;
import vn.motcua.engine.platform.task.TaskKind;
import vn.motcua.engine.platform.task.UserTasks;
import vn.motcua.portal.tenant.Complaint.ComplaintEvent;

/** The complaint's registrations: what any new aggregate type writes to plug into the platform. */
@Configuration(proxyBeanMethods = false)
public class ComplaintPlatform {

    public static final String PROCESS = "test-complaint";

    public static final AggregateType<ComplaintEvent> COMPLAINTS = new AggregateType<>("complaint", "complaints",
            Complaint.class.getSimpleName(), ComplaintEvent.class, ComplaintEvent::complaintId, "phản ánh");

    @Bean
    AggregateType<ComplaintEvent> complaintAggregateType() {
        return COMPLAINTS;
    }

    /** What the complaint's access policy judges by: the unit it was filed with and who filed it. */
    record ComplaintFacts(String unitId, String complainantId) {
    }

    /** Who may see a complaint: who filed it and the unit's officials; inspectors read all and change none. */
    @Bean
    AccessPolicy<ComplaintFacts> complaintAccessPolicy() {
        return new AccessPolicy<>() {
            @Override
            public AggregateType<?> type() {
                return COMPLAINTS;
            }

            @Override
            public boolean maySee(Identity who, ComplaintFacts complaint) {
                return who.has(Role.INSPECTOR) || mayAct(who, complaint);
            }

            @Override
            public boolean mayAct(Identity who, ComplaintFacts complaint) {
                return !who.has(Role.INSPECTOR) && (who.id().equals(complaint.complainantId())
                        || (who.isOfficial() && complaint.unitId().equals(who.unitId())));
            }

            @Override
            public Scope ownScope(Identity who) {
                return Scope.owner(who.id());
            }
        };
    }

    enum Outcome { ANSWER }

    /** The one task of the complaint's BPMN: reception answers. */
    static final TaskKind ANSWER = new TaskKind.Definition("complaint_answer", Role.RECEPTION, "answer",
            Set.of(Outcome.ANSWER));

    record Answer(Outcome outcome, String comment) implements TaskDecision {
    }

    @Bean
    UserTasks<Answer> complaintTasks(CommandGateway commands) {
        return new UserTasks<>(COMPLAINTS, List.of(ANSWER), Answer.class) {
            @Override
            public Map<String, Object> details(OpenTask task, Map<String, Object> variables) {
                return Map.of("complaintId", task.aggregateId());
            }

            @Override
            public Object decide(OpenTask task, Answer decision, Actor actor, Identity who,
                                 Map<String, Object> variables) {
                commands.sendAndWait(new Complaint.AnswerComplaint(task.aggregateId(), decision.comment(), actor));
                return Map.of("complaintId", task.aggregateId(), "answered", true);
            }
        };
    }

    /** How a citizen files a complaint: the event appended and the process started in one transaction. */
    @Bean
    ComplaintDesk complaintDesk(CommandGateway commands, RuntimeService runtime, TransactionTemplate transaction) {
        return (unitId, text, citizen) -> Steps.inOneTransaction(transaction, () -> {
            String id = "PA-" + UUID.randomUUID();
            commands.sendAndWait(new Complaint.ReceiveComplaint(id, unitId, text, citizen));
            runtime.startProcessInstanceByKey(PROCESS, id, Map.of("unitId", unitId));
            return id;
        });
    }

    @FunctionalInterface
    public interface ComplaintDesk {
        String file(String unitId, String text, Actor citizen);
    }
}
