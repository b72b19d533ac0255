package vn.motcua.eoffice.document;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.engine.administration.ConfiguredUsers;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;

/**
 * Who an official named in a decision is — a handler the head of a unit assigns — by id, as the deployment's
 * configuration lists its people ({@link ConfiguredUsers}): their name, unit and role, recorded in the event as the
 * {@link Actor} the aggregate checks. Never taken from the caller's word. An official not listed is unknown (the
 * decision names the field at fault); a deployment whose officials sign in only through OIDC lists those who may be
 * assigned documents in its configuration (docs/operations.md, e-office).
 */
@Component
public class Officials {

    private final ObjectProvider<ConfiguredUsers> configured;

    public Officials(ObjectProvider<ConfiguredUsers> configured) {
        this.configured = configured;
    }

    /** The official {@code id} in the role they take documents in (a specialist if they are one), if listed. */
    public Optional<Actor> official(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return configured.orderedStream().flatMap(users -> users.users().stream())
                .filter(person -> person.id().equals(id) && person.isOfficial()).findFirst()
                .map(Officials::asHandler);
    }

    private static Actor asHandler(Identity person) {
        Role role = person.has(Role.SPECIALIST) ? Role.SPECIALIST
                : person.roles().stream().filter(Role::isOfficial).sorted().findFirst().orElseThrow();
        return person.as(role);
    }
}
