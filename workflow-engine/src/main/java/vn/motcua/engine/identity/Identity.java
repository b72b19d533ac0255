package vn.motcua.engine.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * An authenticated person as the engine sees them: one person may hold several roles in one
 * unit; each step is taken in exactly one of them (see {@link #as(Role)}). Serializable, since a signed-in
 * browser's session, which holds it, is kept in PostgreSQL for every node to read.
 */
public record Identity(String id, String name, Set<Role> roles, String unitId) implements Serializable {
    public Identity {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOfficial() {
        return roles.stream().anyMatch(Role::isOfficial);
    }

    public Actor as(Role role) {
        if (!has(role)) {
            throw new IllegalStateException(id + " does not hold role " + role);
        }
        return new Actor(id, name, role, unitId);
    }
}
