package vn.motcua.portal.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of {@link LimitedPaths}, by name ({@code motcua.rate-limits.<name>.capacity} and {@code .period}):
 * a client may send {@code capacity} requests at once, and then one more each {@code period / capacity}.
 */
@ConfigurationProperties("motcua.rate-limits")
public record RateLimitProperties(Map<String, Limit> limits, int maxClients) {

    public record Limit(long capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs capacity >= 1 and a positive period");
            }
        }
    }

    public RateLimitProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        maxClients = maxClients <= 0 ? 100_000 : maxClients;
    }

    Limit limit(String name) {
        Limit limit = limits.get(name);
        if (limit == null) {
            throw new IllegalStateException("motcua.rate-limits.limits." + name + " is not configured");
        }
        return limit;
    }
}
