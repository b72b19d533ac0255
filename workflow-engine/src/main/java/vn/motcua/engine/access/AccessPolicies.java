package vn.motcua.engine.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;

/**
 * Every registered access policy, one per aggregate type: the application does not start when a registered
 * aggregate type has none, or two, so no tenant can be served without its rules of who may see what.
 */
public class AccessPolicies {

    private final Map<String, AccessPolicy<?>> byName = new HashMap<>();

    public AccessPolicies(List<AccessPolicy<?>> policies, AggregateTypes types) {
        for (AccessPolicy<?> policy : policies) {
            AccessPolicy<?> other = byName.putIfAbsent(policy.type().name(), policy);
            if (other != null) {
                throw new IllegalStateException("Two access policies for " + policy.type().name() + ": "
                        + other.getClass().getName() + " and " + policy.getClass().getName());
            }
        }
        for (AggregateType<?> type : types.all()) {
            if (!byName.containsKey(type.name())) {
                throw new IllegalStateException("No access policy for the aggregate type " + type.name());
            }
        }
    }

    public Optional<AccessPolicy<?>> of(AggregateType<?> type) {
        return Optional.ofNullable(byName.get(type.name()));
    }
}
