package vn.motcua.engine.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The trace of a step carried with its events (W3C Trace Context, {@code traceparent}): the step's context is written
 * into the metadata of each event it appends ({@link StepObservations}), which is not part of the sealed canonical
 * bytes (docs/audit.md), so that the processors downstream — the Kafka publisher, and through its record headers the
 * consumers — continue that trace, however much later they handle the event. Without a tracer (no tracing bridge on
 * the class path) nothing is written and nothing continued.
 */
public class EventTraces {

    /** The W3C header that names the parent of whoever continues a trace. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The propagation headers of the current span, empty outside a sampled or unsampled trace. */
    public Map<String, String> current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return headers;
    }

    /**
     * A span of {@code kind} named {@code name}, child of the context that {@code carrier} holds (read by
     * {@code header}), started; empty when the carrier holds none (an event appended outside any trace).
     */
    public <C> Optional<Span> continued(C carrier, Function<String, String> header, String name, Span.Kind kind) {
        if (header.apply(TRACEPARENT) == null) {
            return Optional.empty();
        }
        return Optional.of(propagator.extract(carrier, (c, key) -> header.apply(key)).name(name).kind(kind).start());
    }

    /** Writes the propagation headers of {@code span} with {@code writer} (a Kafka record's headers). */
    public void inject(Span span, BiConsumer<String, String> writer) {
        propagator.inject(span.context(), writer, BiConsumer::accept);
    }

    /** Makes {@code span} the current one until the scope is closed (logs then carry its trace id). */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
