package vn.motcua.engine.identity;

import java.util.Objects;

/** Who took a step, in which role and for which org unit: recorded in every event. */
public record Actor(String id, String name, Role role, String unitId) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }
}
