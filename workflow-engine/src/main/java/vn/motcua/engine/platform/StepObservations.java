package vn.motcua.engine.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import vn.motcua.engine.problem.Problem;

/**
 * Every step of every aggregate type, observed in the one place all of them pass through: the handling of its command
 * on Axon's command bus, inside the step's transaction — the people's steps through {@link Steps#inOneTransaction},
 * the process's own (deadline warnings, lapses) from Camunda's job executor alike. One Micrometer observation
 * {@value #NAME} per command (span {@code step submit-dossier} …), from the command to the end of its transaction, so that it times the step with its
 * process move and its commit, and its span is the parent of what the step does (ARCHITECTURE.md, "the flow of one
 * step"):
 * <ul>
 * <li>tags of bounded cardinality: {@code aggregate.type}, {@code procedure} (the tenant's {@link StepTags}), {@code
 * step} (the command: {@code SubmitDossier}, {@code AcceptDossier} …) and {@code outcome} ({@code committed}, {@code
 * rolled-back} when something after the command undid the step, {@code refused} for a problem answered to the person
 * — a rule, a conflict —, {@code failed} otherwise); the aggregate's id only on the span ({@code aggregate.id});</li>
 * <li>the id in the log MDC under the tenant's key ({@code dossierCode}) and {@code aggregateType} from when it is
 * known (the command names it, or its first event) to the end of the step's transaction;</li>
 * <li>the events the command appends learn the step's trace context in their metadata ({@link EventTraces}), and
 * tell the step which aggregate it was for.</li>
 * </ul>
 * With Micrometer's meter handler the observation is the timer {@value #NAME} (Prometheus {@code
 * motcua_step_seconds_count} counts completed steps). The step waits on no query for any of it.
 */
public class StepObservations implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String NAME = "motcua.step";
    /** The tag value of what is not known (a command that appended nothing of an unregistered type). */
    public static final String UNKNOWN = "-";
    static final String AGGREGATE_TYPE_KEY = "aggregateType";
    static final String AGGREGATE_ID_KEY = "aggregateId";

    private static final String STEP = StepObservations.class.getName() + ".step";
    private static final Logger log = LoggerFactory.getLogger(StepObservations.class);
    /** Where a span name gets its hyphen: Micrometer's tracing names spans in lower-hyphen ("step submit-dossier"). */
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final ObservationRegistry registry;
    private final AggregateTypes types;
    private final Map<String, StepTags> tags = new HashMap<>();
    private final EventTraces traces;
    private final Supplier<Map<Class<?>, String>> commandTypes;

    /**
     * @param commandTypes which aggregate type (by name) handles each command class, asked once the command bus
     *                     runs (Axon's aggregate models)
     */
    public StepObservations(ObservationRegistry registry, AggregateTypes types, List<StepTags> tenants,
                            EventTraces traces, Supplier<Map<Class<?>, String>> commandTypes) {
        this.registry = registry;
        this.types = types;
        this.traces = traces;
        // Axon's aggregate models exist only once its configuration started: asked at the first command
        this.commandTypes = SingletonSupplier.of(commandTypes);
        for (StepTags tenant : tenants) {
            tags.put(tenant.aggregateType(), tenant);
        }
    }

    /** What one observed step has learnt so far. */
    static final class StepContext extends Observation.Context {
        private final String step;
        private final Object command;
        private final long started = System.nanoTime();
        private String aggregateType;
        private String aggregateId;
        /** Set when the command itself failed; else the transaction's end decides. */
        private String outcome;
        private Observation observation;

        StepContext(String step, Object command) {
            this.step = step;
            this.command = command;
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        StepContext step = new StepContext(command.getPayloadType().getSimpleName(), command.getPayload());
        step.aggregateType = commandTypes.get().getOrDefault(command.getPayloadType(), UNKNOWN);
        step.aggregateId = target(command);
        step.observation = Observation.createNotStarted(NAME, () -> step, registry)
                .contextualName("step " + WORD_START.matcher(step.step).replaceAll("-").toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue("step", step.step)
                .start();
        unitOfWork.resources().put(STEP, step);
        logged(step);
        stopAtTheEnd(unitOfWork, step);
        try (Observation.Scope scope = step.observation.openScope()) {
            return chain.proceed();
        } catch (Exception | Error e) {
            step.outcome = e instanceof Problem ? "refused" : "failed";
            step.observation.error(e);
            throw e;
        }
    }

    /**
     * Ends the step with the transaction it runs in (commit or rollback: its events are appended and sealed, and the
     * process moved, only by then), or with the command's unit of work when no Spring transaction surrounds it.
     */
    private void stopAtTheEnd(UnitOfWork<?> unitOfWork, StepContext step) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    stop(step, status == STATUS_COMMITTED ? "committed" : "rolled-back");
                }
            });
        } else {
            unitOfWork.onCleanup(done -> stop(step, done.isRolledBack() ? "rolled-back" : "committed"));
        }
    }

    private void stop(StepContext step, String ending) {
        String outcome = step.outcome != null ? step.outcome : ending;
        step.observation.lowCardinalityKeyValue("aggregate.type", step.aggregateType)
                .lowCardinalityKeyValue("procedure", procedure(step))
                .lowCardinalityKeyValue("outcome", outcome)
                .highCardinalityKeyValue("aggregate.id", Objects.requireNonNullElse(step.aggregateId, UNKNOWN))
                .stop();
        if (log.isDebugEnabled()) {
            log.debug("step {} of {} {}: {} in {} ms", step.step, step.aggregateType, step.aggregateId, outcome,
                    (System.nanoTime() - step.started) / 1_000_000);
        }
        MDC.remove(logKey(step.aggregateType));
        MDC.remove(AGGREGATE_TYPE_KEY);
    }

    /**
     * The interceptor of every event appended to the event store (Axon runs it when the command's unit of work
     * prepares its commit): it tells the step which aggregate it is for, and writes the step's trace context into
     * the event's metadata.
     */
    public MessageDispatchInterceptor<EventMessage<?>> eventInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
                return (index, event) -> traced(event);
            }
        };
    }

    private EventMessage<?> traced(EventMessage<?> event) {
        StepContext step = CurrentUnitOfWork.isStarted() ? running(CurrentUnitOfWork.get()) : null;
        if (step == null) {
            Map<String, String> context = traces.current();
            return context.isEmpty() ? event : event.andMetaData(context);
        }
        if (event instanceof DomainEventMessage<?> domain) {
            step.aggregateId = domain.getAggregateIdentifier();
            types.byStoredType(domain.getType()).ifPresent(type -> step.aggregateType = type.name());
            logged(step);
        }
        try (Observation.Scope scope = step.observation.openScope()) {
            Map<String, String> context = traces.current();
            return context.isEmpty() ? event : event.andMetaData(context);
        }
    }

    /** The step whose command this unit of work (or one it is nested in) handles. */
    private static StepContext running(UnitOfWork<?> unitOfWork) {
        for (UnitOfWork<?> current = unitOfWork; current != null; current = current.parent().orElse(null)) {
            if (current.getResource(STEP) instanceof StepContext step) {
                return step;
            }
        }
        return null;
    }

    private String procedure(StepContext step) {
        StepTags tenant = tags.get(step.aggregateType);
        if (tenant == null || step.aggregateId == null) {
            return UNKNOWN;
        }
        try {
            return Objects.requireNonNullElse(tenant.procedure(step.aggregateId, step.command), UNKNOWN);
        } catch (RuntimeException e) {
            // a failed step's transaction may refuse every further statement: the tag is not worth its failure
            return UNKNOWN;
        }
    }

    private String logKey(String aggregateType) {
        StepTags tenant = tags.get(aggregateType);
        return tenant == null ? AGGREGATE_ID_KEY : tenant.logKey();
    }

    /** The step's aggregate in the log MDC, under its tenant's key, until the step ends. */
    private void logged(StepContext step) {
        if (step.aggregateId != null) {
            MDC.put(logKey(step.aggregateType), step.aggregateId);
            MDC.put(AGGREGATE_TYPE_KEY, step.aggregateType);
        }
    }

    /** The aggregate a command names ({@code @TargetAggregateIdentifier}); null for one that creates it. */
    private static String target(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }
}
