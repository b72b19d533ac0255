package vn.motcua.portal.support;

import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The spans the application finished lately, kept in memory for the tests that follow a trace: a real OpenTelemetry
 * exporter beside whatever else is configured (Spring Boot hands every {@link SpanExporter} bean to its span
 * processor), in the one shared context of the integration tests (test auto-configuration), bounded so that a whole
 * suite's traffic never piles up.
 */
public class RecentSpans implements SpanExporter {

    static final int KEPT = 20_000;

    private final Deque<SpanData> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
        for (SpanData span : finished) {
            spans.addLast(span);
            if (size.incrementAndGet() > KEPT && spans.pollFirst() != null) {
                size.decrementAndGet();
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The kept spans of one trace, in the order they finished. */
    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** The kept spans, in the order they finished. */
    public List<SpanData> all() {
        return List.copyOf(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** Registers the exporter in every test context (listed in the test class path's auto-configuration imports). */
    @AutoConfiguration
    public static class Registration {
        @Bean
        RecentSpans recentSpans() {
            return new RecentSpans();
        }
    }
}
