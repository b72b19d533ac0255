package vn.motcua.portal.ratelimit;

import java.time.Duration;
import java.util.Comparator;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * One Bucket4j token bucket per limit and client, kept in memory in a bounded cache (a flood of new client keys
 * evicts the oldest buckets, it cannot exhaust the heap). Each node limits on its own: behind a load balancer of n
 * nodes a client gets at most n times the limit, which still bounds a walk of the dossier codes.
 */
@Component
public class RateLimits {

    /** What a limited request is told: allowed, or how long to wait. */
    public record Verdict(boolean allowed, Duration retryAfter) {
        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        /** Whole seconds for the {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    public RateLimits(RateLimitProperties properties) {
        this.properties = properties;
        Duration longest = properties.limits().values().stream().map(RateLimitProperties.Limit::period)
                .max(Comparator.naturalOrder()).orElse(Duration.ofMinutes(1));
        // a bucket untouched for a whole period is full again: forgetting it changes nothing
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxClients()).expireAfterAccess(longest).build();
    }

    /** Takes one token of {@code limit} for {@code client}. */
    public Verdict take(String limit, String client) {
        ConsumptionProbe probe = bucket(limit, client).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether {@code client} has a token of {@code limit} left, taking none (failures are counted after the fact). */
    public Verdict peek(String limit, String client) {
        EstimationProbe probe = bucket(limit, client).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Verdict.ALLOWED : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(String limit, String client) {
        RateLimitProperties.Limit configured = properties.limit(limit);
        return buckets.get(limit + '\u0000' + client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(configured.capacity())
                        .refillGreedy(configured.capacity(), configured.period()).build())
                .build());
    }
}
